package dev.kexwatch.fleet;

import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.policy.Severity;
import dev.kexwatch.policy.WaivedFinding;
import dev.kexwatch.policy.Waiver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What every policy that applies to a host said about its offer, as one value. */
public record Verdict(List<Evaluation> evaluations) {

    /** No offer, nothing to judge. */
    public static final Verdict NONE = new Verdict(List.of());

    public Verdict {
        evaluations = List.copyOf(evaluations);
    }

    /** The findings that count: waived ones left out. */
    public List<Finding> findings() {
        return evaluations.stream().flatMap(e -> e.findings().stream()).toList();
    }

    public List<WaivedFinding> waived() {
        return evaluations.stream().flatMap(e -> e.waived().stream()).toList();
    }

    public boolean compliant() {
        return findings().isEmpty();
    }

    public Optional<Severity> worst() {
        return findings().stream().map(Finding::severity).max(Enum::compareTo);
    }

    /** What a report must say besides findings: expired waivers, names no catalog knows. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        evaluations.forEach(e -> e.expiredWaivers().stream().map(Waiver::expiryNote).forEach(notes::add));
        evaluations.forEach(e -> e.unknownNames().stream()
                .map(n -> e.policyId() + ": unknown algorithm " + n).forEach(notes::add));
        return notes.stream().distinct().toList();
    }

    /** A digest of everything stored from this verdict: equal digests mean nothing to rewrite. */
    public byte[] digest() {
        StringBuilder text = new StringBuilder();
        for (Evaluation e : evaluations) {
            text.append(e.policyId()).append('@').append(e.policyVersion()).append('\n');
            e.findings().forEach(f -> text.append(f).append('\n'));
            e.waived().forEach(w -> text.append("waived ").append(w.waiver().id()).append(w.finding()).append('\n'));
        }
        notes().forEach(n -> text.append(n).append('\n'));
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
