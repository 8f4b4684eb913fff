package dev.kexwatch.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One accepted connection of a {@link HostileSshServer}, with the moves behaviours are made of. */
final class Conn {

    private static final int HOLD_MILLIS = 60_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Conn(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true); // each write goes out as its own segment
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void writePacket(byte[] payload) throws IOException {
        write(SshPackets.packet(payload));
    }

    /** Identification, KEXINIT and, when guessing, a guessed first kex packet (RFC 4253 §7); then waits. */
    void identAndKexinit(String ident, List<String> lists, boolean guess) throws IOException {
        write(ident + "\r\n");
        writePacket(SshPackets.kexinitPayload(lists, guess));
        if (guess) {
            writePacket(SshPackets.messageWithString(SshPackets.MSG_KEX_ECDH_INIT, new byte[32]));
        }
        holdOpen();
    }

    /** Reads one line from the client (e.g. its identification), at most 1 KiB. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n' && line.length() < 1024) {
            line.append((char) b);
        }
        return line.toString();
    }

    /** Reads one unencrypted binary packet (RFC 4253 §6) and returns its payload; lengths trusted (test peers). */
    byte[] readPacket() throws IOException {
        java.io.DataInputStream data = new java.io.DataInputStream(in);
        byte[] packet = new byte[data.readInt()];
        data.readFully(packet);
        return java.util.Arrays.copyOfRange(packet, 1, packet.length - (packet[0] & 0xff));
    }

    /** Keeps the connection open, discarding input, until the client closes it. */
    void holdOpen() throws IOException {
        socket.setSoTimeout(HOLD_MILLIS);
        byte[] sink = new byte[4096];
        try {
            while (in.read(sink) >= 0) {
                // the probe's KEXINIT and anything else it sends are irrelevant here
            }
        } catch (SocketTimeoutException enough) {
            // a client that never closes must not keep a test thread forever
        }
    }

    void pause(long millis) {
        try {
            Thread.sleep(millis); // the behaviour is "slow": waiting is the point
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes our sending side (FIN) and drains the client until it closes. Closing the socket outright
     * with the client's KEXINIT unread would make the kernel send RST, which can discard our last bytes.
     */
    void closeGracefully() throws IOException {
        socket.shutdownOutput();
        holdOpen();
    }

    /** Sends a TCP RST instead of a FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
