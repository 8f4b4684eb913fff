package dev.kexwatch.cli;

import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Targets from the command line and from a file (one {@code host[:port]} a line, {@code #} comments). */
final class TargetList {

    private TargetList() {
    }

    /** The targets in the order given, file first, duplicates dropped. */
    static List<Target> of(List<String> arguments, Optional<Path> file) throws IOException {
        List<String> texts = new ArrayList<>();
        if (file.isPresent()) {
            for (String line : Files.readAllLines(file.get())) {
                String text = line.replaceFirst("#.*", "").strip();
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
        }
        texts.addAll(arguments);
        LinkedHashSet<Target> targets = new LinkedHashSet<>();
        texts.forEach(text -> targets.add(Target.parse(text)));
        return List.copyOf(targets);
    }
}
