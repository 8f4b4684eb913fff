package dev.kexwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a policy or profile file before it is read whole: {@code /dev/zero}, a FIFO or a huge file would
 * otherwise be read until memory runs out. A real policy is a few kilobytes.
 */
final class InputFile {

    static final long MAX_BYTES = 1024 * 1024;

    private InputFile() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    static Path small(Path file, String what) {
        if (!Files.exists(file)) {
            return file; // the loader says "not found" in its own words
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " " + file + " is not a regular file");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(what + " " + file + " is larger than " + MAX_BYTES / 1024 + " KiB");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
