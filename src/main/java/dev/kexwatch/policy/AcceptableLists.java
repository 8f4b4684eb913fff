package dev.kexwatch.policy;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.Glob;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.ServerSoftware;
import dev.kexwatch.algorithm.Trait;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per list family, what a host may keep offering under every policy in force at once: its own names in its own order
 * minus whatever any policy rejects (and, where a policy checks Terrapin and the host lacks strict key exchange, minus
 * the exposing ciphers), plus a required name where a {@code require-one-of} rule is unmet and the server release is
 * known to support one.
 */
final class AcceptableLists {

    static final List<Category> FAMILIES =
            List.of(Category.KEX, Category.HOST_KEY, Category.CIPHER, Category.MAC, Category.COMPRESSION);

    /**
     * One family's plan.
     *
     * @param offered the host's names (c2s first, then s2c-only), signals left out
     * @param target what the host should offer: required names first, then the kept ones in the host's order
     * @param unmet what a {@code require-one-of} rule asks that no configuration of this release can give
     */
    record Plan(Category category, List<String> offered, List<String> target, List<String> unmet) {

        boolean changed() {
            return !offered.equals(target);
        }

        List<String> dropped() {
            return offered.stream().filter(n -> !target.contains(n)).toList();
        }
    }

    private final List<Policy> policies;
    private final ServerOffer offer;
    private final ServerSoftware software;
    private final AlgorithmCatalog catalog;
    private final List<Rejections> rejections;

    AcceptableLists(List<Policy> policies, ServerOffer offer, ServerSoftware software, AlgorithmCatalog catalog) {
        this.policies = List.copyOf(policies);
        this.offer = offer;
        this.software = software;
        this.catalog = catalog;
        this.rejections = policies.stream().map(p -> new Rejections(p, catalog)).toList();
    }

    Map<Category, Plan> plans() {
        Map<Category, Plan> plans = new EnumMap<>(Category.class);
        FAMILIES.forEach(category -> plans.put(category, plan(category)));
        return plans;
    }

    /** True when a policy checks Terrapin and the host offers an exposing cipher without strict key exchange. */
    boolean terrapinExposed() {
        boolean checked = policies.stream().flatMap(p -> p.rules().stream())
                .anyMatch(r -> r.check() instanceof Check.Terrapin);
        if (!checked || offer.get(KexList.KEX).contains(OfferJudge.STRICT_KEX_SERVER)) {
            return false;
        }
        List<String> ciphers = offered(Category.CIPHER);
        boolean etm = offered(Category.MAC).stream().anyMatch(n -> catalog.describe(Category.MAC, n).has(Trait.ETM));
        return ciphers.stream().anyMatch(this::exposedAlone) || etm && ciphers.stream().anyMatch(this::isCbc);
    }

    private Plan plan(Category category) {
        List<String> offered = offered(category);
        List<String> kept = new ArrayList<>(offered.stream().filter(n -> accepted(category, n)).toList());
        if (category == Category.CIPHER && terrapinExposed()) {
            kept.removeIf(n -> exposedAlone(n) || isCbc(n));
        }
        Set<String> target = new LinkedHashSet<>();
        List<String> unmet = new ArrayList<>();
        for (Rule rule : requirements(category)) {
            List<Glob> globs = ((Check.RequireOneOf) rule.check()).names();
            if (kept.stream().anyMatch(n -> Rejections.anyMatch(globs, n))
                    || target.stream().anyMatch(n -> Rejections.anyMatch(globs, n))) {
                continue;
            }
            Optional<String> add = globs.stream().filter(Glob::isLiteral).map(Glob::text)
                    .filter(n -> knownToServer(category, n) && accepted(category, n)).findFirst();
            add.ifPresentOrElse(target::add, () -> unmet.add(unmet(rule, globs)));
        }
        target.addAll(kept);
        return new Plan(category, offered, List.copyOf(target), unmet);
    }

    /** A rule's own advice speaks of OpenSSH releases; other servers get the plain requirement. */
    private String unmet(Rule rule, List<Glob> globs) {
        String needed = "Rule " + rule.id() + " needs one of "
                + String.join(", ", globs.stream().map(Glob::text).toList());
        if (software.kind() == ServerSoftware.Kind.OPENSSH) {
            return rule.remediation().orElse(needed + ": upgrade OpenSSH to a release that has one.");
        }
        return needed + ": upgrade the server to a release that offers one.";
    }

    /** True when an AEAD cipher stays acceptable: then no MAC is negotiated, and an empty MAC list is no loss. */
    static boolean aeadLeft(Map<Category, Plan> plans, AlgorithmCatalog catalog) {
        return plans.get(Category.CIPHER).target().stream()
                .anyMatch(n -> catalog.describe(Category.CIPHER, n).has(Trait.AEAD));
    }

    private List<Rule> requirements(Category category) {
        return policies.stream().flatMap(p -> p.rules().stream())
                .filter(r -> r.check() instanceof Check.RequireOneOf && r.category().equals(Optional.of(category)))
                .toList();
    }

    private boolean accepted(Category category, String name) {
        return !catalog.isSignal(category, name) && Scope.lists(category, Set.of(Direction.values())).stream()
                .noneMatch(list -> rejections.stream().anyMatch(r -> r.rejectedByPolicy(list, name)));
    }

    /** Only OpenSSH takes added names from config; the catalog's "since OpenSSH x.y" says whether this one knows it. */
    private boolean knownToServer(Category category, String name) {
        if (software.kind() != ServerSoftware.Kind.OPENSSH || catalog.isSignal(category, name)) {
            return false;
        }
        Optional<ServerSoftware.Version> since = catalog.lookup(category, name).flatMap(i -> i.since())
                .flatMap(AcceptableLists::openSshRelease);
        return since.isPresent() && software.openSshVersion().filter(v -> v.compareTo(since.get()) >= 0).isPresent();
    }

    /** The OpenSSH release in a catalog {@code since} text such as {@code OpenSSH 7.4, Dropbear 2018.76}. */
    static Optional<ServerSoftware.Version> openSshRelease(String since) {
        int at = since.indexOf("OpenSSH ");
        return at < 0 ? Optional.empty() : ServerSoftware.Version.parse(since.substring(at + "OpenSSH ".length()));
    }

    /** c2s order first, then s2c-only names: sshd_config has one line for both directions. */
    private List<String> offered(Category category) {
        Set<String> names = new LinkedHashSet<>();
        for (Direction direction : Direction.values()) {
            KexList list = KexList.of(category, direction);
            offer.get(list).stream().filter(n -> !n.isBlank() && !catalog.isSignal(category, n)).forEach(names::add);
            if (list.direction().isEmpty()) {
                break;
            }
        }
        return List.copyOf(names);
    }

    private boolean exposedAlone(String cipher) {
        return catalog.describe(Category.CIPHER, cipher).has(Trait.TERRAPIN);
    }

    private boolean isCbc(String cipher) {
        return catalog.describe(Category.CIPHER, cipher).has(Trait.CBC);
    }
}
