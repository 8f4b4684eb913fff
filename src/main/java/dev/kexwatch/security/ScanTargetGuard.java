package dev.kexwatch.security;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The configured {@link ScanAllowlist} ({@value #KEY}). Hosts are checked when they are added (through
 * {@link AllowedScanTarget} on the host's address) and again right before a scan probes them, after DNS, so a
 * name that has come to resolve elsewhere is not probed. A bad entry stops the start.
 */
@Startup
@ApplicationScoped
public class ScanTargetGuard {

    public static final String KEY = "kexwatch.scan.allow";
    /** Private address space only (RFC 1918, RFC 4193, loopback): never the internet unless configured. */
    static final String DEFAULT = "127.0.0.0/8,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7,localhost";

    private static final Logger LOG = Logger.getLogger(ScanTargetGuard.class);

    private final ScanAllowlist allowlist;

    ScanTargetGuard(@ConfigProperty(name = KEY, defaultValue = DEFAULT) List<String> entries) {
        this.allowlist = ScanAllowlist.parse(entries);
        LOG.infof("Scan targets allowed (%s): %s", KEY, allowlist);
    }

    /** The allowlist as configured, for code that runs outside CDI (validators in plain tests). */
    static ScanAllowlist configured() {
        return ScanAllowlist.parse(ConfigProvider.getConfig().getOptionalValues(KEY, String.class)
                .orElse(List.of(DEFAULT.split(","))));
    }

    /** Why a host may not be added; empty when it may. Does not ask DNS. */
    public Optional<String> whyRefused(String host) {
        return allowlist.whyRefused(host);
    }

    /** Why a CIDR range of hosts may not be added: it must lie wholly inside one allowed network. */
    public Optional<String> whyRefused(Cidr range) {
        return allowlist.whyRefused(range);
    }

    /**
     * Why a host may not be probed now; empty when it may. Names are resolved: every address must be allowed,
     * and a name that does not resolve is refused too, since the probe would resolve it again by itself.
     */
    public Optional<String> whyRefusedNow(String host) {
        Optional<String> refused = allowlist.whyRefused(host);
        if (refused.isPresent() || IpLiteral.parse(host).isPresent()) {
            return refused;
        }
        try {
            return allowlist.whyRefusedResolved(host, Arrays.asList(InetAddress.getAllByName(host.strip())));
        } catch (UnknownHostException e) {
            return Optional.of(host + " does not resolve");
        }
    }
}
