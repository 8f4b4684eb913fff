package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.Category;
import java.util.Locale;
import java.util.Optional;

/** The {@code ssh_config}/{@code sshd_config} keyword that sets a category's list (ssh_config(5)). */
enum OpenSshKeyword {
    KEX_ALGORITHMS("KexAlgorithms", Category.KEX),
    HOST_KEY_ALGORITHMS("HostKeyAlgorithms", Category.HOST_KEY),
    CIPHERS("Ciphers", Category.CIPHER),
    MACS("MACs", Category.MAC);

    private final String keyword;
    private final Category category;

    OpenSshKeyword(String keyword, Category category) {
        this.keyword = keyword;
        this.category = category;
    }

    Category category() {
        return category;
    }

    /** The keyword for a category; compression has only yes/no and gets its own instruction. */
    static String of(Category category) {
        for (OpenSshKeyword k : values()) {
            if (k.category == category) {
                return k.keyword;
            }
        }
        return category.id();
    }

    /** Keywords are case-insensitive in OpenSSH configuration files. */
    static Optional<OpenSshKeyword> parse(String keyword) {
        for (OpenSshKeyword k : values()) {
            if (k.keyword.toLowerCase(Locale.ROOT).equals(keyword.toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
