package dev.kexwatch.cli;

import dev.kexwatch.cli.NegotiateCommand.Outcome;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.NegotiationReport;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What {@code negotiate}'s output is made of: the outcomes in input order, the clients asked about (a target that
 * was not probed still has one row, case or line per client), the gate and colour.
 */
record NegotiationResults(List<Outcome> outcomes, List<ClientProfile> clients, NegotiationGate gate, boolean colour) {

    NegotiationResults {
        outcomes = List.copyOf(outcomes);
        clients = List.copyOf(clients);
    }

    /** One client against one target; the report is empty when the target was not probed. */
    record Pair(Outcome outcome, ClientProfile client, Optional<NegotiationReport> report) {

        String target() {
            return outcome.result().target().toString();
        }
    }

    /** Every client x target pair, target by target in input order, clients in the order given. */
    List<Pair> pairs() {
        // A probed target has one report per client, in the clients' order; one not probed has none.
        return outcomes.stream().flatMap(outcome -> IntStream.range(0, clients.size()).mapToObj(i -> new Pair(outcome,
                clients.get(i), outcome.reports().isEmpty() ? Optional.empty()
                        : Optional.of(outcome.reports().get(i))))).toList();
    }
}
