package dev.kexwatch.hostkey;

import java.util.List;

/** One (min, preferred, max) group-size request of SSH_MSG_KEX_DH_GEX_REQUEST (RFC 4419 §3). */
public record GexRequest(int min, int preferred, int max) {

    /**
     * ssh-audit's probes: a weak range first, then exact sizes (a server must answer within [min, max]), up to
     * RFC 4419's 8192. Five connections per server; the exact 1024 one finds servers that still hand out
     * 1024-bit groups when asked (RFC 8270 §3 forbids less than 2048).
     */
    public static final List<GexRequest> AUDIT = List.of(new GexRequest(512, 1024, 1536), exactly(1024),
            exactly(2048), exactly(4096), exactly(8192));

    public static GexRequest exactly(int bits) {
        return new GexRequest(bits, bits, bits);
    }
}
