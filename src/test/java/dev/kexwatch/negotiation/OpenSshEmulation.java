package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.testsupport.Processes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Debian's {@code ssh} made to send a client profile's lists ({@code -o KexAlgorithms=...}), minus the names
 * this ssh does not know ({@code ssh -Q}), which it would refuse. Signals are added by ssh itself.
 */
final class OpenSshEmulation {

    private static final Map<String, KexList> KEYWORDS = Map.of("KexAlgorithms", KexList.KEX, "HostKeyAlgorithms",
            KexList.HOST_KEY, "Ciphers", KexList.CIPHER_C2S, "MACs", KexList.MAC_C2S);
    private static final Map<String, String> QUERIES = Map.of("KexAlgorithms", "kex", "HostKeyAlgorithms",
            "HostKeyAlgorithms", "Ciphers", "cipher", "MACs", "mac");

    private OpenSshEmulation() {
    }

    /** The {@code Key=Value} options that make ssh send the profile's lists, as far as it knows the names. */
    static String[] options(ClientProfile profile) {
        List<String> options = new ArrayList<>();
        KEYWORDS.forEach((keyword, list) -> options.add(keyword + "=" + String.join(",", sendable(profile, keyword))));
        return options.toArray(String[]::new);
    }

    /** The profile's names for one keyword's list that this ssh knows, in the profile's order. */
    static List<String> sendable(ClientProfile profile, String keyword) {
        Set<String> known = known(QUERIES.get(keyword));
        return profile.get(KEYWORDS.get(keyword)).stream().filter(known::contains).toList();
    }

    private static Set<String> known(String query) {
        return Set.of(Processes.run(List.of("/usr/bin/ssh", "-Q", query), Path.of(".")).split("\n"));
    }
}
