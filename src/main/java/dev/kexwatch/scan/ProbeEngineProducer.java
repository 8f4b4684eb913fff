package dev.kexwatch.scan;

import dev.kexwatch.probe.PhaseDeadlines;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.security.ScanTargetGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One probe engine for the service's lifetime: its MINA client and threads are reused by every scan. */
@ApplicationScoped
public class ProbeEngineProducer {

    @Produces
    @Singleton // a plain instance, not a client proxy: the engine is a final class
    ProbeEngine engine(ProbeConfig config, ScanTargetGuard guard) {
        // the address each attempt dials is vetted itself, not just the name before the scan (DNS rebinding)
        return new ProbeEngine(new ProbeSettings(config.timeout(), config.concurrency(), config.maxBytes())
                .withPhases(new PhaseDeadlines(config.connectTimeout(), config.identificationTimeout(),
                        config.kexinitTimeout()))
                .dialling(ip -> guard.whyRefused(ip.getHostAddress())));
    }

    void close(@Disposes ProbeEngine engine) {
        engine.close();
    }
}
