package dev.kexwatch.algorithm;

import java.util.List;
import java.util.Map;

/**
 * The catalog's facts about categories rather than single names.
 *
 * @param keywords the ssh_config(5)/sshd_config(5) keyword that sets each negotiated list
 * @param strength names best-first per category, used to pick which one name a fix adds
 * @param signals the kex-list name that plays each signal role
 */
public record CatalogFacts(Map<Category, String> keywords, Map<Category, List<String>> strength,
        Map<Signal, String> signals) {

    public CatalogFacts {
        keywords = Map.copyOf(keywords);
        strength = Map.copyOf(strength);
        signals = Map.copyOf(signals);
    }

    /** No keywords, no ranking, no signals: for catalogs built from entries alone (tests). */
    public static CatalogFacts none() {
        return new CatalogFacts(Map.of(), Map.of(), Map.of());
    }
}
