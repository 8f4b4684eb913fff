package dev.kexwatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where results are written: {@code --output FILE}, or standard output (left open on close). */
final class Destination implements AutoCloseable {

    private final PrintWriter writer;
    private final boolean stdout;

    private Destination(PrintWriter writer, boolean stdout) {
        this.writer = writer;
        this.stdout = stdout;
    }

    /** Opens (creates or truncates) the file before anything is probed, so a bad path is a usage error at once. */
    static Destination open(Optional<Path> file, PrintWriter stdout) throws IOException {
        if (file.isEmpty()) {
            return new Destination(stdout, true);
        }
        try {
            return new Destination(new PrintWriter(Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8)), false);
        } catch (IOException e) {
            throw new IOException("cannot write --output " + file.get() + ": " + e.getMessage(), e);
        }
    }

    PrintWriter writer() {
        return writer;
    }

    /** Colour and terminal manners only apply when results go to the terminal, never into a file. */
    boolean isStdout() {
        return stdout;
    }

    @Override
    public void close() {
        writer.flush();
        if (!stdout) {
            writer.close();
        }
    }
}
