package dev.kexwatch.policy;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean" for misspelt keys and values: the closest allowed word within two edits. */
final class Suggest {

    private Suggest() {
    }

    static String didYouMean(String word, Collection<String> allowed) {
        return allowed.stream()
                .filter(candidate -> distance(word, candidate) <= 2)
                .min(Comparator.comparingInt(candidate -> distance(word, candidate)))
                .map(candidate -> " (did you mean '" + candidate + "'?)")
                .orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
