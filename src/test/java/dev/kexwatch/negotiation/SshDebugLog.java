package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an OpenSSH client's {@code ssh -vvv} output says about negotiation: both KEXINIT proposals ("local
 * client KEXINIT proposal", "peer server KEXINIT proposal"), the {@code kex:} decisions and the
 * {@code Unable to negotiate} line. Lets a user paste a log instead of naming a profile, and lets tests
 * hold the simulator against the real client.
 *
 * @param client the client's own proposal as a profile with id {@code ssh-log}
 * @param server the server's proposal, verbatim
 * @param chosen what ssh logged it chose ({@code <implicit>} for an AEAD cipher's MAC)
 * @param failure the {@code Unable to negotiate …} line
 */
public record SshDebugLog(Optional<ClientProfile> client, Optional<ServerOffer> server, Map<KexList, String> chosen,
        Optional<String> failure) {

    private static final List<String> LABELS = List.of("KEX algorithms", "host key algorithms", "ciphers ctos",
            "ciphers stoc", "MACs ctos", "MACs stoc", "compression ctos", "compression stoc", "languages ctos",
            "languages stoc");
    private static final Pattern DIRECTION = Pattern.compile(
            "kex: (server->client|client->server) cipher: (\\S+) MAC: (\\S+) compression: (\\S+)");

    /** Parses the text of {@code ssh -vvv} (stderr); anything not found stays empty. */
    public static SshDebugLog parse(String text) {
        List<String> lines = text.lines().map(SshDebugLog::stripPrefix).toList();
        Optional<List<String>> local = proposal(lines, "local client KEXINIT proposal");
        Optional<List<String>> peer = proposal(lines, "peer server KEXINIT proposal");
        return new SshDebugLog(local.map(SshDebugLog::profile), peer.map(ServerOffer::fromRaw), chosen(lines),
                lines.stream().filter(l -> l.startsWith("Unable to negotiate with ")).findFirst());
    }

    private static String stripPrefix(String line) {
        return line.replaceFirst("^debug\\d: ", "").stripTrailing();
    }

    private static Optional<List<String>> proposal(List<String> lines, String header) {
        int start = lines.indexOf(header);
        if (start < 0 || start + LABELS.size() >= lines.size()) {
            return Optional.empty();
        }
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < LABELS.size(); i++) {
            String line = lines.get(start + 1 + i);
            String label = LABELS.get(i) + ":";
            if (!line.startsWith(label)) {
                return Optional.empty();
            }
            raw.add(line.substring(label.length()).strip());
        }
        return Optional.of(raw);
    }

    private static ClientProfile profile(List<String> raw) {
        ServerOffer lists = ServerOffer.fromRaw(raw);
        return new ClientProfile("ssh-log", "OpenSSH", "from ssh -vvv", "the client's own KEXINIT in the log",
                lists.lists());
    }

    private static Map<KexList, String> chosen(List<String> lines) {
        Map<KexList, String> chosen = new EnumMap<>(KexList.class);
        for (String line : lines) {
            after(line, "kex: algorithm: ").ifPresent(v -> chosen.put(KexList.KEX, v));
            after(line, "kex: host key algorithm: ").ifPresent(v -> chosen.put(KexList.HOST_KEY, v));
            Matcher m = DIRECTION.matcher(line);
            if (m.find()) {
                boolean c2s = m.group(1).startsWith("client");
                chosen.put(c2s ? KexList.CIPHER_C2S : KexList.CIPHER_S2C, m.group(2));
                chosen.put(c2s ? KexList.MAC_C2S : KexList.MAC_S2C, m.group(3));
                chosen.put(c2s ? KexList.COMPRESSION_C2S : KexList.COMPRESSION_S2C, m.group(4));
            }
        }
        return chosen;
    }

    private static Optional<String> after(String line, String prefix) {
        return line.startsWith(prefix) ? Optional.of(line.substring(prefix.length()).strip()) : Optional.empty();
    }
}
