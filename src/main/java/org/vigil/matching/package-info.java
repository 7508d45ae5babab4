/**
 * Matching: keeps findings (device × advisory) in step with the advisory catalogue and the hospitals'
 * inventories. {@code MatchingService} reacts to advisory and device changes in their transaction;
 * {@code MatchingRuns} runs the background re-matches ({@code FullRematch} after a rules upgrade,
 * {@code CompanyRematch} after an alias change) under one lease across instances. The parts:
 * {@link org.vigil.matching.company} (which names are one company),
 * {@link org.vigil.matching.evidence} (does this device's model and version fall under this product: the
 * matcher, pure Java), {@link org.vigil.matching.index} (the term index that finds candidates without a scan)
 * and {@link org.vigil.matching.finding} (findings, triage, match events and their API).
 */
package org.vigil.matching;
