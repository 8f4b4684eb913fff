package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Glob;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A proposed {@code sshd_config} change ({@code KexAlgorithms}, {@code Ciphers}, {@code MACs},
 * {@code HostKeyAlgorithms}) applied to a server's current offer as sshd_config(5) describes: a list starting
 * with {@code +} is appended, with {@code -} removed (wildcards {@code *} and {@code ?} allowed), with
 * {@code ^} put at the head; otherwise it replaces the list. As in sshd, the first line for a keyword wins.
 * Signal names stay at the end of the kex list (sshd adds them itself). A host key algorithm can only be
 * offered when the server has such a key: adding one here assumes it does.
 */
public final class SshdConfigChange implements UnaryOperator<ServerOffer> {

    private final Map<Category, String> values;

    private SshdConfigChange(Map<Category, String> values) {
        this.values = values;
    }

    /** Parses {@code Keyword value} lines; blank lines and {@code #} comments are skipped. */
    public static SshdConfigChange parse(String text) {
        Map<Category, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("[\\s=]+", 2);
            int number = i + 1;
            Category keyword = OpenSshKeyword.parse(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "line " + number + ": '" + parts[0] + "' is not one of KexAlgorithms, Ciphers, MACs, HostKeyAlgorithms"));
            if (parts.length < 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException("line " + number + ": " + parts[0] + " needs a list");
            }
            values.putIfAbsent(keyword, parts[1].strip());
        }
        return new SshdConfigChange(values);
    }

    @Override
    public ServerOffer apply(ServerOffer offer) {
        Map<KexList, List<String>> lists = new EnumMap<>(offer.lists());
        values.forEach((keyword, value) -> {
            for (KexList list : KexList.values()) {
                if (list.category() == keyword) {
                    lists.put(list, change(lists.get(list), value));
                }
            }
        });
        return new ServerOffer(lists);
    }

    static List<String> change(List<String> current, String value) {
        List<String> signals = current.stream().filter(Signals::isSignal).toList();
        LinkedHashSet<String> names = new LinkedHashSet<>(current.stream().filter(n -> !Signals.isSignal(n)).toList());
        List<String> given = Arrays.asList(value.substring("+-^".indexOf(value.charAt(0)) >= 0 ? 1 : 0).split(","));
        switch (value.charAt(0)) {
            case '+' -> names.addAll(given);
            case '-' -> names.removeIf(name -> given.stream().anyMatch(pattern -> Glob.matches(pattern, name)));
            case '^' -> {
                LinkedHashSet<String> head = new LinkedHashSet<>(given);
                head.addAll(names);
                names = head;
            }
            default -> names = new LinkedHashSet<>(given);
        }
        List<String> result = new ArrayList<>(names);
        result.addAll(signals);
        return result;
    }

    /** The categories this change touches. */
    public List<Category> categories() {
        return List.copyOf(values.keySet());
    }
}
