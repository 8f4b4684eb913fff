package dev.kexwatch.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service instance among the replicas sharing one database: {@code kexwatch.instance.id}, by default the
 * host name and a random suffix, so that a restarted process is a new replica unless it is given a stable id
 * (e.g. a StatefulSet pod name), in which case start-up hands back what its previous incarnation held.
 */
@ApplicationScoped
public class ReplicaId {

    private final String id;

    @Inject
    ReplicaId(@ConfigProperty(name = "kexwatch.instance.id") Optional<String> configured) {
        this.id = configured.filter(s -> !s.isBlank()).orElseGet(ReplicaId::generated);
    }

    public String id() {
        return id;
    }

    private static String generated() {
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        return hostName() + "-" + HexFormat.of().formatHex(suffix);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "kexwatch";
        }
    }
}
