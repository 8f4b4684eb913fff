package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.KexList;
import java.util.Optional;

/** Whether one client profile can connect to one host, and if not, the list that fails first. */
public record MatrixCell(String profileId, String hostId, Optional<Mismatch> failure) {

    public boolean works() {
        return failure.isEmpty();
    }

    public Optional<KexList> failingList() {
        return failure.map(Mismatch::list);
    }
}
