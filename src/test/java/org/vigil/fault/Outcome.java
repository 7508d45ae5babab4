package org.vigil.fault;

/**
 * What one fault left behind once everything settled.
 *
 * @param findings       findings of the scenario's hospital, all OPEN (= the advisories that affect it)
 * @param deliveries     its deliveries, all DELIVERED
 * @param resent         webhook-ids the receiver got twice (only requests in flight at a kill may be)
 * @param failedAttempts answers that were not a success (5xx, SMTP errors) and were retried
 */
record Outcome(int findings, int deliveries, int resent, int failedAttempts) {
}
