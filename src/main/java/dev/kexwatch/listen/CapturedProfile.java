package dev.kexwatch.listen;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.probe.Identification;
import dev.kexwatch.probe.ServerText;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A captured client as a client profile: named from its identification (so {@link
 * dev.kexwatch.negotiation.ClientSyntax} knows its configuration language), with the capture's address and time
 * as its source, and the eight negotiated lists exactly as sent.
 */
public final class CapturedProfile {

    /** Software names from identification lines (RFC 4253 §4.2 softwareversion) to the product names profiles use. */
    private static final Map<String, String> PRODUCTS = Map.of("openssh", "OpenSSH", "putty", "PuTTY",
            "jsch", "JSch", "paramiko", "Paramiko", "dropbear", "Dropbear", "apache", "Apache MINA SSHD",
            "winscp", "WinSCP", "libssh2", "libssh2", "go", "Go x/crypto/ssh");
    /** {@code OpenSSH_9.2p1}, {@code PuTTY_Release_0.78}, {@code JSCH-0.1.54}, {@code APACHE-SSHD-2.20.0}. */
    private static final Pattern SOFTWARE = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:[-_][A-Za-z]+)*[-_]?v?(\\d.*)?");
    /** What a user may name a captured profile: safe in ids, file names, URLs and YAML without quoting. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private CapturedProfile() {
    }

    /**
     * The profile of a {@link Capture#captured()} capture.
     *
     * @param id the profile id; {@link #defaultId} unless the user named it
     */
    public static ClientProfile of(Capture capture, String id) {
        Identification identification = capture.identification().orElseThrow();
        String software = identification.softwareVersion();
        Matcher m = SOFTWARE.matcher(software);
        String product = m.matches() ? PRODUCTS.getOrDefault(m.group(1).toLowerCase(Locale.ROOT), m.group(1)) : software;
        String version = m.matches() && m.group(2) != null ? m.group(2) : "as captured";
        Map<KexList, List<String>> lists = new EnumMap<>(KexList.class);
        ClientProfile.NEGOTIATED.forEach(list -> lists.put(list, capture.lists().orElseThrow().get(list)));
        String source = "captured by kexwatch listen from " + capture.peer() + " at " + capture.capturedAt()
                + "; identification '" + identification.line() + "'";
        return new ClientProfile(id, product.isEmpty() ? "unnamed client" : product, version, source, lists);
    }

    /** {@code captured-openssh_9.2p1}: lower case, only characters safe in ids and file names. */
    public static String defaultId(Capture capture) {
        String software = capture.identification().map(Identification::softwareVersion).orElse("");
        String slug = software.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return "captured-" + (slug.isEmpty() ? "client" : slug.substring(0, Math.min(slug.length(), 60)));
    }

    /** Why {@code id} cannot name a captured profile; empty when it can. */
    public static Optional<String> invalidId(String id) {
        return ID.matcher(id).matches() ? Optional.empty() : Optional.of("'" + ServerText.bounded(id, 80)
                + "' is not a profile id: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    /** A negotiated list the client sent empty: such a profile cannot be written as a profile file. */
    public static boolean complete(ClientProfile profile) {
        return ClientProfile.NEGOTIATED.stream().noneMatch(list -> profile.get(list).isEmpty());
    }
}
