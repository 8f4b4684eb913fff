package dev.kexwatch.algorithm;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSH server implementation behind an identification's software version (RFC 4253 §4.2), as far as remediation
 * cares: OpenSSH takes {@code sshd_config}; Dropbear and tinysshd choose their algorithms at build time.
 *
 * @param openSshVersion major and minor of OpenSSH (e.g. 9.2 for {@code OpenSSH_9.2p1}); empty for other servers
 */
public record ServerSoftware(Kind kind, Optional<Version> openSshVersion) {

    private static final Pattern OPENSSH = Pattern.compile("OpenSSH_(?:for_Windows_)?(\\d{1,3})\\.(\\d{1,3}).*");

    /** The implementations remediation tells apart; {@link #id()} is the JSON value. */
    public enum Kind {
        OPENSSH, DROPBEAR, TINYSSH, OTHER;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An OpenSSH release, compared by major then minor. */
    public record Version(int major, int minor) implements Comparable<Version> {

        private static final Pattern TEXT = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})");

        /** The first {@code x.y} in a text such as {@code 9.6} or {@code OpenSSH 7.4, Dropbear 2018.76}. */
        public static Optional<Version> parse(String text) {
            Matcher m = TEXT.matcher(text);
            return m.find() ? Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                    : Optional.empty();
        }

        @Override
        public int compareTo(Version other) {
            return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    /** From a whole identification line such as {@code SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3}. */
    public static ServerSoftware ofLine(String identificationLine) {
        String[] parts = identificationLine.split("-", 3);
        return of(parts.length < 3 ? "" : parts[2].split(" ", 2)[0]);
    }

    /** From the software version field, e.g. {@code OpenSSH_9.2p1}, {@code dropbear_2022.83}, {@code tinyssh_20230101}. */
    public static ServerSoftware of(String softwareVersion) {
        Matcher m = OPENSSH.matcher(softwareVersion);
        if (m.matches()) {
            return new ServerSoftware(Kind.OPENSSH,
                    Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))));
        }
        String lower = softwareVersion.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dropbear")) {
            return new ServerSoftware(Kind.DROPBEAR, Optional.empty());
        }
        if (lower.startsWith("tinyssh")) {
            return new ServerSoftware(Kind.TINYSSH, Optional.empty());
        }
        return new ServerSoftware(Kind.OTHER, Optional.empty());
    }
}
