package dev.kexwatch.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --summary} and {@code --detail}: the view a command prints when no {@code --format} is asked for. */
final class ViewOptions {

    /** Past this many targets the default view is the compact summary: a full table would run to pages. */
    static final int SUMMARY_THRESHOLD = 20;

    @Option(names = "--summary", description = "Compact view: one line per host, then a fleet summary.")
    private boolean summary;

    @Option(names = "--detail", description = "Full view for every host, however many.")
    private boolean detail;

    /**
     * The format asked for, else the table for a handful of targets and the summary past the threshold.
     *
     * @throws IllegalArgumentException for both flags at once
     */
    OutputFormat format(Optional<OutputFormat> asked, int targets) {
        if (summary && detail) {
            throw new IllegalArgumentException("--summary and --detail contradict each other");
        }
        if (asked.isPresent()) {
            return asked.get();
        }
        return summary || !detail && targets > SUMMARY_THRESHOLD ? OutputFormat.SUMMARY : OutputFormat.TABLE;
    }
}
