package dev.kexwatch.capture;

import dev.kexwatch.listen.Capture;
import dev.kexwatch.listen.ListenSettings;
import dev.kexwatch.listen.Listener;
import dev.kexwatch.metrics.KexwatchMetrics;
import dev.kexwatch.probe.ServerText;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The listener of this replica, when {@code kexwatch.listen.port} is set: started with the service, closed with
 * it. Every replica may listen; captures go to the shared database, and every connection's outcome to
 * {@code kexwatch_listener_connections_total}. A port that cannot be bound stops the start, as a broken
 * configuration should.
 */
@ApplicationScoped
public class ClientListener {

    private static final Logger LOG = Logger.getLogger(ClientListener.class);

    @Inject
    ListenConfig config;

    @Inject
    CapturedClientService service;

    @Inject
    ClientPolicy policy;

    @Inject
    KexwatchMetrics metrics;

    @Inject
    Clock clock;

    private volatile Listener listener;

    void start(@Observes StartupEvent event) {
        if (config.port().isEmpty()) {
            return;
        }
        ListenSettings settings = settings();
        policy.check();
        try {
            listener = Listener.start(settings, clock, this::take);
        } catch (IOException e) {
            throw new UncheckedIOException("kexwatch.listen: cannot listen on " + config.bind() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = listener.address();
        LOG.infof("Capturing SSH clients on %s port %d (at most %d at once)", bound.getAddress().getHostAddress(),
                bound.getPort(), settings.maxConnections());
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.close();
        }
    }

    /** Where this replica listens: empty when the listener is off. */
    public Optional<InetSocketAddress> address() {
        return Optional.ofNullable(listener).map(Listener::address);
    }

    public int maxConnections() {
        return config.maxConnections();
    }

    private ListenSettings settings() {
        try {
            return ListenSettings.loopback(config.port().getAsInt()).withBind(InetAddress.getByName(config.bind()))
                    .withMaxConnections(config.maxConnections()).withTimeout(config.timeout());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("kexwatch.listen: " + e.getMessage(), e);
        }
    }

    /** On a pool thread of the listener: one connection's outcome. A failed store must not kill the listener. */
    private void take(Capture capture) {
        metrics.listened(capture.outcome());
        if (!capture.captured()) {
            LOG.debugf("Listener: %s: %s: %s", capture.peer(), capture.outcome().name(),
                    ServerText.bounded(capture.detail(), 300));
            return;
        }
        try {
            service.store(capture);
        } catch (RuntimeException e) {
            LOG.errorf("Listener: the capture of %s could not be stored: %s", capture.peer(),
                    ServerText.bounded(String.valueOf(e.getMessage()), 300));
        }
    }
}
