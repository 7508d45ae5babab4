/**
 * The match index: terms of devices and advisories (company heads, product words, model numbers, UDI-DIs) stored
 * so that a new advisory finds its candidate devices, and a new device its candidate advisories, without scanning
 * everything; and the plain-JDBC reads of devices and affected products that matching needs.
 */
package org.vigil.matching.index;
