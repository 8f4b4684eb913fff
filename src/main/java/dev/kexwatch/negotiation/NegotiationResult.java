package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a client and a server agree on (RFC 4253 §7.1), or where they do not.
 *
 * @param clientId the profile negotiated for
 * @param chosen the agreed name per list; a MAC list is absent when its cipher is AEAD, and every list
 *     from the first failure on may be absent
 * @param failure the first failing list in the order the OpenSSH client checks them; empty on success
 * @param mismatches every list with no common name (the seed log reports them all), in wire order
 * @param signals what the strict-KEX and ext-info markers say
 * @param guessMatches OpenSSH {@code proposals_match}: a guessed first kex packet would be right
 * @param fixes the smallest changes that would make it work, on either side; empty on success
 */
public record NegotiationResult(String clientId, Map<KexList, String> chosen, Optional<Mismatch> failure,
        List<Mismatch> mismatches, SignalReport signals, boolean guessMatches, List<Fix> fixes) {

    /** The marker OpenSSH logs for the MAC of an AEAD cipher. */
    public static final String IMPLICIT_MAC = "<implicit>";

    public NegotiationResult {
        EnumMap<KexList, String> copy = new EnumMap<>(KexList.class);
        copy.putAll(chosen);
        chosen = Collections.unmodifiableMap(copy);
        mismatches = List.copyOf(mismatches);
        fixes = List.copyOf(fixes);
    }

    public boolean ok() {
        return failure.isEmpty();
    }

    public Optional<String> get(KexList list) {
        return Optional.ofNullable(chosen.get(list));
    }

    /** The MAC as OpenSSH logs it: the name, or {@code <implicit>} for an AEAD cipher. */
    public Optional<String> macLabel(Direction direction) {
        KexList mac = KexList.of(Category.MAC, direction);
        KexList cipher = KexList.of(Category.CIPHER, direction);
        if (chosen.containsKey(mac)) {
            return Optional.of(chosen.get(mac));
        }
        return get(cipher).filter(Negotiator::isAead).map(c -> IMPLICIT_MAC);
    }

    /** The seed-form lines for every mismatch, then the seed's closing line; empty on success. */
    public List<String> seedLines() {
        List<String> lines = new ArrayList<>();
        mismatches.forEach(m -> lines.add(m.seedMessage()));
        if (!lines.isEmpty()) {
            lines.add("Key exchange failed: Could not agree on key exchange parameters");
        }
        return lines;
    }
}
