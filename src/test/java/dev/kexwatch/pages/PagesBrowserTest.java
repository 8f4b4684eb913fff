package dev.kexwatch.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.security.TestTokens;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.MinaSshServer.Algorithms;
import dev.kexwatch.testsupport.Ports;
import io.quarkus.test.common.http.TestHTTPResource;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages in a real headless Chromium, over real scan data: a weak and a strong MINA SSHD server and a closed
 * port, scanned once. Who is calling is explicit: the browser signs in with a viewer's or an operator's token.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class PagesBrowserTest {

    static final Algorithms STRONG = new Algorithms(List.of("curve25519-sha256", "ecdh-sha2-nistp256"),
            List.of("rsa-sha2-512", "rsa-sha2-256"), List.of("aes256-gcm@openssh.com", "aes128-ctr"),
            List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com"));

    private static MinaSshServer weak;
    private static MinaSshServer strong;
    private static int closedPort;
    private static long weakId;
    private static long strongId;
    private static long scanId;
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    /** Once per class, after Quarkus is up (the REST calls need its port). */
    @BeforeEach
    void scanThreeHostsAndOpenTheBrowser() {
        if (browser != null) {
            return;
        }
        weak = MinaSshServer.start(Algorithms.weak());
        strong = MinaSshServer.start(STRONG);
        closedPort = Ports.freePort();
        weakId = Api.addHost("127.0.0.1", weak.port(), Map.of("suite", "pages", "tier", "legacy"));
        strongId = Api.addHost("127.0.0.1", strong.port(), Map.of("suite", "pages", "tier", "modern",
                "profile", "hardened"));
        Api.addHost("127.0.0.1", closedPort, Map.of("suite", "pages", "tier", "gone"));
        scanId = Api.scan("suite=pages");
        browser = Browser.start(root.toString());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        weak.close();
        strong.close();
    }

    @Test
    void theFrontDoorLeadsToTheFleetWhoseFiltersWork() {
        browser.signIn(TestTokens.viewer());
        browser.open("/");
        assertThat(browser.url()).startsWith("/ui/fleet");
        filter("", "", "", "");
        assertThat(hostRows()).contains(weakTarget(), strongTarget(), "127.0.0.1:" + closedPort);
        assertThat(browser.text("#by-state")).contains("non compliant", "compliant", "unreachable");
        assertThat(browser.all("svg.trend rect[data-scan]")).as("the trend chart has a bar per finished scan")
                .isNotEmpty();
        assertThat(browser.text("#last-scan")).contains("scan ");
        assertThat(browser.text("#next-scan")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");

        filter("suite=pages", "", "", "");
        assertThat(hostRows()).containsExactly(weakTarget(), strongTarget(), "127.0.0.1:" + closedPort);
        browser.screenshots("fleet");
        filter("suite=pages", "non_compliant", "", "");
        assertThat(hostRows()).contains(weakTarget()).doesNotContain("127.0.0.1:" + closedPort);
        filter("suite=pages", "unreachable", "", "");
        assertThat(hostRows()).containsExactly("127.0.0.1:" + closedPort);
        filter("suite=pages", "", "high", "");
        assertThat(hostRows()).containsExactly(weakTarget());
        filter("suite=pages", "", "", "hardened-openssh");
        assertThat(hostRows()).as("the hardened policy applies to profile=hardened only").containsExactly(strongTarget());

        browser.open("/ui/fleet?q=" + weak.port());
        assertThat(hostRows()).containsExactly(weakTarget());
        assertThat(browser.find("#hosts tr[data-host='" + weakTarget() + "']").getText()).contains("baseline/no-md5-mac");

        browser.open("/ui/fleet?label=suite&groupBy=tier");
        assertThat(browser.text("#filter-error")).contains("suite");
        browser.open("/ui/fleet?label=suite=pages&groupBy=tier");
        assertThat(browser.text("#by-label")).contains("legacy", "modern", "gone");
    }

    @Test
    void theHostPageShowsListsVerdictsFindingsFixesHistoryAndClients() {
        browser.signIn(TestTokens.viewer());
        browser.open("/ui/fleet?label=suite=pages");
        browser.driver.findElement(By.linkText(weakTarget())).click();
        assertThat(browser.url()).isEqualTo("/ui/hosts/" + weakId);
        JsonPath rest = Api.host(weakId);

        assertThat(browser.text("#identification")).contains(rest.getString("compliance.identification"));
        WebElement kex = browser.find("section.offered[data-list='kex'] table");
        assertThat(kex.getText()).contains("diffie-hellman-group1-sha1");
        WebElement group1 = kex.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains("diffie-hellman-group1-sha1")).findFirst().orElseThrow();
        assertThat(group1.getText()).contains("INSECURE");
        assertThat(browser.all("section.offered")).hasSize(rest.getMap("lists").size());

        List<String> rules = rest.getList("compliance.findings.ruleId", String.class);
        assertThat(rules).contains("no-md5-mac");
        String findings = browser.all("article.finding").stream().map(WebElement::getText).reduce("", String::concat);
        rules.forEach(rule -> assertThat(findings).contains(rule));
        List<String> fixes = rest.getList("compliance.findings.remediation", String.class);
        List<String> shown = browser.all("pre.remediation").stream().map(e -> e.getAttribute("textContent")).toList();
        assertThat(shown).containsAll(fixes.stream().filter(f -> f != null).toList());
        // The host's one remediation for every policy in force: the drop-in as the REST report gives it.
        assertThat(browser.find("#remediation").getAttribute("data-server")).isEqualTo(rest.getString("remediation.server"));
        String dropIn = rest.getString("remediation.sshdConfig");
        assertThat(browser.all("#fix-host").stream().map(e -> e.getAttribute("textContent")).toList())
                .isEqualTo(dropIn == null ? List.of() : List.of(dropIn));
        assertThat(browser.find("button.copy").isDisplayed()).as("copy button shown where scripts run").isTrue();

        assertThat(browser.text("#timeline")).contains("scans " + scanId + "–" + scanId);
        assertThat(browser.all("#negotiation tr[data-client]")).isNotEmpty();
        browser.screenshots("host");
    }

    @Test
    void theCompatibilityPageShowsTheMatrixAndAnswersWhatIf() {
        browser.signIn(TestTokens.viewer());
        browser.open("/ui/compatibility?label=suite=pages");
        assertThat(browser.all("#matrix tr[data-host]").stream().map(r -> r.getAttribute("data-host")).toList())
                .containsExactly(weakTarget(), strongTarget());
        browser.find("#c-config").sendKeys("Ciphers -aes128-ctr,aes256-gcm@openssh.com");
        browser.submit("form.filters button[type=submit]");
        assertThat(browser.text("#what-if-h")).isEqualTo("What-if: 2 host(s) would change");
        assertThat(browser.text("#what-if")).contains("Newly broken");
        browser.screenshots("compatibility");

        browser.open("/ui/compatibility?label=suite=pages&sshdConfig=Nonsense+yes");
        assertThat(browser.text("#whatif-error")).startsWith("sshdConfig");
    }

    @Test
    void anOperatorStartsAScanWatchesItLiveAndCancelsIt() throws IOException {
        List<ServerSocket> silent = new ArrayList<>();
        try {
            // 20 hosts, 4 at a time on one address, each tried twice: the first result after about 18 s, the last
            // after about 30 s, so the scan still runs when the operator cancels it.
            for (int i = 0; i < 20; i++) {
                // Accepted by the kernel, never answered: every probe waits out its whole deadline.
                ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
                silent.add(socket);
                Api.addHost("127.0.0.1", socket.getLocalPort(), Map.of("suite", "pages-slow"));
            }
            browser.signIn(TestTokens.operator());
            browser.open("/ui/scans");
            browser.find("#s-label").sendKeys("suite=pages-slow");
            browser.submit("#start-scan button");
            assertThat(browser.url()).matches("/ui/scans/\\d+");
            long id = Long.parseLong(browser.url().substring("/ui/scans/".length()));
            assertThat(browser.text("#status")).isEqualTo("running");
            assertThat(browser.text("#total")).isEqualTo("20");
            browser.driver.executeScript("window.samePage = true;");
            // The stored count moves when the first probes have waited out their deadline (and their retry).
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> Integer.parseInt(browser.text("#done")) >= 1);
            assertThat(browser.driver.executeScript("return window.samePage === true;"))
                    .as("progress came in without reloading the page").isEqualTo(true);
            browser.screenshots("scan-running");

            viewerCannotCancel(id);

            browser.submit("#cancel-scan button");
            // The probes in flight finish first (each waits out its deadline); then the page reloads itself.
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> "cancelled".equals(browser.text("#status")));
            assertThat(given().get("/api/scans/" + id).then().extract().jsonPath().getString("status"))
                    .isEqualTo("cancelled");
            assertThat(browser.all("#resume-scan")).as("an operator may resume a cancelled scan").hasSize(1);
            browser.open("/ui/scans");
            assertThat(browser.find("#scans tr[data-scan='" + id + "']").getText()).contains("cancelled");
            browser.screenshots("scans");
        } finally {
            for (ServerSocket socket : silent) {
                socket.close();
            }
        }
    }

    /** A viewer sees no button, and a forged form is refused even with the viewer's own CSRF token. */
    private void viewerCannotCancel(long id) {
        String viewer = TestTokens.viewer();
        String page = given().header("Authorization", "Bearer " + viewer).get("/ui/scans/" + id).then()
                .statusCode(200).extract().asString();
        assertThat(page).doesNotContain("cancel-scan").doesNotContain("start-scan");
        assertThat(formPost("/ui/scans/" + id + "/cancel", viewer, PageAccess.csrfOf(viewer))).isEqualTo(403);
        assertThat(formPost("/ui/scans", viewer, PageAccess.csrfOf(viewer))).isEqualTo(403);
        String operator = TestTokens.operator();
        assertThat(formPost("/ui/scans/" + id + "/cancel", operator, "forged")).as("CSRF token checked").isEqualTo(403);
        assertThat(formPost("/ui/scans/" + id + "/cancel", operator, null)).isEqualTo(403);
        assertThat(given().get("/api/scans/" + id).then().extract().jsonPath().getString("status")).isEqualTo("running");
    }

    @Test
    void theComplianceReportHasAStableAddressPerScanAndAPdfThatSaysWhatTheRestReportSays() throws IOException {
        browser.signIn(TestTokens.viewer());
        browser.open("/ui/reports/compliance?policy=baseline&label=suite%3Dpages");
        assertThat(browser.url()).as("the latest scan is named in the address")
                .matches("/ui/reports/compliance\\?policy=baseline&label=suite%3Dpages&scan=\\d+");
        long reportScan = Long.parseLong(browser.url().replaceAll(".*scan=", ""));
        JsonPath rest = given().queryParam("policy", "baseline").queryParam("label", "suite=pages")
                .queryParam("scan", reportScan).get("/api/reports/compliance").then().statusCode(200).extract()
                .jsonPath();
        assertThat(browser.all("div.host").stream().map(h -> h.getAttribute("data-host")).toList())
                .containsExactly(weakTarget());
        assertThat(browser.text("#started")).isEqualTo(second(rest.getString("scan.startedAt")));
        browser.screenshots("compliance");

        String pdfHref = browser.find("#pdf").getAttribute("href");
        byte[] pdf = given().urlEncodingEnabled(false).header("Authorization", "Bearer " + TestTokens.viewer()).get(pdfHref).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        String flat = text.replaceAll("\\s+", "");
        assertThat(text).contains("SSH compliance report", "scan " + reportScan);
        assertThat(flat).contains(second(rest.getString("scan.startedAt")), second(rest.getString("scan.finishedAt")));
        for (String version : rest.getList("policyVersions", String.class)) {
            assertThat(text).contains(version);
        }
        List<Map<String, Object>> hosts = rest.getList("nonCompliant");
        assertThat(hosts).hasSize(1);
        for (Map<String, Object> host : hosts) {
            assertThat(flat).contains(host.get("address") + ":" + host.get("port"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> findings = (List<Map<String, Object>>) host.get("findings");
            assertThat(findings).isNotEmpty();
            for (Map<String, Object> f : findings) {
                assertThat(flat).contains((String) f.get("ruleId"));
                @SuppressWarnings("unchecked")
                List<String> names = (List<String>) f.get("names");
                names.forEach(n -> assertThat(flat).contains(n));
            }
        }
        assertThat(flat).doesNotContain(strongTarget()).doesNotContain("127.0.0.1:" + closedPort);
        Map<String, Object> counts = rest.getMap("counts");
        assertThat(counts).containsEntry("hosts", 3).containsEntry("nonCompliant", 1).containsEntry("unreachable", 1)
                .containsEntry("compliant", 1);
    }

    /** An instant of the REST report as the report prints it: ISO 8601, to the second. */
    private static String second(String instant) {
        return java.time.Instant.parse(instant).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    @Test
    void readersMustSignInWhenReadsAreNotOpen() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/ui/hosts/" + weakId);
        assertThat(browser.url()).isEqualTo("/ui/login?then=%2Fui%2Fhosts%2F" + weakId);
        browser.find("#token").sendKeys(TestTokens.expired());
        browser.submit("form.stack button");
        assertThat(browser.text("p.alert")).contains("not valid");
        browser.find("#token").sendKeys(TestTokens.viewer());
        browser.submit("form.stack button");
        assertThat(browser.url()).isEqualTo("/ui/hosts/" + weakId);
        browser.screenshots("login-then-host");
    }

    /**
     * A form post as a browser signed in with {@code token} sends it (the session cookie), without RestAssured's
     * default operator header.
     */
    private int formPost(String path, String token, String csrf) {
        try {
            HttpRequest request = HttpRequest.newBuilder(root.toURI().resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", PageAccess.COOKIE + "=" + token)
                    .POST(HttpRequest.BodyPublishers.ofString(csrf == null ? "" : "csrf=" + csrf)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void filter(String label, String state, String severity, String policy) {
        browser.open("/ui/fleet");
        browser.find("#f-label").clear();
        browser.find("#f-label").sendKeys(label);
        new Select(browser.find("#f-state")).selectByValue(state);
        new Select(browser.find("#f-severity")).selectByValue(severity);
        new Select(browser.find("#f-policy")).selectByValue(policy);
        browser.submit("form.filters button[type=submit]");
    }

    private static List<String> hostRows() {
        return browser.all("#hosts tr[data-host]").stream().map(r -> r.getAttribute("data-host")).toList();
    }

    private static String weakTarget() {
        return "127.0.0.1:" + weak.port();
    }

    private static String strongTarget() {
        return "127.0.0.1:" + strong.port();
    }
}
