package dev.kexwatch.fleet;

import dev.kexwatch.policy.HostRemediation;
import java.util.List;
import java.util.Map;

/**
 * One host's latest compliance with the evidence behind it: the ten name-lists as the server sent them
 * (keyed like {@code kex}, {@code cipher_c2s}), the lines it sent before its identification, its history, and the
 * one remediation for every policy in force (null when the host sent no offer). {@code hostKeys} and {@code gex} are
 * its latest deep handshake, named as the CLI's {@code scan --deep --json} names them (empty before its first), and
 * {@code authMethods} its login methods from the opt-in auth-methods probe (null when it was never probed).
 */
public record HostDetail(HostCompliance compliance, Map<String, List<String>> lists, List<String> preIdentification,
        List<HistoryEntry> history, Remediation remediation, List<DeepViews.HostKeyView> hostKeys,
        List<DeepViews.GexView> gex, AuthMethodsView authMethods) {

    /**
     * As the CLI's {@code policy.remediation}: {@code server} is openssh, dropbear, tinyssh or other;
     * {@code sshdConfig} the drop-in for {@code /etc/ssh/sshd_config.d/00-kexwatch.conf}, or null.
     */
    public record Remediation(String server, String sshdConfig, String advice) {

        static Remediation of(HostRemediation remediation) {
            return new Remediation(remediation.server().id(), remediation.sshdConfig().orElse(null),
                    remediation.advice());
        }
    }
}
