package dev.kexwatch.capture;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** {@code kexwatch.listen.*}: the service's opt-in listener that captures SSH clients. */
@ConfigMapping(prefix = "kexwatch.listen")
public interface ListenConfig {

    /** The TCP port to capture clients on; unset (the default) means no listener. 0 lets the kernel pick one. */
    OptionalInt port();

    /** The address to bind: loopback unless the operator opens it to a network on purpose. */
    @WithDefault("127.0.0.1")
    String bind();

    /** Connections served at once; more are closed on accept (outcome OVER_CAP). */
    @WithDefault("32")
    int maxConnections();

    /** How long one client has from accept to its KEXINIT. */
    @WithDefault("10s")
    Duration timeout();

    /** Captures kept in the database; the oldest go first, so a client reconnecting in a loop cannot fill it. */
    @WithDefault("10000")
    int keep();

    /**
     * The id of the policy that judges each capture: the built-in {@code client-baseline} or any policy in force
     * (e.g. one installed over REST), looked up at capture time.
     */
    @WithDefault("client-baseline")
    String policy();
}
