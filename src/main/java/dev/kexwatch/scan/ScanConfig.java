package dev.kexwatch.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "kexwatch.scan")
public interface ScanConfig {

    /** When the scheduled scan runs (Quartz-style cron), nightly by default. */
    @WithDefault("0 0 2 * * ?")
    String cron();

    /** Scan once right after start-up. */
    @WithDefault("false")
    boolean onStart();

    /** Extra tries for a host whose probe failed in a way that may pass (timeout, reset, closed early). */
    @WithDefault("1")
    int retries();

    /** Probes in flight against one address at the most (politeness; Dropbear resets beyond ~4). */
    @WithDefault("4")
    int perAddress();

    /** Scans and past observations older than this are deleted; a host's current state is always kept. */
    @WithDefault("400d")
    Duration retention();

    /** How long a scan keeps trying to store results while the database is away before it fails. */
    @WithDefault("10m")
    Duration storeRetryFor();

    /** How often a running scan logs its progress. */
    @WithDefault("10s")
    Duration progressLogEvery();

    /** Hosts a replica claims at a time from a run (replicas share a run through the database). */
    @WithDefault("64")
    int claimBatch();

    /**
     * How long a replica's claim on hosts holds without renewal (renewed every third of it while the replica
     * lives): a dead replica's hosts are taken over by the others after this.
     */
    @WithDefault("30s")
    Duration lease();

    /** How often a replica looks for a run another replica started, to join it. */
    @WithDefault("5s")
    Duration pollEvery();

    /** Networks and domains that may be scanned; read and defaulted by {@link dev.kexwatch.security.ScanTargetGuard}. */
    Optional<List<String>> allow();
}
