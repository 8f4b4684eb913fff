package dev.kexwatch.testsupport;

import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many loopback SSH "hosts" from one selector thread: each listener answers every connection with a canned
 * OpenSSH 9.2 identification and KEXINIT after a fixed delay (slow hosts make a scan last long enough to hurt
 * it meanwhile), or, when silent, never accepts at all (the kernel completes the handshake into the backlog, so
 * a probe connects and then waits its whole deadline, like a host whose sshd hangs). Counts the connections each
 * host got, so a test can tell a probe that was repeated. Ports are picked by the kernel.
 * <p>
 * With a gate N it holds every answer until N connections wait at once, then answers them all: proof that N
 * probes were in flight together (the benchmarks use it).
 * <p>
 * Also a program, for fleets larger than one process may hold files for:
 * {@code java -cp target/test-classes:target/classes dev.kexwatch.testsupport.SshResponder answer|silent ADDRESSES
 * PER_ADDRESS [DELAY_MS]} prints {@code address port} per host, then {@code ready}; {@code … SshResponder ports
 * ADDRESSES BASE COUNT [GATE]} answers on the fixed ports BASE to BASE+COUNT-1 of every address (benchmarks: nmap
 * wants a port range) and prints {@code ready BASE..LAST}, then {@code gate open: …} each time the gate opens.
 * {@code … SshResponder mix ADDRESSES BASE COUNT} is a fleet as a nightly scan meets it, decided by the port
 * ({@link #mixed}): of every ten ports seven answer after 100-300 ms, two accept and never answer, one refuses.
 */
public final class SshResponder implements AutoCloseable {

    private static final List<String> LISTS = List.of(
            "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,diffie-hellman-group14-sha256,"
                    + "kex-strict-s-v00@openssh.com",
            "rsa-sha2-512,rsa-sha2-256,ecdsa-sha2-nistp256,ssh-ed25519",
            "chacha20-poly1305@openssh.com,aes128-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com",
            "chacha20-poly1305@openssh.com,aes128-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com",
            "umac-64-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-256,hmac-sha1",
            "umac-64-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-256,hmac-sha1",
            "none,zlib@openssh.com", "none,zlib@openssh.com", "", "");
    private static final ByteBuffer ANSWER = answer();

    private final Selector selector;
    private final List<Target> targets = new ArrayList<>();
    private final Map<Target, AtomicInteger> connections = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    /** Connections waiting for their answer, soonest first (delays differ per listener in a mix). */
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparingLong(Due::at));
    private final long delayNanos;
    private final int gate;
    private final Thread loop;

    /** A connection and when it gets its answer (FIFO: the delay is the same for all). */
    private record Due(SocketChannel channel, long at) {
    }

    private SshResponder(Duration delay, int gate) throws IOException {
        this.selector = Selector.open();
        this.delayNanos = delay.toNanos();
        this.gate = gate;
        this.loop = new Thread(this::serve, "ssh-responder");
        loop.setDaemon(true);
    }

    /** {@code perAddress} answering hosts on each address, each answering {@code delay} after it connects. */
    public static SshResponder answering(List<String> addresses, int perAddress, Duration delay) {
        try {
            SshResponder responder = new SshResponder(delay, 0);
            for (String address : addresses) {
                for (int i = 0; i < perAddress; i++) {
                    responder.listen(address, 0);
                }
            }
            responder.loop.start();
            return responder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hosts on ports {@code base} to {@code base + count - 1} of each address, answering at once or by the gate. */
    public static SshResponder onPorts(List<String> addresses, int base, int count, int gate) {
        try {
            SshResponder responder = new SshResponder(Duration.ZERO, gate);
            for (String address : addresses) {
                for (int port = base; port < base + count; port++) {
                    responder.listen(address, port);
                }
            }
            responder.loop.start();
            return responder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one port of a {@link #mixed} fleet does, by the port's number (so a checker knows without asking). */
    public enum Mix {
        ANSWERS, SILENT, REFUSES;

        public static Mix of(int port) {
            int slot = Math.floorMod(port, 10);
            return slot < 7 ? ANSWERS : slot < 9 ? SILENT : REFUSES;
        }

        /** 100-300 ms, spread by the port number, so every run of a benchmark waits the same. */
        static Duration delay(int port) {
            return Duration.ofMillis(100 + Math.floorMod(port * 7919, 201));
        }
    }

    /**
     * A realistic fleet on ports {@code base} to {@code base + count - 1} of each address ({@link Mix}): answering
     * ports answer after 100-300 ms, silent ones accept and never send a byte, refusing ones have no listener.
     */
    public static SshResponder mixed(List<String> addresses, int base, int count) {
        try {
            SshResponder responder = new SshResponder(Duration.ZERO, 0);
            for (String address : addresses) {
                for (int port = base; port < base + count; port++) {
                    Mix mix = Mix.of(port);
                    if (mix != Mix.REFUSES) {
                        responder.listen(address, port, mix == Mix.SILENT ? -1 : Mix.delay(port).toNanos());
                    }
                }
            }
            responder.loop.start();
            return responder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void listen(String address, int port) throws IOException {
        listen(address, port, delayNanos);
    }

    /** A listener whose connections are answered {@code delay} ns after accept; never when negative. */
    private void listen(String address, int port, long delay) throws IOException {
        if (!address.startsWith("127.")) {
            throw new IllegalArgumentException(address + ": tests listen on loopback only");
        }
        ServerSocketChannel server = ServerSocketChannel.open();
        // Fixed ports again right after a run whose connections are still in TIME_WAIT.
        server.setOption(StandardSocketOptions.SO_REUSEADDR, port != 0);
        server.bind(new InetSocketAddress(address, port), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT, delay);
        Target target = new Target(address, server.socket().getLocalPort());
        targets.add(target);
        connections.put(target, new AtomicInteger());
    }

    public List<Target> targets() {
        return List.copyOf(targets);
    }

    /** Connections the host on this port accepted so far. */
    public int connections(Target target) {
        return connections.get(target).get();
    }

    /** Answers sent so far, all hosts together. */
    public int answered() {
        return answered.get();
    }

    private void serve() {
        ByteBuffer sink = ByteBuffer.allocate(16 * 1024);
        try {
            while (selector.isOpen()) {
                long wait = due.isEmpty() || gateShut() ? 0
                        : Math.max(1, (due.peek().at() - System.nanoTime()) / 1_000_000);
                selector.select(wait);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        accept((ServerSocketChannel) key.channel(), (Long) key.attachment());
                    } else if (key.isValid() && key.isReadable()) {
                        read(key, sink);
                    }
                }
                selector.selectedKeys().clear();
                answerDue();
            }
        } catch (IOException | ClosedSelectorException closed) {
            // closed: the test is over
        }
    }

    private void accept(ServerSocketChannel server, long delay) throws IOException {
        SocketChannel client;
        while ((client = server.accept()) != null) {
            connections.get(new Target(server.socket().getInetAddress().getHostAddress(), server.socket().getLocalPort()))
                    .incrementAndGet();
            client.configureBlocking(false);
            client.register(selector, SelectionKey.OP_READ);
            if (delay >= 0) {
                due.add(new Due(client, System.nanoTime() + delay));
            }
        }
    }

    /** Discards what the client sends (its identification); closes on end of stream. */
    private void read(SelectionKey key, ByteBuffer sink) {
        sink.clear();
        int n;
        try {
            n = ((SocketChannel) key.channel()).read(sink);
        } catch (IOException reset) {
            n = -1;
        }
        if (n < 0) {
            key.cancel();
            close(key.channel());
            if (gate > 0) {
                due.removeIf(d -> d.channel() == key.channel()); // a gate counts waiting connections only
            }
        }
    }

    private boolean gateShut() {
        return gate > 0 && due.size() < gate;
    }

    private void answerDue() {
        if (gateShut()) {
            return;
        }
        if (gate > 0) {
            System.out.println("gate open: " + due.size() + " connections open at once");
        }
        long now = System.nanoTime();
        while (!due.isEmpty() && due.peek().at() - now <= 0) {
            SocketChannel channel = due.poll().channel();
            if (!channel.isOpen()) {
                continue;
            }
            try {
                channel.write(ANSWER.duplicate()); // about 1 KiB: a fresh socket's buffer takes it whole
                answered.incrementAndGet();
            } catch (IOException gone) {
                close(channel);
            }
        }
    }

    private static void close(Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a dead connection: nothing to do
        }
    }

    private static ByteBuffer answer() {
        byte[] ident = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] kexinit = SshPackets.packet(SshPackets.kexinitPayload(LISTS, false));
        return ByteBuffer.allocate(ident.length + kexinit.length).put(ident).put(kexinit).flip().asReadOnlyBuffer();
    }

    @Override
    public void close() {
        try {
            for (SelectionKey key : selector.keys()) {
                close(key.channel());
            }
            selector.close();
            loop.join(5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Silent hosts: listeners that never accept (see the class comment); the caller keeps them open. */
    public static List<ServerSocket> silent(List<String> addresses, int perAddress) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (String address : addresses) {
                for (int i = 0; i < perAddress; i++) {
                    sockets.add(new ServerSocket(0, 16, InetAddress.getByName(address)));
                }
            }
            return sockets;
        } catch (IOException e) {
            sockets.forEach(SshResponder::close);
            throw new UncheckedIOException(e);
        }
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort while failing anyway
        }
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> addresses = List.of(args[1].split(","));
        if (args[0].equals("ports") || args[0].equals("mix")) {
            int base = Integer.parseInt(args[2]);
            int count = Integer.parseInt(args[3]);
            int gate = args.length > 4 ? Integer.parseInt(args[4]) : 0;
            SshResponder responder = args[0].equals("mix") ? mixed(addresses, base, count)
                    : onPorts(addresses, base, count, gate);
            System.out.println("ready " + base + ".." + (base + count - 1) + (gate > 0 ? " gate " + gate : ""));
            System.out.flush();
            waitForever(responder);
        }
        int perAddress = Integer.parseInt(args[2]);
        List<Target> hosts;
        Object held; // a socket no longer referenced would be closed by its cleaner
        if (args[0].equals("silent")) {
            List<ServerSocket> sockets = silent(addresses, perAddress);
            held = sockets;
            hosts = sockets.stream().map(s -> new Target(s.getInetAddress().getHostAddress(), s.getLocalPort()))
                    .toList();
        } else {
            SshResponder responder = answering(addresses, perAddress,
                    Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 0));
            held = responder;
            hosts = responder.targets();
        }
        StringBuilder out = new StringBuilder();
        hosts.forEach(t -> out.append(t.host()).append(' ').append(t.port()).append('\n'));
        System.out.print(out.append("ready\n"));
        System.out.flush();
        waitForever(held);
    }

    private static void waitForever(Object held) throws InterruptedException {
        synchronized (held) {
            while (true) {
                held.wait(); // until the test or the benchmark kills this process
            }
        }
    }
}
