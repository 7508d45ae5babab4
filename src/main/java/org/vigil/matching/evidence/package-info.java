/**
 * The matcher: for one device and one advisory's product leaves, the company, product and version evidence and
 * the decision (confidence, needs review, reasons). Pure Java with no Quarkus types, tested with plain JUnit.
 */
package org.vigil.matching.evidence;
