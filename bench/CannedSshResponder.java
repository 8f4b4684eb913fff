import dev.kexwatch.testsupport.SshPackets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark target: answers every connection on 127.0.0.1:[base, base+count) with a canned OpenSSH 9.2
 * identification and KEXINIT, from one selector thread. With a gate N it holds every answer until N
 * connections are open at once, then answers them all: that proves N probes were in flight together.
 *
 * Run: java -cp target/test-classes bench/CannedSshResponder.java BASE COUNT [GATE] [ADDRESS,ADDRESS...]
 * (addresses default to 127.0.0.1; each gets the same ports, so 5 addresses x 20,000 ports make 100,000 hosts)
 */
public class CannedSshResponder {

    static final List<String> LISTS = List.of(
            "sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,"
                    + "diffie-hellman-group14-sha256,kex-strict-s-v00@openssh.com",
            "rsa-sha2-512,rsa-sha2-256,ecdsa-sha2-nistp256,ssh-ed25519",
            "chacha20-poly1305@openssh.com,aes128-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com",
            "chacha20-poly1305@openssh.com,aes128-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com",
            "umac-64-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-256,hmac-sha1",
            "umac-64-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-256,hmac-sha1",
            "none,zlib@openssh.com", "none,zlib@openssh.com", "", "");

    public static void main(String[] args) throws IOException {
        int base = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int gate = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        String[] addresses = (args.length > 3 ? args[3] : "127.0.0.1").split(",");
        byte[] ident = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] kexinit = SshPackets.packet(SshPackets.kexinitPayload(LISTS, false));
        ByteBuffer answer = ByteBuffer.allocate(ident.length + kexinit.length).put(ident).put(kexinit).flip();
        Selector selector = Selector.open();
        for (String address : addresses) {
            if (!address.startsWith("127.")) {
                throw new IllegalArgumentException(address + ": benchmarks listen on loopback only");
            }
            for (int port = base; port < base + count; port++) {
                ServerSocketChannel server = ServerSocketChannel.open();
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                server.bind(new InetSocketAddress(address, port), 4096);
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT);
            }
        }
        System.out.println("ready " + base + ".." + (base + count - 1) + (gate > 0 ? " gate " + gate : ""));
        List<SocketChannel> held = new ArrayList<>();
        ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
        while (true) {
            selector.select();
            for (SelectionKey key : selector.selectedKeys()) {
                if (!key.isValid()) {
                    continue;
                }
                if (key.isAcceptable()) {
                    SocketChannel client;
                    while ((client = ((ServerSocketChannel) key.channel()).accept()) != null) {
                        client.configureBlocking(false);
                        client.register(selector, SelectionKey.OP_READ);
                        if (gate > 0) {
                            held.add(client);
                        } else {
                            answer(client, answer);
                        }
                    }
                    if (gate > 0 && held.size() >= gate) {
                        System.out.println("gate open: " + held.size() + " connections open at once");
                        for (SocketChannel c : held) {
                            answer(c, answer);
                        }
                        held.clear();
                    }
                } else if (key.isReadable()) {
                    sink.clear();
                    int n;
                    try {
                        n = ((SocketChannel) key.channel()).read(sink);
                    } catch (IOException reset) {
                        n = -1;
                    }
                    if (n < 0) {
                        key.cancel();
                        held.remove(key.channel());
                        key.channel().close();
                    }
                }
            }
            selector.selectedKeys().clear();
        }
    }

    /** Writes the canned answer (about 1 KiB, which a fresh socket's buffer always takes whole). */
    static void answer(SocketChannel client, ByteBuffer answer) throws IOException {
        try {
            client.write(answer.duplicate());
        } catch (IOException gone) {
            client.close(); // a port scanner's connect-and-reset, e.g. nmap -sT
        }
    }
}
