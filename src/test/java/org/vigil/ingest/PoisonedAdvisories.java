package org.vigil.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.advisory.AdvisoryChanged;

/**
 * Fault injection for ingest tests: storing a poisoned advisory fails inside its transaction the way a database
 * refusal does (the exception quotes SQL, as Hibernate's do), so a test can show that one bad record fails alone.
 */
@ApplicationScoped
public class PoisonedAdvisories {

    public static final String SQL_TEXT = "could not execute statement [insert into finding (advisory_id) values (?)]";

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    public void poison(String advisoryId) {
        ids.add(advisoryId);
    }

    public void clear() {
        ids.clear();
    }

    void onChange(@Observes AdvisoryChanged event) {
        if (ids.contains(event.advisoryId())) {
            throw new PersistenceException(SQL_TEXT);
        }
    }
}
