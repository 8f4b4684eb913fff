package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.HostRemediation;
import java.util.List;
import java.util.Optional;

/**
 * The policies in force, as the fleet's stores and reads need them: the result store judges a host while it writes
 * its status, the host detail carries its remediation. The policies live in compliance, which depends on fleet, so
 * fleet names only this interface.
 */
public interface HostJudge {

    /**
     * Every policy that applies to the host, judged on its offer, on the protocol version of its identification and
     * on its latest deep handshake (host keys, group sizes); the offer is empty for a host that answered SSH-1 only.
     * The software version ({@code dropbear_2022.83}) writes each finding's remediation for that server.
     */
    Verdict judge(HostRef host, Optional<ServerOffer> offer, String protocolVersion, String softwareVersion,
            Optional<DeepResult> deep);

    /** The policies in force that apply to the host (its labels select them). */
    List<Policy> inForceFor(HostRef host);

    /** The one remediation for every policy in force on the host, written for its server software. */
    HostRemediation remediation(HostRef host, ServerOffer offer, String softwareVersion);
}
