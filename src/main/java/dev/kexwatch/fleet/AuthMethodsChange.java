package dev.kexwatch.fleet;

import java.util.List;
import java.util.Optional;

/**
 * How a host's login methods changed in a drift: the methods each side allowed ({@code none} standing for a user
 * let in without a credential; empty when that side was not probed yet), and the ones that appeared and went away.
 */
public record AuthMethodsChange(List<String> from, List<String> to, List<String> added, List<String> removed,
        boolean changed) {

    /** Null when neither side was probed: the host is not selected for the probe, or not probed yet. */
    static AuthMethodsChange between(Optional<AuthObservation> before, Optional<AuthObservation> after) {
        if (before.isEmpty() && after.isEmpty()) {
            return null;
        }
        List<String> from = before.map(AuthObservation::allowed).orElse(List.of());
        List<String> to = after.map(AuthObservation::allowed).orElse(List.of());
        List<String> added = to.stream().filter(m -> !from.contains(m)).toList();
        List<String> removed = from.stream().filter(m -> !to.contains(m)).toList();
        return new AuthMethodsChange(from, to, added, removed, !added.isEmpty() || !removed.isEmpty());
    }
}
