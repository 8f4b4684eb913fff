package dev.kexwatch.probe;

import java.util.List;

/**
 * A server's identification string {@code SSH-protoversion-softwareversion SP comments} and the lines it
 * sent before it (RFC 4253 §4.2), without their CR LF.
 *
 * @param preIdentificationLines the first lines a server sent before its identification; the probe keeps
 *        a bounded number, since a hostile server can send thousands
 * @param droppedPreIdentificationLines how many further lines were received but not kept
 */
public record Identification(String line, List<String> preIdentificationLines, int droppedPreIdentificationLines) {

    public Identification {
        preIdentificationLines = List.copyOf(preIdentificationLines);
    }

    public Identification(String line, List<String> preIdentificationLines) {
        this(line, preIdentificationLines, 0);
    }

    /** {@code 2.0}, {@code 1.99} or {@code 1.5}; empty when the line is not of the SSH form. */
    public String protocolVersion() {
        String[] parts = line.split("-", 3);
        return parts.length >= 2 && parts[0].equals("SSH") ? parts[1] : "";
    }

    /** The software version, e.g. {@code OpenSSH_9.2p1}. */
    public String softwareVersion() {
        String[] parts = line.split("-", 3);
        if (parts.length < 3) {
            return "";
        }
        int space = parts[2].indexOf(' ');
        return space < 0 ? parts[2] : parts[2].substring(0, space);
    }

    /** The comment after the software version, e.g. {@code Debian-2+deb12u3}; empty when none. */
    public String comment() {
        int space = line.indexOf(' ');
        return space < 0 ? "" : line.substring(space + 1);
    }
}
