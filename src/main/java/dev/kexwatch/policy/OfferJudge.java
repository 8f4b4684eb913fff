package dev.kexwatch.policy;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.Glob;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.Signal;
import dev.kexwatch.algorithm.Trait;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Applies one policy's rules to one offer; waivers are the engine's business. */
final class OfferJudge {

    static final String STRICT_KEX_SERVER = AlgorithmCatalog.builtin().signal(Signal.STRICT_KEX_SERVER);

    private final Policy policy;
    private final ServerOffer offer;
    private final AlgorithmCatalog catalog;
    private final Rejections rejections;
    private final Remediation remediation;
    private final boolean offered;
    private final String protocolVersion;

    /**
     * @param offer empty for a server that sent no KEXINIT (SSH-1 only): then only protocol rules apply
     * @param inForce every policy in force for the host, this one included: remediation lines drop what any rejects,
     *     so two policies never suggest contradicting lines
     * @param softwareVersion the host's ({@code dropbear_2022.83}: remediation as build options); may be empty
     */
    OfferJudge(Policy policy, List<Policy> inForce, Optional<ServerOffer> offer, String protocolVersion,
            String softwareVersion, AlgorithmCatalog catalog) {
        this.policy = policy;
        this.offer = offer.orElseGet(() -> new ServerOffer(Map.of()));
        this.offered = offer.isPresent();
        this.protocolVersion = protocolVersion;
        this.catalog = catalog;
        this.rejections = new Rejections(policy, catalog);
        this.remediation = new Remediation(this.offer, new Rejections(inForce, catalog), softwareVersion);
    }

    List<Finding> findings(Rule rule) {
        Check check = rule.check();
        if (check instanceof Check.Protocol1 protocol1) {
            return protocol1(rule, protocol1).stream().toList();
        }
        if (!offered || check instanceof Check.Deep || check instanceof Check.ForbidAuthMethod) {
            return List.of(); // deep checks judge the handshake (DeepJudge), login methods the auth probe (AuthMethodsJudge)
        }
        if (check instanceof Check.Terrapin) {
            return terrapin(rule).stream().toList();
        }
        List<Finding> perList = new ArrayList<>();
        for (KexList list : Scope.lists(rule)) {
            names(rule, list).ifPresent(names -> perList.add(finding(rule, list, names)));
        }
        return Directions.merge(perList);
    }

    /** The offending names of one list, or empty when the list keeps the rule. */
    private Optional<List<String>> names(Rule rule, KexList list) {
        List<String> offered = offer.get(list);
        if (rule.check() instanceof Check.RequireOneOf require) {
            boolean met = offered.stream().anyMatch(n -> Rejections.anyMatch(require.names(), n));
            return met ? Optional.empty() : Optional.of(require.names().stream().map(Glob::text).toList());
        }
        if (rule.check() instanceof Check.NothingAcceptable) {
            return nothingAcceptable(list);
        }
        List<String> bad = offered.stream().filter(n -> rejections.rejects(rule, list, n)).toList();
        return bad.isEmpty() ? Optional.empty() : Optional.of(bad);
    }

    private Optional<List<String>> nothingAcceptable(KexList list) {
        if (!rejections.kept(offer.get(list), list).isEmpty() || macNotNeeded(list)) {
            return Optional.empty();
        }
        return Optional.of(offer.get(list).stream().filter(n -> !rejections.isSignal(list, n)).toList());
    }

    /** With an acceptable AEAD cipher no MAC is negotiated (OpenSSH PROTOCOL §1.6), so an empty MAC list is fine. */
    private boolean macNotNeeded(KexList list) {
        if (list.category() != Category.MAC) {
            return false;
        }
        KexList ciphers = KexList.of(Category.CIPHER, list.direction().orElseThrow());
        return rejections.kept(offer.get(ciphers), ciphers).stream()
                .anyMatch(n -> catalog.describe(Category.CIPHER, n).has(Trait.AEAD));
    }

    private Finding finding(Rule rule, KexList list, List<String> names) {
        List<String> toAdd = rule.check() instanceof Check.RequireOneOf
                ? names.stream().filter(n -> Glob.compile(n).isLiteral()).toList()
                : List.of();
        return new Finding(policy.id(), rule.id(), rule.severity(), list.category(), list.direction(), names,
                offer.get(list), rule.rationale(), rule.source(),
                remediation.forRule(rule, list.category(), toAdd, n -> false));
    }

    /** Terrapin exposure is judged on the whole offer: both directions, and the server's strict-KEX marker. */
    private Optional<Finding> terrapin(Rule rule) {
        List<String> kex = offer.get(KexList.KEX);
        List<String> exposing = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            exposing(direction).stream().filter(n -> !exposing.contains(n)).forEach(exposing::add);
        }
        if (exposing.isEmpty() || kex.contains(STRICT_KEX_SERVER)) {
            return Optional.empty();
        }
        Predicate<String> vulnerable = n -> exposedAlone(n) || isCbc(n);
        return Optional.of(new Finding(policy.id(), rule.id(), rule.severity(), Category.KEX, Optional.empty(),
                exposing, kex, rule.rationale(), rule.source(),
                remediation.forTerrapin(rule, vulnerable)));
    }

    /** RFC 4253 §5.1: "1.99" means protocol 1 is still enabled beside 2.0; any other "1.x" means 1 only. */
    private Optional<Finding> protocol1(Rule rule, Check.Protocol1 check) {
        boolean ssh1 = protocolVersion.startsWith("1.");
        boolean only = ssh1 && !protocolVersion.equals("1.99");
        if (!ssh1 || only != check.only()) {
            return Optional.empty();
        }
        String version = "SSH-" + protocolVersion;
        return Optional.of(new Finding(policy.id(), rule.id(), rule.severity(), Category.KEX, Optional.empty(),
                List.of(version), List.of(version), rule.rationale(), rule.source(),
                rule.remediation().orElse("Disable SSH protocol 1 (upgrade the server: OpenSSH 7.6 removed it).")));
    }

    private List<String> exposing(Direction direction) {
        List<String> ciphers = offer.get(KexList.of(Category.CIPHER, direction));
        List<String> etm = offer.get(KexList.of(Category.MAC, direction)).stream()
                .filter(n -> catalog.describe(Category.MAC, n).has(Trait.ETM)).toList();
        List<String> names = new ArrayList<>(ciphers.stream().filter(this::exposedAlone).toList());
        List<String> cbc = ciphers.stream().filter(this::isCbc).toList();
        if (!cbc.isEmpty() && !etm.isEmpty()) {
            names.addAll(cbc);
            names.addAll(etm);
        }
        return names;
    }

    private boolean exposedAlone(String cipher) {
        return catalog.describe(Category.CIPHER, cipher).has(Trait.TERRAPIN);
    }

    private boolean isCbc(String cipher) {
        return catalog.describe(Category.CIPHER, cipher).has(Trait.CBC);
    }

    /** Names the catalog does not know, as {@code list:name}, so reports can show them. */
    List<String> unknownNames() {
        List<String> unknown = new ArrayList<>();
        for (Category category : Scope.JUDGED) {
            for (KexList list : Scope.lists(category, Set.of(Direction.values()))) {
                offer.get(list).stream().filter(n -> catalog.lookup(category, n).isEmpty())
                        .map(n -> list.key() + ":" + n).forEach(unknown::add);
            }
        }
        return unknown;
    }
}
