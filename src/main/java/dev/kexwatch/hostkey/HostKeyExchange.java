package dev.kexwatch.hostkey;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * One key exchange per call with Apache MINA SSHD's client, offering only the host-key algorithm asked for,
 * then a disconnect as soon as the server's key is checked: no NEWKEYS use, no authentication (RFC 4253 §8).
 * The client offers every key exchange, cipher and MAC MINA knows, weak ones too, so that old servers still
 * negotiate: nothing is ever encrypted with them. Thread-safe; close it when done.
 */
public final class HostKeyExchange implements AutoCloseable {

    private final SshClient client;

    public HostKeyExchange() {
        client = SshClient.setUpDefaultClient();
        client.setKeyExchangeFactories(BuiltinDHFactories.VALUES.stream().filter(BuiltinDHFactories::isSupported)
                .sorted(Comparator.comparingInt(HostKeyExchange::cost)).map(RecordingKeyExchange::factory).toList());
        client.setCipherFactories(new ArrayList<NamedFactory<Cipher>>(
                BuiltinCiphers.VALUES.stream().filter(BuiltinCiphers::isSupported).toList()));
        client.setMacFactories(new ArrayList<NamedFactory<Mac>>(
                BuiltinMacs.VALUES.stream().filter(BuiltinMacs::isSupported).toList()));
        client.setSessionFactory(DeepSession.factory(client));
        client.setServerKeyVerifier((session, address, key) -> {
            ExchangeRecord.of(session).ended.complete(null);
            return false; // the key is all we came for: MINA disconnects here
        });
        client.addSessionListener(new SessionListener() {
            @Override
            public void sessionException(Session session, Throwable t) {
                ExchangeRecord.of(session).ended.complete(t);
            }

            @Override
            public void sessionClosed(Session session) {
                ExchangeRecord.of(session).ended.complete(new IOException("closed by the server"));
            }
        });
        client.start();
    }

    /**
     * The client's preference decides the key exchange (RFC 4253 §7.1), and the exchange only carries the host
     * key signature we came for: cheapest first for both ends (an X25519 exchange costs well under a millisecond,
     * a 2048-bit or larger modular exponentiation several, on the server too). Finite-field groups and the
     * post-quantum hybrids stay offered, for servers with nothing else; group exchange last.
     */
    private static int cost(BuiltinDHFactories dh) {
        String name = dh.getName();
        if (name.startsWith("curve25519")) {
            return 0;
        }
        if (name.startsWith("ecdh-sha2-") || name.startsWith("curve448")) {
            return 1;
        }
        if (dh.isGroupExchange()) {
            return 4;
        }
        return name.startsWith("diffie-hellman-") ? 2 : 3;
    }

    /** Completes one exchange asking for {@code algorithm}; never throws, ends within {@code deadline}. */
    public HostKey exchange(InetSocketAddress address, String algorithm, Duration deadline) {
        if (!DeepSession.supported(algorithm)) {
            return HostKey.failed(algorithm, DeepOutcome.UNSUPPORTED, "MINA SSHD has no verifier for " + algorithm);
        }
        ExchangeRecord record = new ExchangeRecord(algorithm);
        long end = System.nanoTime() + deadline.toNanos();
        ClientSession session = null;
        try {
            ConnectFuture connect = client.connect("kexwatch", address, AttributeRepository.ofKeyValuePair(
                    ExchangeRecord.KEY, record), null);
            if (!connect.await(deadline)) {
                connect.cancel();
                return HostKey.failed(algorithm, DeepOutcome.TIMEOUT, "no connection within the deadline");
            }
            if (connect.getException() != null) {
                return HostKey.failed(algorithm, DeepOutcome.CONNECT_FAILED,
                        KeyFacts.safe(connect.getException().getMessage()));
            }
            session = connect.getSession();
            Throwable ended = record.ended.get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            return ExchangeOutcome.of(record, ended);
        } catch (TimeoutException e) {
            return ExchangeOutcome.timedOut(record);
        } catch (IOException | ExecutionException e) {
            return HostKey.failed(algorithm, DeepOutcome.CONNECT_FAILED, KeyFacts.safe(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HostKey.failed(algorithm, DeepOutcome.TIMEOUT, "interrupted");
        } finally {
            if (session != null) {
                session.close(true);
            }
        }
    }

    @Override
    public void close() {
        client.stop();
    }
}
