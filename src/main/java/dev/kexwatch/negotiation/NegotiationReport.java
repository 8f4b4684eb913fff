package dev.kexwatch.negotiation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link NegotiationResult} as people and JSON readers see it: the chosen name per list (MACs of AEAD
 * ciphers as OpenSSH logs them, {@code <implicit>}), strict KEX on or off (OpenSSH {@code PROTOCOL} §1.10),
 * or the failure in OpenSSH's words and in the seed log's form, with the smallest fix on either side. One
 * shape for the CLI's {@code --json} and the REST API.
 *
 * @param chosen keyed by {@link KexList#key()}, in the order the lists are negotiated (RFC 4253 §7.1)
 * @param failure empty when the client and the server agree
 * @param seedLog the seed's {@code No common C2S mac: [S: …] [C: …]} line per failing list, then its closing line
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record NegotiationReport(String client, String clientLabel, boolean works, Map<String, String> chosen,
        boolean strictKex, boolean extInfo, boolean guessMatches, Optional<Failure> failure, List<String> seedLog,
        List<FixView> fixes) {

    /**
     * The first list where the names do not meet, as the OpenSSH client checks them.
     *
     * @param openssh what {@code ssh} prints, e.g. {@code Unable to negotiate with H port P: no matching MAC found. …}
     * @param seed the seed log's line for this list
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Failure(String list, String category, Optional<String> direction, String reason, String openssh,
            String seed, List<String> client, List<String> server) {
    }

    /** One smallest fix: which side, which list, the one name to add, and what to write. */
    public record FixView(String side, String list, String name, String instruction) {
    }

    /** The order lists are shown in: kex and host key, then cipher, MAC and compression per direction. */
    public static final List<KexList> SHOWN = List.of(KexList.KEX, KexList.HOST_KEY, KexList.CIPHER_C2S,
            KexList.MAC_C2S, KexList.COMPRESSION_C2S, KexList.CIPHER_S2C, KexList.MAC_S2C, KexList.COMPRESSION_S2C);

    /** Builds the report; {@code host} and {@code port} go into OpenSSH's "Unable to negotiate with" line. */
    public static NegotiationReport of(ClientProfile client, NegotiationResult result, String host, int port) {
        return new NegotiationReport(client.id(), client.label(), result.ok(), chosen(result),
                result.signals().strictKex(), result.signals().clientExtInfo() && result.signals().serverExtInfo(),
                result.guessMatches(), result.failure().map(f -> failure(f, host, port)), result.seedLines(),
                result.fixes().stream().map(NegotiationReport::fix).toList());
    }

    private static Map<String, String> chosen(NegotiationResult result) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (KexList list : SHOWN) {
            label(result, list).ifPresent(name -> chosen.put(list.key(), name));
        }
        return chosen;
    }

    private static Optional<String> label(NegotiationResult result, KexList list) {
        return switch (list.category()) {
            case MAC -> result.macLabel(list.direction().orElseThrow());
            default -> result.get(list);
        };
    }

    private static Failure failure(Mismatch mismatch, String host, int port) {
        return new Failure(mismatch.list().key(), mismatch.category().id(),
                mismatch.list().direction().map(Direction::id), mismatch.openSshReason(),
                mismatch.openSshMessage(host, port), mismatch.seedMessage(), mismatch.client(), mismatch.server());
    }

    private static FixView fix(Fix fix) {
        return new FixView(fix.side().name().toLowerCase(java.util.Locale.ROOT), fix.list().key(), fix.name(),
                fix.instruction());
    }
}
