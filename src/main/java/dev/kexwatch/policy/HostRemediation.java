package dev.kexwatch.policy;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.ServerSoftware;
import java.util.List;
import java.util.Optional;

/**
 * The one change a host needs so that every policy in force accepts its offer: the intersection of what each policy
 * accepts, in the host's own order, written for the server it is. OpenSSH gets a drop-in for
 * {@code /etc/ssh/sshd_config.d/} (sshd keeps the first value of each keyword, and Debian and Ubuntu include that
 * directory before their own settings) naming only algorithms that release knows; Dropbear, tinysshd and others get
 * plain advice, never {@code sshd_config}.
 *
 * @param sshdConfig the drop-in text; empty for a server that is not OpenSSH, or when nothing in it would change
 * @param advice what to do, in words: where the drop-in goes, what config cannot fix (upgrade, build options, keys)
 */
public record HostRemediation(ServerSoftware.Kind server, Optional<String> sshdConfig, String advice) {

    /** The drop-in's file name under {@code /etc/ssh/sshd_config.d/}; "00-" sorts it before the others there. */
    public static final String DROP_IN = "/etc/ssh/sshd_config.d/00-kexwatch.conf";

    /**
     * @param policies every policy in force for the host (e.g. {@link PolicySet#applicableTo})
     * @param softwareVersion the identification's software version, e.g. {@code OpenSSH_9.2p1}
     */
    public static HostRemediation of(List<Policy> policies, ServerOffer offer, String softwareVersion) {
        return of(policies, offer, softwareVersion, AlgorithmCatalog.builtin());
    }

    public static HostRemediation of(List<Policy> policies, ServerOffer offer, String softwareVersion,
            AlgorithmCatalog catalog) {
        ServerSoftware software = ServerSoftware.of(softwareVersion);
        AcceptableLists lists = new AcceptableLists(policies, offer, software, catalog);
        return new RemediationText(softwareVersion, policies, lists, catalog).remediation();
    }
}
