package dev.kexwatch.probe;

import java.util.List;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.compression.BuiltinCompressions;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/** Builds the one MINA client an engine shares, configured for capture only. */
final class ProbeClients {

    /**
     * Bytes MINA may read looking for the identification line (pre-identification lines included). RFC
     * 4253 §4.2 limits the line to 255 bytes but not the lines before it; 64 KiB is plenty for any real
     * banner and ends an endless stream quickly.
     */
    static final int MAX_IDENTIFICATION_BYTES = 64 * 1024;

    /** MINA's per-read buffer; one per connection, so it sets the memory cost of many probes in flight. */
    static final int READ_BUFFER_BYTES = 4 * 1024;

    private ProbeClients() {
    }

    static SshClient start(ProbeSettings settings) {
        SshClient client = SshClient.setUpDefaultClient();
        // The probe never gets to host key checking or authentication; these keep MINA from reading
        // ~/.ssh (config, keys, known_hosts) on a scanner host.
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        // The client's own offer never matters (the probe stops before matching), so it offers one name per
        // list: less for MINA to build and send on every connection.
        client.setKeyExchangeFactories(List.of(ClientBuilder.DH2KEX.apply(BuiltinDHFactories.curve25519)));
        client.setSignatureFactories(List.of(BuiltinSignatures.ed25519));
        client.setCipherFactories(List.of(BuiltinCiphers.aes128ctr));
        client.setMacFactories(List.of(BuiltinMacs.hmacsha256));
        client.setCompressionFactories(List.of(BuiltinCompressions.none));
        CoreModuleProperties.MAX_IDENTIFICATION_SIZE.set(client,
                Math.min(MAX_IDENTIFICATION_BYTES, settings.maxBytes()));
        CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(client, READ_BUFFER_BYTES);
        client.setSessionFactory(new CappedSessionFactory(client, settings.maxBytes()));
        client.addSessionListener(new CaptureListener());
        client.start();
        return client;
    }
}
