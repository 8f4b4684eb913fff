package dev.kexwatch.probe;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;

/**
 * Sends our identification line, the only bytes a probe ever writes, straight to the session's channel.
 * MINA's write path (a queue, a write future, a logger per future) is there for sessions that write while
 * they read; a probe's one short write needs none of it, and nothing else writes on these channels, so the
 * channel never has two writes outstanding.
 */
final class IdentificationWrite implements CompletionHandler<Integer, Void> {

    private final AsynchronousSocketChannel channel;
    private final ByteBuffer line;
    private final ProbeAttempt attempt;

    private IdentificationWrite(AsynchronousSocketChannel channel, ByteBuffer line, ProbeAttempt attempt) {
        this.channel = channel;
        this.line = line;
        this.attempt = attempt;
    }

    /** {@code bytes} are shared by every connection and never written to. */
    static void start(AsynchronousSocketChannel channel, byte[] bytes, ProbeAttempt attempt) {
        new IdentificationWrite(channel, ByteBuffer.wrap(bytes), attempt).next();
    }

    private void next() {
        channel.write(line, null, this);
    }

    @Override
    public void completed(Integer written, Void unused) {
        if (line.hasRemaining() && !attempt.finished()) {
            next(); // a short write: the socket buffer was full
        }
    }

    @Override
    public void failed(Throwable error, Void unused) {
        FailureClassifier.afterConnect(attempt, error); // as MINA's write path reported it; no-op once finished
    }
}
