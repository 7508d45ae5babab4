/**
 * Company names: legal forms, spelling variants and mojibake reduced to keys ({@code ManufacturerNames}), and the
 * alias registry (built-in list, alias file, operator aliases) that says CareFusion is BD and an Epsimed MN-120 is
 * a Contec CMS8000. Owns the manufacturer-alias table and its API.
 */
package org.vigil.matching.company;
