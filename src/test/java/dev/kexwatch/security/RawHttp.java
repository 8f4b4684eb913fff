package dev.kexwatch.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaks HTTP/1.1 over a plain socket, for what RestAssured cannot do: announce a body and not send it, or
 * stream one without a length. Loopback only.
 */
final class RawHttp {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");

    private RawHttp() {
    }

    /** Sends the head (and {@code body}, chunk by chunk when {@code chunks} > 0) and returns the raw response. */
    static String exchange(int port, String head, byte[] chunk, int chunks) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            sendChunks(out, chunk, chunks);
            return readAll(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops sending as soon as the server closes: it may answer before the body is over. */
    private static void sendChunks(OutputStream out, byte[] chunk, int chunks) throws IOException {
        try {
            for (int i = 0; i < chunks; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (chunks > 0) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (SocketException e) {
            // the server has answered and closed; the answer is what the test reads
        }
    }

    /** Until the server closes, or the head and as many body bytes as it announced have arrived. */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; !complete(response.toString(StandardCharsets.ISO_8859_1)) && (n = in.read(buffer)) > 0;) {
                response.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // reset after the response: keep what arrived
        }
        return response.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean complete(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        Matcher length = CONTENT_LENGTH.matcher(response);
        return headEnd >= 0 && length.find() && length.start() < headEnd
                && response.length() - headEnd - 4 >= Integer.parseInt(length.group(1));
    }
}
