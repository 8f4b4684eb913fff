package dev.kexwatch.testsupport;

import dev.kexwatch.probe.Target;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.sshd.certificate.OpenSshCertificateBuilder;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.OpenSshCertificateImpl;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.server.SshServer;

/**
 * An Apache MINA SSHD server on a random loopback port whose ECDSA P-256 host key carries an OpenSSH host
 * certificate signed by a P-256 CA made here; {@link #tampered()} changes the certificate's key id after the CA
 * signed it, so the body the server sends no longer matches the CA's signature (a forged certificate).
 */
public final class CertifiedMinaServer implements AutoCloseable {

    public static final String CERT_ALGORITHM = "ecdsa-sha2-nistp256-cert-v01@openssh.com";

    private final SshServer server;
    private final OpenSshCertificate certificate;

    private CertifiedMinaServer(SshServer server, OpenSshCertificate certificate) {
        this.server = server;
        this.certificate = certificate;
    }

    public static CertifiedMinaServer genuine() {
        return start(false);
    }

    public static CertifiedMinaServer tampered() {
        return start(true);
    }

    private static CertifiedMinaServer start(boolean tamper) {
        KeyPair host = ec();
        OpenSshCertificate cert;
        try {
            cert = OpenSshCertificateBuilder.hostCertificate().publicKey(host.getPublic()).serial(77).id("mina-host")
                    .principals(List.of("mina.example")).validAfter(Instant.now().minus(1, ChronoUnit.DAYS))
                    .validBefore(Instant.now().plus(90, ChronoUnit.DAYS)).sign(ec());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (tamper) {
            ((OpenSshCertificateImpl) cert).setId("forged-host"); // the CA signed "mina-host"
        }
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(Ports.LOOPBACK);
        server.setPort(0);
        server.setSignatureFactories(List.<NamedFactory<Signature>>of(BuiltinSignatures.nistp256_cert,
                BuiltinSignatures.nistp256));
        server.setKeyPairProvider(KeyPairProvider.wrap(host));
        server.setHostKeyCertificateProvider(session -> List.of(cert));
        return new CertifiedMinaServer(MinaSshServer.started(server), cert);
    }

    private static KeyPair ec() {
        return MinaSshServer.generate("EC", 256);
    }

    public OpenSshCertificate certificate() {
        return certificate;
    }

    public Target target() {
        return new Target(Ports.LOOPBACK, server.getPort());
    }

    @Override
    public void close() {
        MinaSshServer.stop(server);
    }
}
