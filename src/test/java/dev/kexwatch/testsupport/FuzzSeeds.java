package dev.kexwatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The seed corpus of a Jazzer fuzz test (its {@code …Inputs/<method>} resource folder), as text. */
public final class FuzzSeeds {

    private FuzzSeeds() {
    }

    public static List<String> of(Class<?> fuzzTest, String method) {
        String folder = fuzzTest.getSimpleName() + "Inputs/" + method;
        try (Stream<Path> files = Files.list(Path.of(fuzzTest.getResource(folder).toURI()))) {
            return files.sorted().map(FuzzSeeds::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no seed corpus " + folder + " next to " + fuzzTest.getName(), e);
        }
    }

    /** Escaped so that a failing input can be pasted into a test or a seed file. */
    public static String printable(String input) {
        return input.chars().limit(2000).mapToObj(c -> c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04x", c)).reduce("", String::concat);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
