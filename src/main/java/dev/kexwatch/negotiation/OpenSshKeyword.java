package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code ssh_config}/{@code sshd_config} keyword that sets a category's list (ssh_config(5)): catalog data. */
final class OpenSshKeyword {

    private static final Map<Category, String> KEYWORDS = AlgorithmCatalog.builtin().facts().keywords();

    private OpenSshKeyword() {
    }

    /** The keyword for a category; compression has only yes/no and gets its own instruction. */
    static String of(Category category) {
        return KEYWORDS.getOrDefault(category, category.id());
    }

    /** The category a keyword sets; keywords are case-insensitive in OpenSSH configuration files. */
    static Optional<Category> parse(String keyword) {
        return KEYWORDS.entrySet().stream()
                .filter(e -> e.getValue().toLowerCase(Locale.ROOT).equals(keyword.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getKey).findFirst();
    }
}
