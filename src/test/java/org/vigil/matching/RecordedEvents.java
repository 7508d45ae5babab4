package org.vigil.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigil.matching.finding.MatchEvent;
import org.vigil.matching.finding.MatchEventsRecorded;

/** Collects what matching publishes, as notification would receive it. */
@ApplicationScoped
public class RecordedEvents {

    private final List<MatchEvent> events = new ArrayList<>();

    synchronized void on(@Observes MatchEventsRecorded recorded) {
        events.addAll(recorded.events());
    }

    public synchronized List<MatchEvent> forHospital(UUID hospitalId) {
        return events.stream().filter(e -> e.hospitalId.equals(hospitalId)).toList();
    }
}
