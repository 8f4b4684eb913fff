package dev.kexwatch.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every path the chart's probes and ServiceMonitor call answers 200 in the running app, without a token. */
@QuarkusTest
class ChartProbePathsTest {

    @Test
    void everyPathTheChartCallsAnswers() {
        Chart chart = Chart.render(Map.of("metrics", Map.of("serviceMonitor", Map.of("enabled", true))));
        Map<String, Object> container = chart.container();
        List<String> paths = List.of(Yaml.at(container, "startupProbe.httpGet.path"),
                Yaml.at(container, "livenessProbe.httpGet.path"), Yaml.at(container, "readinessProbe.httpGet.path"),
                Yaml.at(chart.get("ServiceMonitor"), "spec.endpoints.0.path"));

        assertThat(paths).hasSize(4).doesNotHaveDuplicates();
        paths.forEach(path -> given().header("Authorization", "").get(path).then().statusCode(200));
    }
}
