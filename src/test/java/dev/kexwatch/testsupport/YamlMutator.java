package dev.kexwatch.testsupport;

import java.util.List;
import java.util.Random;

/**
 * Turns seed documents into broken variants the way a careless editor or an attacker would: flipped and
 * deleted characters, spliced lines, YAML syntax dropped in at random (anchors, aliases, tags, flow brackets,
 * odd scalars), changed indentation. Deterministic for a given seed, so a failure can be replayed.
 */
public final class YamlMutator {

    private static final List<String> TOKENS = List.of(": ", "- ", "&a ", "*a", "!!binary ", "!!python/object ", "[",
            "]", "{", "}", "\n  ", "\n", "'", "\"", "\t", "%YAML 1.1\n", "<<: *a\n", "~", "null", "1e999", "0x1F",
            "-1", "99999999999999999999999", "\u0000", "\uFEFF", "\uD83D\uDE00", "#", "|\n  ", ">-\n  ", "---\n",
            "...\n", "? ", ",", "2025-13-45", "true", "NaN", ".inf", "\\u0000", "!", "@", "`", "&", "*");

    private final Random random;
    private final List<String> seeds;

    public YamlMutator(long seed, List<String> seeds) {
        this.random = new Random(seed);
        this.seeds = List.copyOf(seeds);
    }

    /** A new variant: one to eight mutations of a random seed. */
    public String next() {
        StringBuilder doc = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
        int mutations = 1 + random.nextInt(8);
        for (int i = 0; i < mutations; i++) {
            mutate(doc);
        }
        return doc.toString();
    }

    private void mutate(StringBuilder doc) {
        int at = doc.isEmpty() ? 0 : random.nextInt(doc.length());
        switch (random.nextInt(7)) {
            case 0 -> doc.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
            case 1 -> doc.delete(at, Math.min(doc.length(), at + 1 + random.nextInt(40)));
            case 2 -> {
                if (!doc.isEmpty()) {
                    doc.setCharAt(at, (char) (doc.charAt(at) ^ (1 << random.nextInt(7))));
                }
            }
            case 3 -> doc.insert(at, doc.substring(at, Math.min(doc.length(), at + random.nextInt(200))));
            case 4 -> doc.setLength(at);
            case 5 -> {
                String other = seeds.get(random.nextInt(seeds.size()));
                int from = other.isEmpty() ? 0 : random.nextInt(other.length());
                doc.insert(at, other, from, Math.min(other.length(), from + random.nextInt(300)));
            }
            default -> doc.insert(at, " ".repeat(random.nextInt(6)));
        }
    }
}
