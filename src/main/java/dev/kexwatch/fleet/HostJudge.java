package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.HostRemediation;
import java.util.Optional;

/**
 * The policies in force, as the fleet's stores and reads need them: the result store judges a host while it writes
 * its status, the host detail carries its remediation. The policies live in compliance, which depends on fleet, so
 * fleet names only this interface.
 */
public interface HostJudge {

    /**
     * Every policy that applies to the host, judged on its offer and on the protocol version of its identification;
     * the offer is empty for a host that answered SSH-1 only.
     */
    Verdict judge(HostRef host, Optional<ServerOffer> offer, String protocolVersion);

    /** The one remediation for every policy in force on the host, written for its server software. */
    HostRemediation remediation(HostRef host, ServerOffer offer, String softwareVersion);
}
