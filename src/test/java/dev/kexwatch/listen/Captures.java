package dev.kexwatch.listen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A listener on a free loopback port whose captures a test takes one by one. */
final class Captures implements AutoCloseable {

    private final BlockingQueue<Capture> queue = new LinkedBlockingQueue<>();
    private final Listener listener;

    Captures(ListenSettings settings) {
        try {
            listener = Listener.start(settings, Clock.systemUTC(), queue::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Captures() {
        this(ListenSettings.loopback(0));
    }

    Captures(Duration timeout) {
        this(ListenSettings.loopback(0).withTimeout(timeout));
    }

    int port() {
        return listener.port();
    }

    /** The next connection's capture; fails the test when none comes within 30 s. */
    Capture next() {
        try {
            Capture capture = queue.poll(30, TimeUnit.SECONDS);
            if (capture == null) {
                throw new AssertionError("no connection reached the listener on port " + port());
            }
            return capture;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int pending() {
        return queue.size();
    }

    @Override
    public void close() {
        listener.close();
    }
}
