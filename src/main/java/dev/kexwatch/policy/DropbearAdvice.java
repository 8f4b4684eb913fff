package dev.kexwatch.policy;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.DropbearOptions;
import dev.kexwatch.negotiation.Release;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dropbear chooses its algorithms at build time ({@code localoptions.h} overriding {@code default_options.h}); its
 * server has no runtime setting for them. So the advice names the build options that drop each unwanted name.
 */
final class DropbearAdvice {

    private DropbearAdvice() {
    }

    /** @param softwareVersion the host's, e.g. {@code dropbear_2022.83}, for the release to upgrade to */
    static void write(Map<Category, AcceptableLists.Plan> plans, boolean terrapin, String softwareVersion,
            List<String> advice) {
        if (terrapin) {
            advice.add("Upgrade Dropbear to 2024.84 or later: it adds strict key exchange (CVE-2023-48795, Terrapin).");
        }
        Set<String> off = new LinkedHashSet<>();
        Set<String> unmapped = new LinkedHashSet<>();
        for (AcceptableLists.Plan plan : plans.values()) {
            for (String name : plan.dropped()) {
                if (name.startsWith("zlib")) {
                    off.add("DISABLE_ZLIB 1");
                    continue;
                }
                DropbearOptions.of(name).ifPresentOrElse(option -> off.add(option + " 0"), () -> unmapped.add(name));
            }
        }
        if (!off.isEmpty()) {
            advice.add("Dropbear has no runtime algorithm settings: rebuild it with these lines in localoptions.h "
                    + "(or take a package built that way): " + String.join("; ", off.stream().map(o -> "#define " + o)
                            .toList()) + ".");
        }
        upgrades(plans, softwareVersion, unmapped, advice);
        if (!unmapped.isEmpty()) {
            advice.add("Upgrade Dropbear to a release that no longer offers " + String.join(", ", unmapped) + ".");
        }
    }

    /** Names a newer release's default build no longer offers, per release: an upgrade instead of a rebuild. */
    private static void upgrades(Map<Category, AcceptableLists.Plan> plans, String softwareVersion,
            Set<String> unmapped, List<String> advice) {
        Map<Release, List<String>> byRelease = new LinkedHashMap<>();
        for (AcceptableLists.Plan plan : plans.values()) {
            for (String name : plan.dropped()) {
                DropbearUpgrade.dropping(name, softwareVersion).ifPresent(release -> {
                    byRelease.computeIfAbsent(release, r -> new ArrayList<>()).add(name);
                    unmapped.remove(name);
                });
            }
        }
        byRelease.forEach((release, names) -> advice.add("Or upgrade Dropbear to " + release.version().split(" ")[0]
                + " or later: its default build no longer offers " + String.join(", ", names) + " (catalogue entry "
                + release.id() + ", read at its source)."));
    }
}
