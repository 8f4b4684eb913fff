package dev.kexwatch.hostkey;

/**
 * How one deep-handshake connection (one host-key algorithm, or one group-exchange request) ended.
 * Everything but {@link #OK} names what the server did wrong or what stopped the exchange.
 */
public enum DeepOutcome {
    OK("the exchange completed"),
    BAD_SIGNATURE("the server's exchange-hash signature does not verify with its host key"),
    KEY_UNPARSEABLE("the server's host key blob does not parse"),
    WRONG_KEY_TYPE("the server sent a host key of another type than the one asked for"),
    KEY_TOO_LARGE("the server's host key is larger than any real key"),
    GROUP_TOO_SMALL("the server offered a group smaller than 512 bits"),
    GROUP_REFUSED("the server closed instead of answering this group size request"),
    NOT_NEGOTIATED("the server and the client found no common algorithm for this exchange"),
    UNSUPPORTED("kexwatch cannot complete an exchange with this algorithm"),
    TRUNCATED("the server's reply ended before its last field"),
    CLOSED("the server closed the connection mid-exchange"),
    TIMEOUT("the exchange did not finish within the deadline"),
    CONNECT_FAILED("no connection to the server"),
    PROTOCOL_ERROR("the server broke the key exchange protocol");

    private final String message;

    DeepOutcome(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
