/**
 * Findings: the stored result of matching (confidence, reasons, revision), their reconciliation when matching runs
 * again (new, changed, resolved), triage state kept across revisions, the match events that notification turns
 * into deliveries, and the findings API.
 */
package org.vigil.matching.finding;
