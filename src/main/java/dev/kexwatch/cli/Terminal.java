package dev.kexwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the command line writes to: whether standard output and error are terminals, and whether to colour.
 * Progress goes to a terminal only, colour too, and {@code NO_COLOR} (https://no-color.org) turns colour off.
 */
record Terminal(boolean stdoutIsTty, boolean stderrIsTty, boolean colour) {

    /** Writers that are not a terminal (tests, files): no progress unless asked, no colour. */
    static final Terminal NONE = new Terminal(false, false, false);

    static Terminal detect(Map<String, String> env) {
        boolean out = isTty(1);
        boolean err = isTty(2);
        String noColor = env.getOrDefault("NO_COLOR", "");
        return new Terminal(out, err, out && noColor.isEmpty() && !"dumb".equals(env.get("TERM")));
    }

    /**
     * Java has no isatty(); on Linux the descriptor's link names the terminal device. Elsewhere, {@code
     * System.console()} (non-null only when standard input and output are both terminals) is the best guess.
     */
    private static boolean isTty(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
