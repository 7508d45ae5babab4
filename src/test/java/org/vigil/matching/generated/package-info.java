/**
 * The generated matching checks of issue 9 ("measure generalization, not the devset"): device records derived the
 * way hospitals write them from every ICSMA leaf ({@link org.vigil.matching.generated.InventoryGenerator}) and every
 * readable recall ({@link org.vigil.matching.generated.RecallGenerator}), scored per transformation class through
 * the matcher's public API ({@link org.vigil.matching.generated.Scorecard}). Plain JUnit, no Quarkus; needs
 * {@code ../shared}. Run: {@code ./mvnw -B -o -q test -Dtest='GeneratedInventoryTest,GeneratedRecallTest'
 * -Dsurefire.failIfNoSpecifiedTests=false}; the goal is asserted on every run (recall ≥ 0.99 per
 * class, precision ≥ 0.95), {@code -Dgenerated.dump=FILE} writes every case, {@code -Dgenerated.sample.seed=N}
 * changes the printed audit sample.
 */
package org.vigil.matching.generated;
