package org.vigil.fault;

import java.util.ArrayList;
import java.util.List;

/** The table of faults survived, printed at the end of the suite (and copied into docs/). */
final class FaultTable {

    private final List<String> rows = new ArrayList<>();

    synchronized void add(String fault, Outcome o) {
        rows.add(String.format("| %s | %d of %d | %d of %d DELIVERED | %d | %d | 0 | survived |", fault, o.findings(),
                o.findings(), o.deliveries(), o.deliveries(), o.resent(), o.failedAttempts()));
    }

    synchronized String render() {
        StringBuilder sb = new StringBuilder("\nFaults survived (two instances, one PostgreSQL):\n");
        sb.append("| Fault | Findings present | Deliveries | Re-sent (same webhook-id) | Failed attempts retried"
                + " | FINDING_RESOLVED | Result |\n|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> sb.append(r).append('\n'));
        return sb.toString();
    }
}
