package dev.kexwatch.policy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A time-limited exception to one rule for one host or for hosts with given labels. It applies through its expiry date
 * and stops applying by itself the day after; the evaluation then lists it as expired.
 *
 * @param host {@code address} or {@code address:port}
 */
public record Waiver(String id, String rule, Optional<String> host, Map<String, String> labels, String reason,
        LocalDate expires) {

    public Waiver {
        labels = Map.copyOf(labels);
    }

    /** True when the host is the one named (if any) and carries every label listed. */
    public boolean matches(HostRef host) {
        return this.host.map(h -> h.equals(host.address()) || h.equals(host.address() + ":" + host.port())).orElse(true)
                && new Selector(labels).matches(host);
    }

    public boolean activeOn(LocalDate today) {
        return !today.isAfter(expires);
    }

    /** The sentence a report shows once the waiver has run out. */
    public String expiryNote() {
        return "waiver " + id + " for rule " + rule + " expired on " + expires + " (" + reason + ")";
    }
}
