package dev.kexwatch.faults;

import dev.kexwatch.testsupport.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bounded run of {@code wrk} (Debian's package, installed by {@code .ci/run}) against a loopback URL with a
 * bearer token, and what it reported.
 *
 * @param requests requests completed
 * @param perSecond requests per second
 * @param p50 median latency, as wrk prints it (e.g. {@code 3.21ms})
 * @param p99 99th percentile latency
 * @param non2xx responses with a status other than 2xx or 3xx
 * @param socketErrors connect, read, write and timeout errors together
 * @param output wrk's whole report
 */
record Wrk(long requests, double perSecond, String p50, String p99, long non2xx, long socketErrors, String output) {

    static final Path BINARY = Path.of("/usr/bin/wrk");

    /** {@code wrk -t1 -cCONNECTIONS -dDURATION --latency} with the token in an Authorization header. */
    static Wrk run(String url, String token, int connections, Duration duration) {
        if (!url.startsWith("http://127.")) {
            throw new IllegalArgumentException(url + ": load goes to loopback only");
        }
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("wrk is missing: apt-get install wrk (.ci/run does)");
        }
        String out = Processes.run(List.of(BINARY.toString(), "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "5s", "--latency", "-H", "Authorization: Bearer " + token, url), Path.of("."));
        return new Wrk(number(out, "(\\d+) requests in").orElseThrow(() -> new IllegalStateException(out)),
                Double.parseDouble(text(out, "Requests/sec:\\s+([\\d.]+)").orElseThrow()),
                text(out, "\\s50%\\s+(\\S+)").orElseThrow(), text(out, "\\s99%\\s+(\\S+)").orElseThrow(),
                number(out, "Non-2xx or 3xx responses: (\\d+)").orElse(0L), socketErrors(out), out);
    }

    /** {@code Socket errors: connect 0, read 0, write 0, timeout 0}, printed only when one is not zero. */
    private static long socketErrors(String out) {
        Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        long sum = 0;
        if (m.find()) {
            for (int group = 1; group <= 4; group++) {
                sum += Long.parseLong(m.group(group));
            }
        }
        return sum;
    }

    private static Optional<Long> number(String out, String regex) {
        return text(out, regex).map(Long::parseLong);
    }

    private static Optional<String> text(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
