package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.KexList;

/**
 * The smallest change on one side that makes a failing list agree: one name added.
 *
 * @param side whose configuration changes
 * @param name the one name to add; the other side already supports it
 * @param instruction what to write, e.g. {@code ssh -o Ciphers=+aes256-ctr} or the {@code sshd_config} line
 */
public record Fix(Side side, KexList list, String name, String instruction) {

    /** Which side of the connection a fix changes. */
    public enum Side {
        CLIENT, SERVER
    }
}
