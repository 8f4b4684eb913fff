package dev.kexwatch.compatibility;

import dev.kexwatch.compatibility.CompatibilityViews.Cell;
import dev.kexwatch.compatibility.CompatibilityViews.ProfileImpact;
import dev.kexwatch.negotiation.Release;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of {@code /api/compatibility/upgrade}. */
public final class UpgradeViews {

    private UpgradeViews() {
    }

    /** A catalogue release: its default offer for a default install (ed25519, ECDSA P-256, RSA host keys). */
    public record ReleaseView(String id, String product, String version, String source, List<String> unverified,
            Optional<String> clientProfile, Map<String, List<String>> defaultServerOffer) {

        static ReleaseView of(Release release) {
            Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
            release.defaultServerOffer().lists().forEach((list, names) -> lists.put(list.key(), names));
            return new ReleaseView(release.id(), release.product(), release.version(), release.source(),
                    release.unverified(), release.clientProfile(), lists);
        }
    }

    /**
     * Hosts selected by {@code label} ({@code env=prod}) and/or {@code software} (a part of the software version,
     * e.g. {@code OpenSSH_8}) move to {@code release}; with {@code keepOverrides} (default true) what each host
     * offers beyond or short of its own release's defaults is carried over.
     */
    public record ServerUpgradeRequest(String release, String label, String software, Boolean keepOverrides) {
    }

    /** One moved host: the release it runs today (when known) and the overrides carried over. */
    public record HostMove(long hostId, String address, int port, Optional<String> from, List<String> overrides) {
    }

    /** Which profiles newly fail (and newly work) where, after the move, before any server is touched. */
    public record ServerUpgrade(String release, int hosts, List<HostMove> moves, List<Cell> newlyBroken,
            List<Cell> newlyWorking, Map<String, ProfileImpact> byProfile) {
    }

    /** A client moving from one profile to another (both ids of known profiles), over the selected hosts. */
    public record ClientUpgradeRequest(String from, String to, String label) {
    }

    /** The hosts the upgraded client newly fails on (with why, in both wordings) and newly reaches. */
    public record ClientUpgradeResult(String from, String to, int hosts, List<Cell> newlyBroken,
            List<Cell> newlyWorking) {
    }
}
