package dev.kexwatch.listen;

import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.policy.Evaluation;
import java.util.List;

/**
 * A captured client judged: its profile, the policy's evaluation of its lists, and one remediation line per
 * finding in the client's own configuration language (the findings' own {@code sshd_config} text is for servers).
 */
public record ClientReview(Capture capture, ClientProfile profile, Evaluation evaluation, List<String> remediation) {

    public ClientReview {
        remediation = List.copyOf(remediation);
    }
}
