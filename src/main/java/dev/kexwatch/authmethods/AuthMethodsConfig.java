package dev.kexwatch.authmethods;

import dev.kexwatch.auth.AuthMethodsProbe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The opt-in login-method probe of the service ({@code kexwatch.auth-methods.*}). */
@ConfigMapping(prefix = "kexwatch.auth-methods")
public interface AuthMethodsConfig {

    /** Off by default: every probe is a failed login in the server's log. */
    @WithDefault("false")
    boolean enabled();

    /** The user name of the {@code none} request; a name no real account has. */
    @WithDefault(AuthMethodsProbe.DEFAULT_USER)
    String user();

    /** Only hosts carrying these labels ({@code k=v[,k=v]}); unset: every host that answered its scan. */
    Optional<String> label();

    /** A host is probed again after a scan only when its last probe is this old (the probe is slow and noisy). */
    @WithDefault("24h")
    Duration every();

    /** Addresses probed at once; each address gets one probe at a time. */
    @WithDefault("4")
    int concurrency();

    /** Key exchange plus the answer to {@code none}, per host. */
    @WithDefault("10s")
    Duration timeout();

    /** How long {@code kexwatch_hosts_auth_method_appeared} keeps counting a host after a method appeared on it. */
    @WithDefault("24h")
    Duration appearedFor();
}
