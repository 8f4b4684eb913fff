package dev.kexwatch.testsupport;

import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;

/**
 * An Apache MINA SSHD server in the test JVM on a random loopback port, offering exactly the algorithms
 * named in its {@link Algorithms}, weak ones included. Host keys are generated in memory for the
 * signature families asked for (RSA, DSA, ECDSA P-256 and P-384).
 */
public final class MinaSshServer implements AutoCloseable {

    /** The algorithm names (MINA factory names) the server is set up with, in preference order. */
    public record Algorithms(List<String> kex, List<String> hostKeys, List<String> ciphers, List<String> macs) {

        /** Weak names a compliance policy must flag, next to a few strong ones. */
        public static Algorithms weak() {
            return new Algorithms(
                    List.of("ecdh-sha2-nistp256", "diffie-hellman-group14-sha256", "diffie-hellman-group1-sha1",
                            "diffie-hellman-group14-sha1"),
                    List.of("rsa-sha2-512", "ecdsa-sha2-nistp256", "ssh-rsa", "ssh-dss"),
                    List.of("aes128-ctr", "aes256-gcm@openssh.com", "aes128-cbc", "3des-cbc"),
                    List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-256", "hmac-sha1", "hmac-md5"));
        }
    }

    private final SshServer server;
    private final Algorithms algorithms;

    private MinaSshServer(SshServer server, Algorithms algorithms) {
        this.server = server;
        this.algorithms = algorithms;
    }

    public static MinaSshServer start(Algorithms algorithms) {
        return start(algorithms, 0);
    }

    /** On a given port, e.g. the port of a server just closed, to play the same host with a changed offer. */
    public static MinaSshServer start(Algorithms algorithms, int port) {
        return start(algorithms, Ports.LOOPBACK, port, hostKeys(algorithms.hostKeys()));
    }

    /**
     * On a loopback address and port of the test's choosing, with the test's host keys: e.g. two servers sharing
     * one key on two addresses (a cloned image), or the same host restarted with a new key.
     */
    public static MinaSshServer start(Algorithms algorithms, String address, int port, List<KeyPair> keys) {
        return start(algorithms, address, port, KeyPairProvider.wrap(keys));
    }

    private static MinaSshServer start(Algorithms algorithms, String address, int port, KeyPairProvider keys) {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(address);
        server.setPort(port);
        server.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false,
                resolve(algorithms.kex(), BuiltinDHFactories::fromFactoryName), ServerBuilder.DH2KEX));
        server.setSignatureFactories(new ArrayList<NamedFactory<Signature>>(
                resolve(algorithms.hostKeys(), BuiltinSignatures::fromFactoryName)));
        server.setCipherFactories(new ArrayList<NamedFactory<Cipher>>(
                resolve(algorithms.ciphers(), BuiltinCiphers::fromFactoryName)));
        server.setMacFactories(new ArrayList<NamedFactory<Mac>>(
                resolve(algorithms.macs(), BuiltinMacs::fromFactoryName)));
        server.setKeyPairProvider(keys);
        return new MinaSshServer(started(server), algorithms);
    }

    /** Starts a configured server that lets nobody log in. */
    static SshServer started(SshServer server) {
        server.setPasswordAuthenticator((user, password, session) -> false);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    private static <T> List<T> resolve(List<String> names, Function<String, T> lookup) {
        return names.stream()
                .map(name -> Objects.requireNonNull(lookup.apply(name), "MINA does not know " + name))
                .toList();
    }

    private static KeyPairProvider hostKeys(List<String> signatures) {
        List<KeyPair> keys = new ArrayList<>();
        if (signatures.stream().anyMatch(s -> s.contains("rsa"))) {
            keys.add(generate("RSA", 2048));
        }
        if (signatures.contains("ssh-dss")) {
            keys.add(generate("DSA", 1024));
        }
        if (signatures.stream().anyMatch(s -> s.startsWith("ecdsa-sha2-nistp256"))) {
            keys.add(generate("EC", 256));
        }
        if (signatures.stream().anyMatch(s -> s.startsWith("ecdsa-sha2-nistp384"))) {
            keys.add(generate("EC", 384));
        }
        return KeyPairProvider.wrap(keys);
    }

    public static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Algorithms algorithms() {
        return algorithms;
    }

    public int port() {
        return server.getPort();
    }

    public Target target() {
        return new Target(server.getHost(), port());
    }

    /** The identification line MINA sends, e.g. {@code SSH-2.0-APACHE-SSHD-2.20.0}. */
    public String identification() {
        return "SSH-2.0-" + server.getVersion();
    }

    @Override
    public void close() {
        stop(server);
    }

    static void stop(SshServer server) {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
