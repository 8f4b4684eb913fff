package dev.kexwatch.hostkey;

import java.util.Optional;

/**
 * One SSH_MSG_KEX_DH_GEX_REQUEST (RFC 4419 §3) and the group size the server answered (issue 12's {@code gex}).
 *
 * @param bits bit length of the prime p the server returned; empty when it returned none
 */
public record GexGroup(int min, int preferred, int max, Optional<Integer> bits, DeepOutcome outcome) {
}
