package dev.kexwatch.hostkey;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks a server for one Diffie-Hellman group (RFC 4419 §3) and reads the size of the prime it returns, then
 * hangs up: the rest of the exchange would prove nothing about the group's size. Written by hand, like
 * ssh-audit's, because MINA's client refuses groups outside its own bounds before a scanner could see them.
 */
final class GexExchange {

    static final byte MSG_DISCONNECT = 1;
    static final byte MSG_KEXINIT = 20;
    static final byte MSG_KEX_DH_GEX_GROUP = 31;
    static final byte MSG_KEX_DH_GEX_REQUEST = 34;
    static final int MIN_GROUP_BITS = 512;
    private static final int MAX_P_BYTES = 8 * 1024; // 65,536 bits: more than any real group

    private GexExchange() {
    }

    static GexGroup request(InetSocketAddress address, String gexAlgorithm, GexRequest ask, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        try (Socket socket = new Socket()) {
            // SO_TIMEOUT bounds each read; this bounds them all, against a server that trickles bytes.
            CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS).execute(() -> close(socket));
            socket.connect(address, (int) Math.max(1, deadline.toMillis()));
            socket.setSoTimeout((int) Math.max(1, deadline.toMillis()));
            PlainPackets wire = new PlainPackets(socket.getInputStream(), socket.getOutputStream());
            wire.writeLine("SSH-2.0-kexwatch_deep");
            wire.identification();
            ByteBuffer serverKexinit = wire.next();
            if (serverKexinit.get(0) != MSG_KEXINIT) {
                return failed(ask, DeepOutcome.PROTOCOL_ERROR);
            }
            wire.write(kexinit(serverKexinit, gexAlgorithm));
            wire.write(gexRequest(ask));
            return group(ask, wire.next());
        } catch (SocketTimeoutException e) {
            return failed(ask, DeepOutcome.TIMEOUT);
        } catch (EOFException e) {
            return failed(ask, DeepOutcome.GROUP_REFUSED);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return failed(ask, DeepOutcome.TRUNCATED);
        } catch (IOException e) {
            if (System.nanoTime() - end >= 0) {
                return failed(ask, DeepOutcome.TIMEOUT);
            }
            return failed(ask, e.getMessage() != null && e.getMessage().contains("packet")
                    ? DeepOutcome.PROTOCOL_ERROR : DeepOutcome.GROUP_REFUSED);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed: the exchange ended in time
        }
    }

    private static GexGroup group(GexRequest ask, ByteBuffer payload) {
        int type = payload.get() & 0xff;
        if (type == MSG_DISCONNECT) {
            return failed(ask, DeepOutcome.GROUP_REFUSED);
        }
        if (type != MSG_KEX_DH_GEX_GROUP) {
            return failed(ask, DeepOutcome.PROTOCOL_ERROR);
        }
        int length = payload.getInt();
        if (length < 0 || length > MAX_P_BYTES || length > payload.remaining()) {
            return failed(ask, DeepOutcome.TRUNCATED);
        }
        byte[] p = new byte[length];
        payload.get(p);
        int bits = new BigInteger(1, p).bitLength();
        DeepOutcome outcome = bits < MIN_GROUP_BITS ? DeepOutcome.GROUP_TOO_SMALL : DeepOutcome.OK;
        return new GexGroup(ask.min(), ask.preferred(), ask.max(), Optional.of(bits), outcome);
    }

    private static GexGroup failed(GexRequest ask, DeepOutcome outcome) {
        return new GexGroup(ask.min(), ask.preferred(), ask.max(), Optional.empty(), outcome);
    }

    /** Our KEXINIT: only the group exchange as key exchange, the server's own lists for everything else. */
    private static byte[] kexinit(ByteBuffer server, String gexAlgorithm) {
        ByteBuffer lists = server.duplicate().position(17);
        skipString(lists); // the server's kex list, replaced by ours
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MSG_KEXINIT);
        out.writeBytes(new byte[16]);
        writeString(out, gexAlgorithm.getBytes(StandardCharsets.US_ASCII));
        byte[] rest = new byte[lists.remaining()];
        lists.get(rest); // nine name-lists, first_kex_packet_follows and reserved, as the server sent them
        out.writeBytes(rest);
        byte[] payload = out.toByteArray();
        payload[payload.length - 5] = 0; // we never guess a first packet
        return payload;
    }

    private static byte[] gexRequest(GexRequest ask) {
        return ByteBuffer.allocate(13).put(MSG_KEX_DH_GEX_REQUEST).putInt(ask.min()).putInt(ask.preferred())
                .putInt(ask.max()).array();
    }

    private static void skipString(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("name-list longer than the packet");
        }
        buffer.position(buffer.position() + length);
    }

    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
