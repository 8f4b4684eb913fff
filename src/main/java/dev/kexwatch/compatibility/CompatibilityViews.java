package dev.kexwatch.compatibility;

import dev.kexwatch.fleet.FleetHost;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.MatrixCell;
import dev.kexwatch.negotiation.Mismatch;
import dev.kexwatch.negotiation.NegotiationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of {@code /api/compatibility}. */
public final class CompatibilityViews {

    private CompatibilityViews() {
    }

    /** A client profile with where it came from: {@code built-in}, {@code file:<path>} or {@code api}. */
    public record ProfileView(String id, String name, String version, String source, String origin,
            boolean strictKex, boolean extInfo, Map<String, List<String>> lists) {

        public static ProfileView of(ClientProfile profile, String origin) {
            Map<String, List<String>> lists = new LinkedHashMap<>();
            ClientProfile.NEGOTIATED.forEach(list -> lists.put(list.key(), profile.get(list)));
            return new ProfileView(profile.id(), profile.name(), profile.version(), profile.source(), origin,
                    profile.sendsStrictKex(), profile.sendsExtInfo(), lists);
        }
    }

    /**
     * One profile on one host: works, or the first failing list as the OpenSSH client reports it.
     *
     * @param seed the seed log's form, e.g. {@code No common C2S mac: [S: …] [C: …]}
     */
    public record Cell(String profile, long hostId, String address, int port, boolean works,
            Optional<String> failingList, Optional<String> failingCategory, Optional<String> reason,
            Optional<String> seed) {

        static Cell of(MatrixCell cell, FleetHost host) {
            Optional<Mismatch> failure = cell.failure();
            return new Cell(cell.profileId(), host.hostId(), host.address(), host.port(), cell.works(),
                    failure.map(m -> m.list().key()), failure.map(m -> m.category().id()),
                    failure.map(Mismatch::openSshReason), failure.map(Mismatch::seedMessage));
        }
    }

    /**
     * Profiles × hosts of the latest offers, one page of hosts at a time (host id order).
     *
     * @param hosts hosts of the selection with an offer, over every page
     * @param hostsWithoutOffer hosts of the selection whose latest probe captured no offer, so are not in the matrix
     * @param cells every profile on each host of this page
     * @param unreachable per profile (every profile listed) the ids of the hosts of this page it cannot negotiate
     *        with; {@code GET /q/metrics} has the fleet-wide counts ({@code kexwatch_client_unreachable_hosts})
     * @param total hosts over every page (the paging contract's name for {@code hosts})
     */
    public record Matrix(int hosts, long hostsWithoutOffer, List<String> profiles, List<Cell> cells,
            Map<String, List<Long>> unreachable, int page, int size, long total) {
    }

    /** Every (or one) profile negotiated against one host's latest offer. */
    public record HostNegotiation(long hostId, String address, int port, Map<String, String> labels,
            Optional<String> identification, List<NegotiationReport> results) {
    }

    /**
     * A proposed change: {@code sshdConfig} lines ({@code KexAlgorithms}, {@code Ciphers}, {@code MACs},
     * {@code HostKeyAlgorithms} with sshd_config(5)'s {@code +}, {@code -}, {@code ^}), and/or the id of a policy
     * to comply with; {@code label} selects the hosts ({@code env=prod,role=db}).
     */
    public record WhatIfRequest(String sshdConfig, String policy, String label) {
    }

    /** What a profile gains and loses: ids of hosts it would newly fail on and newly reach. */
    public record ProfileImpact(List<Long> breaksOn, List<Long> worksOn) {
    }

    /**
     * The verdict of a what-if, before any server is touched.
     *
     * @param hostsChanged hosts whose offer the change alters
     * @param newlyBroken profile/host pairs that work today and would fail, with the failure after the change
     * @param byProfile only profiles with an impact
     */
    public record WhatIf(int hosts, int hostsChanged, List<Cell> newlyBroken, List<Cell> newlyWorking,
            Map<String, ProfileImpact> byProfile) {
    }
}
