package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue against the release notes' turning points, as upgrade what-ifs see them: a client that knows only
 * the removed name works up to the release before and fails from the release on, at the list the notes name.
 */
class ReleaseHistoryTest {

    private static final ReleaseCatalog CATALOG = ReleaseCatalog.builtIn();
    private final Negotiator negotiator = new Negotiator();

    /** A client with the usual names except {@code list}, where it offers only {@code only}. */
    private static ClientProfile only(KexList list, String only) {
        Map<KexList, List<String>> lists = new EnumMap<>(KexList.class);
        for (KexList each : ClientProfile.NEGOTIATED) {
            lists.put(each, List.of(switch (each.category()) {
                case KEX -> "curve25519-sha256";
                case HOST_KEY -> "ssh-ed25519";
                case CIPHER -> "aes128-ctr";
                case MAC -> "hmac-sha2-256";
                default -> "none";
            }));
        }
        for (KexList each : ClientProfile.NEGOTIATED) {
            if (each.category() == list.category()) {
                lists.put(each, List.of(only));
            }
        }
        return new ClientProfile("only-" + only, "test", "1", "test", lists);
    }

    /** Per OpenSSH release in catalogue order, the list the client fails at (empty when it connects). */
    private List<String> failures(ClientProfile client) {
        return CATALOG.all().stream().filter(r -> r.product().equals("OpenSSH"))
                .map(r -> r.id() + "=" + negotiator.negotiate(client, r.defaultServerOffer(), r.serverKind()).failure()
                        .map(m -> m.list().key()).orElse("ok"))
                .toList();
    }

    /** Every OpenSSH release {@code =before} up to {@code turn}, {@code =after} from it on. */
    private static List<String> turningAt(String turn, String before, String after) {
        List<String> ids = CATALOG.ids().stream().filter(id -> id.startsWith("openssh-")).toList();
        int at = ids.indexOf(turn);
        assertThat(at).as(turn).isNotNegative();
        return IntStream.range(0, ids.size()).mapToObj(i -> ids.get(i) + "=" + (i < at ? before : after)).toList();
    }

    @Test
    void sshRsaSignaturesLeaveTheServerDefaultsInEightEight() {
        // 8.8 release notes: ssh-rsa disabled by default. The catalogue has no 8.8 entry: 8.7 still offers it, 8.9 not.
        assertThat(failures(only(KexList.HOST_KEY, "ssh-rsa"))).isEqualTo(turningAt("openssh-8.9", "ok", "host_key"));
    }

    @Test
    void sha1KeyExchangeLeavesTheServerDefaultsInEightTwo() {
        assertThat(failures(only(KexList.KEX, "diffie-hellman-group14-sha1")))
                .isEqualTo(turningAt("openssh-8.2", "ok", "kex"));
    }

    @Test
    void finiteFieldGroupsLeaveTheServerDefaultsInTenZero() {
        assertThat(failures(only(KexList.KEX, "diffie-hellman-group14-sha256")))
                .isEqualTo(turningAt("openssh-10.0", "ok", "kex"));
    }

    @Test
    void theHybridPostQuantumExchangeIsOfferedFromEightSevenAndPreferredFromNineZero() {
        // 8.7's kex list is marked unverified (8.5's release notes put sntrup761 in the defaults); 9.0's notes make it first.
        assertThat(failures(only(KexList.KEX, "sntrup761x25519-sha512@openssh.com")))
                .isEqualTo(turningAt("openssh-8.7", "kex", "ok"));
        List<String> firstIsHybrid = CATALOG.all().stream().filter(r -> r.product().equals("OpenSSH"))
                .map(r -> r.id() + "=" + (r.get(KexList.KEX).get(0).matches("(sntrup761|mlkem768).*") ? "pq" : "classical"))
                .toList();
        assertThat(firstIsHybrid).isEqualTo(turningAt("openssh-9.0", "classical", "pq"));
    }
}
