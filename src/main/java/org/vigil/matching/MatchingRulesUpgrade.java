package org.vigil.matching;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.vigil.matching.evidence.Matcher;

/**
 * Findings and the match index of a deployment were made by the rules of the version that wrote them. When an
 * upgrade brings new rules ({@link Matcher#RULES}), the first instance to start records them and queues one full
 * background re-match, so no device keeps the verdict (or the index terms) of the old rules. The conditional update
 * makes it one run however many instances start at once.
 */
@ApplicationScoped
public class MatchingRulesUpgrade {

    private static final Logger LOG = Logger.getLogger(MatchingRulesUpgrade.class);

    private final EntityManager em;
    private final MatchingRuns runs;

    public MatchingRulesUpgrade(EntityManager em, MatchingRuns runs) {
        this.em = em;
        this.runs = runs;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::check);
    }

    /** Records the current rules; queues a full re-match when they changed and there are devices to re-match. */
    void check() {
        int changed = em.createNativeQuery("UPDATE matching_rules_version SET version = ?1 WHERE id = 1 AND version <> ?1")
                .setParameter(1, Matcher.RULES).executeUpdate();
        if (changed == 0) {
            return;
        }
        long devices = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM device").getSingleResult()).longValue();
        if (devices > 0) {
            var run = runs.startRulesUpgrade("matching rules " + Matcher.RULES + " (upgrade)");
            LOG.infof("matching rules changed to %s: full re-match %s queued for %d devices", Matcher.RULES, run.id,
                    devices);
        }
    }
}
