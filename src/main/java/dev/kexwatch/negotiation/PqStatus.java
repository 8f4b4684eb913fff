package dev.kexwatch.negotiation;

/** Whether a client and a server agree on a post-quantum hybrid key exchange, and if not, which side holds it back. */
public enum PqStatus {
    /** The negotiated kex is a post-quantum hybrid. */
    POST_QUANTUM,
    /** The server offers no post-quantum kex. */
    SERVER_OFFERS_NONE,
    /** The client offers no post-quantum kex (the server does). */
    CLIENT_OFFERS_NONE,
    /** Both offer one (maybe not the same): the client's order picks a classical kex both have first. */
    ORDER_PICKS_CLASSICAL,
    /** No kex in common at all: the pair does not connect. */
    NO_COMMON_KEX;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
