package dev.kexwatch.algorithm;

import java.util.Optional;

/**
 * The ten name-lists of SSH_MSG_KEXINIT, in wire order (RFC 4253 §7.1). Kex and host key lists have no
 * direction; the other eight come in a client-to-server and a server-to-client flavour.
 */
public enum KexList {
    KEX(Category.KEX, null, "kex_algorithms"),
    HOST_KEY(Category.HOST_KEY, null, "server_host_key_algorithms"),
    CIPHER_C2S(Category.CIPHER, Direction.C2S, "encryption_algorithms_client_to_server"),
    CIPHER_S2C(Category.CIPHER, Direction.S2C, "encryption_algorithms_server_to_client"),
    MAC_C2S(Category.MAC, Direction.C2S, "mac_algorithms_client_to_server"),
    MAC_S2C(Category.MAC, Direction.S2C, "mac_algorithms_server_to_client"),
    COMPRESSION_C2S(Category.COMPRESSION, Direction.C2S, "compression_algorithms_client_to_server"),
    COMPRESSION_S2C(Category.COMPRESSION, Direction.S2C, "compression_algorithms_server_to_client"),
    LANGUAGE_C2S(Category.LANGUAGE, Direction.C2S, "languages_client_to_server"),
    LANGUAGE_S2C(Category.LANGUAGE, Direction.S2C, "languages_server_to_client");

    private final Category category;
    private final Direction direction;
    private final String rfcName;

    KexList(Category category, Direction direction, String rfcName) {
        this.category = category;
        this.direction = direction;
        this.rfcName = rfcName;
    }

    public Category category() {
        return category;
    }

    /** Empty for kex and host key, which apply to both directions at once. */
    public Optional<Direction> direction() {
        return Optional.ofNullable(direction);
    }

    /** The field name RFC 4253 §7.1 gives this list. */
    public String rfcName() {
        return rfcName;
    }

    /** A stable lower-case key for JSON, YAML and database columns, e.g. {@code cipher_c2s}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The list of a category in a direction; the direction is ignored for kex and host key. */
    public static KexList of(Category category, Direction direction) {
        for (KexList list : values()) {
            if (list.category == category && (list.direction == null || list.direction == direction)) {
                return list;
            }
        }
        throw new IllegalArgumentException("no list for " + category + " " + direction);
    }
}
