package dev.kexwatch.policy;

import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.Release;
import dev.kexwatch.negotiation.ReleaseCatalog;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dropbear release to upgrade to so that a name leaves the offer without a rebuild: the first catalogue release
 * after the host's whose default build, read at its source (never an entry marked unverified), no longer offers it.
 */
final class DropbearUpgrade {

    private static final Pattern VERSION = Pattern.compile("(?i)dropbear[_-](\\d{4})\\.(\\d+)");
    private static final List<Release> VERIFIED = ReleaseCatalog.builtIn().all().stream()
            .filter(r -> r.product().equals("Dropbear") && r.unverified().isEmpty()).toList();

    private DropbearUpgrade() {
    }

    /** @param softwareVersion the host's, e.g. {@code dropbear_2022.83}; an unreadable one counts as oldest */
    static Optional<Release> dropping(String name, String softwareVersion) {
        long current = order(softwareVersion).orElse(0L);
        return VERIFIED.stream().filter(r -> order(r.id()).orElse(0L) > current)
                .filter(r -> ClientProfile.NEGOTIATED.stream().noneMatch(list -> r.get(list).contains(name)))
                .findFirst();
    }

    /** {@code 2022.83} as 2022 * 1000 + 83: Dropbear numbers its releases year.serial. */
    private static Optional<Long> order(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(Long.parseLong(m.group(1)) * 1000 + Long.parseLong(m.group(2)))
                : Optional.empty();
    }
}
