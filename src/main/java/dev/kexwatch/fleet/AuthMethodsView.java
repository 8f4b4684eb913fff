package dev.kexwatch.fleet;

import java.time.Instant;
import java.util.List;

/**
 * A host's latest answer to the auth-methods probe, with the CLI's field names ({@code user}, {@code methods},
 * {@code noneAccepted}) plus when it was first and last given, the scans it followed, why the newest probe got no
 * answer ({@code error}, null after an answer) and what the policies in force say about it.
 */
public record AuthMethodsView(String user, List<String> methods, boolean noneAccepted, Instant firstSeenAt,
        Instant lastSeenAt, long firstScanId, long lastScanId, String error, List<AuthFindingView> findings) {

    /** A forbid-auth-method rule the host breaks, with the CLI's {@code authFindings} field names. */
    public record AuthFindingView(String policy, String rule, String severity, List<String> methods, String rationale,
            String source) {
    }
}
