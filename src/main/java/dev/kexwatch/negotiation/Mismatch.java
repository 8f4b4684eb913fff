package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import java.util.List;

/**
 * One name-list in which client and server share no name, so RFC 4253 §7.1 negotiation fails there.
 *
 * @param client the client's names, in its order
 * @param server the server's names, verbatim (signals and empty names kept: it is evidence)
 */
public record Mismatch(KexList list, List<String> client, List<String> server) {

    public Mismatch {
        client = List.copyOf(client);
        server = List.copyOf(server);
    }

    public Category category() {
        return list.category();
    }

    /** OpenSSH's wording of this failure ({@code ssherr.c} via {@code kex.c}), e.g. {@code no matching MAC found}. */
    public String openSshReason() {
        return switch (list.category()) {
            case KEX -> "no matching key exchange method found";
            case HOST_KEY -> "no matching host key type found";
            case CIPHER -> "no matching cipher found";
            case MAC -> "no matching MAC found";
            case COMPRESSION -> "no matching compression method found";
            case LANGUAGE -> "no matching language found";
        };
    }

    /** What {@code ssh} prints: {@code Unable to negotiate with HOST port P: REASON. Their offer: LIST}. */
    public String openSshMessage(String host, int port) {
        return "Unable to negotiate with " + host + " port " + port + ": " + openSshReason() + ". Their offer: "
                + String.join(",", server);
    }

    /**
     * The form of the seed support log (Cerberus FTP Server 9.0.6.1+): {@code No common C2S mac: [S: …] [C: …]}.
     * Only the mac line is attested there; the other categories follow the same pattern.
     */
    public String seedMessage() {
        String what = list.direction().map(d -> d.name() + " " + list.category().id()).orElse(list.category().id());
        return "No common " + what + ": [S: " + String.join(",", server) + "] [C: " + String.join(",", client) + "]";
    }
}
