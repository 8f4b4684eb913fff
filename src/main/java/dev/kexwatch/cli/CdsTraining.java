package dev.kexwatch.cli;

import dev.kexwatch.probe.Daemons;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The training run that builds the command line's class-data archive at package time ({@code src/main/bin/kexwatch}
 * runs it with {@code -XX:DumpLoadedClassList}, then dumps a static archive of those classes, on a class path of the
 * jars it loaded from): scans a canned SSH server on a loopback port and a closed port in every output format, so
 * the archive holds the classes a real scan loads. Never part of a user's run.
 */
public final class CdsTraining {

    private static final List<String> LISTS = List.of("curve25519-sha256,diffie-hellman-group1-sha1,kex-strict-s-v00@openssh.com",
            "ssh-ed25519,ssh-rsa", "aes128-ctr,aes128-cbc", "aes128-ctr,aes128-cbc", "hmac-sha2-256,hmac-sha1",
            "hmac-sha2-256,hmac-sha1", "none", "none", "", "");

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Daemons.start("cds-training-server", () -> answer(server));
            String ok = "127.0.0.1:" + server.getLocalPort();
            String refused = "127.0.0.1:" + closed.getLocalPort();
            closed.close();
            for (String format : List.of("table", "summary", "json", "csv", "sarif", "junit")) {
                Cli.run(discard(), discard(), "scan", "--format", format, ok, refused);
            }
            Cli.run(discard(), discard(), "--help");
        }
    }

    private static void answer(ServerSocket server) {
        byte[] answer = answer();
        while (!server.isClosed()) {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write(answer);
                out.flush();
                client.getInputStream().read(new byte[256]); // the client's identification, then its close
            } catch (IOException e) {
                // the training is over, or the probe closed first: both fine
            }
        }
    }

    /** An OpenSSH-like identification and an unencrypted KEXINIT packet (RFC 4253 §4.2, §6, §7.1). */
    static byte[] answer() {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(20);
        payload.writeBytes(new byte[16]);
        for (String list : LISTS) {
            byte[] bytes = list.getBytes(StandardCharsets.US_ASCII);
            payload.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            payload.writeBytes(bytes);
        }
        payload.writeBytes(new byte[5]);
        int padding = 8 - (5 + payload.size()) % 8 + 8;
        ByteBuffer packet = ByteBuffer.allocate(5 + payload.size() + padding)
                .putInt(1 + payload.size() + padding).put((byte) padding).put(payload.toByteArray());
        byte[] ident = "SSH-2.0-OpenSSH_8.4p1 Debian-5\r\n".getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(ident.length + packet.capacity()).put(ident).put(packet.array()).array();
    }

    private static PrintWriter discard() {
        return new PrintWriter(Writer.nullWriter());
    }
}
