/**
 * The matcher: for one device and one advisory's product leaves, the company, product and version evidence and
 * the decision (confidence, needs review, reasons). {@code Wording} reads a name into words with roles (model
 * numbers, line, kind, brand, alias, context), {@code Coverage} says which words the other side names,
 * {@code ProductEvidence} weighs them, {@code Families} knows which line words several products of a company share,
 * {@code Matcher} puts company, evidence and version together per leaf. Pure Java with no Quarkus types, tested
 * with plain JUnit.
 */
package org.vigil.matching.evidence;
