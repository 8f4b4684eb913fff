package dev.kexwatch.cli;

import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Targets from the command line and from a file (one {@code host[:port]} a line, {@code #} comments). A file is
 * read line by line with a cap on line length and line count, so {@code /dev/zero} or a binary is a usage error
 * naming the line, not an OutOfMemoryError; a line that is not a host name or address is rejected with its line
 * number before anything is resolved.
 */
final class TargetList {

    /** A DNS name is at most 253 characters; with a port and a comment, a line has no reason to be longer. */
    static final int MAX_LINE = 1024;
    /** Far more than any fleet the command line is for (the service imports inventories); bounds memory. */
    static final int MAX_TARGETS = 1_000_000;

    /** RFC 1123 host names (and dotted IPv4), underscores allowed as real inventories have them. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}\\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}"
                    + "[A-Za-z0-9_])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(?:%[A-Za-z0-9_.-]{1,32})?");

    private TargetList() {
    }

    /**
     * The targets in the order given, file first, duplicates dropped.
     *
     * @throws IllegalArgumentException naming the file and line (or the argument) that is not a target
     */
    static List<Target> of(List<String> arguments, Optional<Path> file) throws IOException {
        LinkedHashSet<Target> targets = new LinkedHashSet<>();
        if (file.isPresent()) {
            read(file.get(), targets);
        }
        for (String argument : arguments) {
            targets.add(parse(argument, "argument"));
        }
        return List.copyOf(targets);
    }

    private static void read(Path file, LinkedHashSet<Target> targets) throws IOException {
        try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            java.io.BufferedReader reader = new java.io.BufferedReader(in);
            StringBuilder line = new StringBuilder();
            int number = 1;
            for (int c = reader.read(); c >= 0; c = reader.read()) {
                if (c == '\n') {
                    add(file, number++, line, targets);
                } else if (line.length() == MAX_LINE) {
                    throw new IllegalArgumentException(file + ":" + number + ": line longer than " + MAX_LINE
                            + " characters; is this a list of targets?");
                } else {
                    line.append((char) c);
                }
            }
            add(file, number, line, targets);
        }
    }

    private static void add(Path file, int number, StringBuilder line, LinkedHashSet<Target> targets) {
        int comment = line.indexOf("#");
        String text = (comment < 0 ? line : line.subSequence(0, comment)).toString().strip();
        line.setLength(0);
        if (!text.isEmpty()) {
            targets.add(parse(text, file + ":" + number));
            if (targets.size() > MAX_TARGETS) {
                throw new IllegalArgumentException(file + ":" + number + ": more than " + MAX_TARGETS + " targets");
            }
        }
    }

    /** Parses one target; {@code where} (a file and line, or "argument") prefixes the message. */
    static Target parse(String text, String where) {
        Target target;
        try {
            target = Target.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        String host = target.host();
        boolean literal = host.indexOf(':') >= 0;
        if (literal ? !IPV6.matcher(host).matches() : !HOST_NAME.matcher(host).matches()) {
            String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
            throw new IllegalArgumentException(where + ": '" + shown + "' is not a host[:port] (a host name, an IPv4"
                    + " address or an [IPv6] address)");
        }
        return target;
    }
}
