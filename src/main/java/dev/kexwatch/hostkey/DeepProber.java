package dev.kexwatch.hostkey;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The deep handshake of one server whose KEXINIT is already captured: one key exchange per host-key family
 * it offers, then ssh-audit's group-size requests on its preferred group exchange. Connections to one server
 * run one after another (per-address politeness: a deep scan never opens more than one at a time), each
 * bounded by the per-connection deadline, so one server costs at most {@code deadline × connections}.
 */
public final class DeepProber implements AutoCloseable {

    /** Tried in this order; sha256 first as RFC 8270 recommends, the group sizes do not depend on the hash. */
    static final List<String> GEX_METHODS = List.of("diffie-hellman-group-exchange-sha256",
            "diffie-hellman-group-exchange-sha1");

    private final HostKeyExchange exchange = new HostKeyExchange();
    private final Duration deadline;
    private final List<GexRequest> requests;

    public DeepProber(Duration deadline) {
        this(deadline, GexRequest.AUDIT);
    }

    public DeepProber(Duration deadline, List<GexRequest> requests) {
        this.deadline = deadline;
        this.requests = List.copyOf(requests);
    }

    /** Never throws: every failed connection is an entry with a named outcome. */
    public DeepResult probe(InetSocketAddress address, ServerOffer offer) {
        List<HostKey> keys = new ArrayList<>();
        for (String algorithm : HostKeyFamilies.toAsk(offer.get(KexList.HOST_KEY))) {
            keys.add(exchange.exchange(address, algorithm, deadline));
        }
        String gex = GEX_METHODS.stream().filter(offer.get(KexList.KEX)::contains).findFirst().orElse("");
        List<GexGroup> groups = new ArrayList<>();
        if (!gex.isEmpty()) {
            for (GexRequest ask : requests) {
                groups.add(GexExchange.request(address, gex, ask, deadline));
            }
        }
        return new DeepResult(keys, gex, groups);
    }

    @Override
    public void close() {
        exchange.close();
    }
}
