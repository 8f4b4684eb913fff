package dev.kexwatch.policy;

import dev.kexwatch.algorithm.DropbearOptions;
import dev.kexwatch.negotiation.Release;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finding's remediation for a Dropbear host, as a {@code localoptions.h} snippet: Dropbear picks its algorithms at
 * build time and has no {@code sshd_config}, so the fix is a build option or a release whose defaults differ.
 */
final class DropbearRemedy {

    static final String HEADER = "/* kexwatch: Dropbear has no runtime algorithm settings (sshd_config does not "
            + "apply): put these lines in localoptions.h and rebuild, or upgrade where a line below names a release */";

    private DropbearRemedy() {
    }

    /**
     * @param drop names the host should stop offering, in the host's order
     * @param add names the policy requires and the host lacks
     * @param nothingLeft the family whose every offered name is rejected: no define is written for it, since a
     *     build without any would not run; only an upgrade can help there
     */
    static String of(List<String> drop, List<String> add, String softwareVersion, Optional<String> nothingLeft) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        nothingLeft.ifPresent(family -> lines.add("/* nothing the host offers for " + family + " is acceptable to "
                + "every policy in force, so no define is written for it: a release that offers an acceptable one */"));
        Map<Release, List<String>> upgrades = new LinkedHashMap<>();
        List<String> noUpgrade = new ArrayList<>();
        for (String name : drop) {
            if (nothingLeft.isEmpty()) {
                define(name, false).filter(l -> !lines.contains(l)).ifPresent(lines::add);
            }
            DropbearUpgrade.dropping(name, softwareVersion).ifPresentOrElse(
                    release -> upgrades.computeIfAbsent(release, r -> new ArrayList<>()).add(name),
                    () -> noUpgrade.add(name));
        }
        for (String name : add) {
            define(name, true).filter(l -> !lines.contains(l)).ifPresent(lines::add);
        }
        upgrades.forEach((release, names) -> lines.add("/* or upgrade Dropbear to " + release.version().split(" ")[0]
                + " or later: its default build no longer offers " + String.join(", ", names) + " (catalogue entry "
                + release.id() + ") */"));
        if (!noUpgrade.isEmpty()) {
            lines.add("/* no Dropbear release in the catalogue drops " + String.join(", ", noUpgrade)
                    + " by default: only the build option does */");
        }
        return String.join("\n", lines);
    }

    /** Terrapin: no release drops the exposed ciphers, strict key exchange (2024.84) protects them instead. */
    static String terrapin(List<String> drop) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("/* upgrade Dropbear to 2024.84 or later: it adds strict key exchange (CVE-2023-48795, Terrapin) and "
                + "keeps these ciphers safe; or leave them out: */");
        for (String name : drop) {
            define(name, false).filter(l -> !lines.contains(l)).ifPresent(lines::add);
        }
        return String.join("\n", lines);
    }

    /** The line that builds {@code name} in or out; zlib's switch is the other way round (DISABLE_ZLIB). */
    private static Optional<String> define(String name, boolean on) {
        if (name.startsWith("zlib")) {
            return Optional.of("#define DISABLE_ZLIB " + (on ? 0 : 1));
        }
        return DropbearOptions.of(name).map(option -> "#define " + option + " " + (on ? 1 : 0));
    }
}
