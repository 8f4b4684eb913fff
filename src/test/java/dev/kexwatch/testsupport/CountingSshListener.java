package dev.kexwatch.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback SSH server that counts the connections it accepts and, after a delay (a slow host), sends an
 * identification line and a KEXINIT, which is all a probe reads: each probe of it ends OK, so each connection is
 * one probe. Tells whether, and how often, a scan connected to an address.
 */
public final class CountingSshListener implements AutoCloseable {

    private static final byte[] HELLO = hello();

    private final ServerSocket socket;
    private final long delayMillis;
    private final AtomicInteger accepted = new AtomicInteger();

    public CountingSshListener(String loopbackAddress, long delayMillis) {
        this.delayMillis = delayMillis;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getByName(loopbackAddress));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(this::serve, "counting-ssh-listener-" + loopbackAddress);
        thread.setDaemon(true);
        thread.start();
    }

    public String address() {
        return socket.getInetAddress().getHostAddress();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int accepted() {
        return accepted.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                accepted.incrementAndGet();
                Thread answering = new Thread(() -> answer(client), "kexinit-answer");
                answering.setDaemon(true);
                answering.start();
            } catch (IOException e) {
                // closed: the test is over
            }
        }
    }

    private void answer(Socket client) {
        try (client; OutputStream out = client.getOutputStream()) {
            Thread.sleep(delayMillis);
            out.write(HELLO);
            out.flush();
            client.getInputStream().read(new byte[4096]); // until the prober has read it and goes
        } catch (IOException | InterruptedException e) {
            // the prober went away first: nothing more to do
        }
    }

    private static byte[] hello() {
        byte[] id = "SSH-2.0-OpenSSH_9.6 replicas\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] kexinit = SshPackets.packet(SshPackets.kexinitPayload(List.of("curve25519-sha256", "ssh-ed25519",
                "aes128-ctr", "aes128-ctr", "hmac-sha2-256", "hmac-sha2-256", "none", "none", "", ""), false));
        byte[] all = new byte[id.length + kexinit.length];
        System.arraycopy(id, 0, all, 0, id.length);
        System.arraycopy(kexinit, 0, all, id.length, kexinit.length);
        return all;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
