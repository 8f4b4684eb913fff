package dev.kexwatch.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Folds a c2s and an s2c finding that say the same thing into one finding for both directions. */
final class Directions {

    private Directions() {
    }

    static List<Finding> merge(List<Finding> findings) {
        List<Finding> merged = new ArrayList<>();
        for (Finding finding : findings) {
            int last = merged.size() - 1;
            if (last >= 0 && sameButDirection(merged.get(last), finding)) {
                merged.set(last, withoutDirection(finding));
            } else {
                merged.add(finding);
            }
        }
        return merged;
    }

    private static boolean sameButDirection(Finding a, Finding b) {
        return a.category() == b.category() && a.direction().isPresent() && b.direction().isPresent()
                && !a.direction().equals(b.direction()) && a.names().equals(b.names())
                && a.evidence().equals(b.evidence());
    }

    private static Finding withoutDirection(Finding f) {
        return new Finding(f.policyId(), f.ruleId(), f.severity(), f.category(), Optional.empty(), f.names(),
                f.evidence(), f.rationale(), f.source(), f.remediation());
    }
}
