package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;

/**
 * The capability markers both sides put in their kex lists. Strict KEX (OpenSSH {@code PROTOCOL} §1.10, the
 * Terrapin countermeasure) is on only when the client sends {@code kex-strict-c-v00@openssh.com} and the
 * server {@code kex-strict-s-v00@openssh.com}. A server sends SSH_MSG_EXT_INFO only to a client that sent
 * {@code ext-info-c} (RFC 8308 §2.1).
 */
public record SignalReport(boolean clientStrictKex, boolean serverStrictKex, boolean clientExtInfo,
        boolean serverExtInfo) {

    static SignalReport of(ClientProfile client, ServerOffer offer) {
        var serverKex = offer.get(KexList.KEX);
        return new SignalReport(client.sendsStrictKex(), serverKex.contains(Signals.STRICT_KEX_SERVER),
                client.sendsExtInfo(), serverKex.contains(Signals.EXT_INFO_SERVER));
    }

    public boolean strictKex() {
        return clientStrictKex && serverStrictKex;
    }
}
