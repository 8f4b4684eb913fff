package dev.kexwatch.testsupport;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an OpenSSH server would offer after a kexwatch drop-in is read first: each keyword's list replaces the offered
 * one (signal names stay, since sshd adds them itself). A model for fast tests; the real-sshd test checks the model.
 */
public final class DropIn {

    private static final Map<String, Category> KEYWORDS = Map.of("kexalgorithms", Category.KEX, "hostkeyalgorithms",
            Category.HOST_KEY, "ciphers", Category.CIPHER, "macs", Category.MAC, "compression", Category.COMPRESSION);
    private static final List<String> SIGNALS = List.of("ext-info-s", "kex-strict-s-v00@openssh.com");

    private DropIn() {
    }

    public static ServerOffer apply(ServerOffer offer, String dropIn) {
        Map<KexList, List<String>> lists = new EnumMap<>(offer.lists());
        for (String line : dropIn.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
            String[] parts = line.split(" ", 2);
            Category category = KEYWORDS.get(parts[0].toLowerCase(java.util.Locale.ROOT));
            if (category == null) {
                throw new IllegalArgumentException("not a drop-in keyword: " + line);
            }
            List<String> names = category == Category.COMPRESSION ? compression(parts[1]) : List.of(parts[1].split(","));
            for (KexList list : KexList.values()) {
                if (list.category() == category) {
                    List<String> next = new ArrayList<>(names);
                    offer.get(list).stream().filter(SIGNALS::contains).forEach(next::add);
                    lists.put(list, next);
                }
            }
        }
        return new ServerOffer(lists);
    }

    private static List<String> compression(String value) {
        return value.equals("no") ? List.of("none") : List.of("none", "zlib@openssh.com");
    }
}
