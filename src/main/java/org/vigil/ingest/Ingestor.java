package org.vigil.ingest;

/**
 * One upstream source. Each lives in its own sub-package (client, upstream records, pure converter, this bean,
 * its job and config) and hands advisories to {@link org.vigil.advisory.AdvisoryService}.
 */
public interface Ingestor {

    /** The source name used in the API and config: {@code cisa-csaf}, {@code cisa-kev}, {@code fda-recall}, {@code fda-safety}. */
    String name();

    boolean enabled();

    /**
     * One pass over the source. Work is committed per document or page through {@link RunContext#commit}, and
     * the cursor moves in the same transaction, so a run that dies midway resumes where it stopped. A failing
     * item is reported with {@link RunContext#failed} and the run goes on; an exception fails the whole run.
     */
    void run(RunContext context) throws Exception;
}
