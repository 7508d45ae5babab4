package org.vigil.ingest.cisa.csaf;

/** A document that is not usable CSAF 2.0 (invalid JSON, no tracking id, ...). The message is the reason shown in the run. */
class CsafFormatException extends Exception {

    CsafFormatException(String message) {
        super(message);
    }
}
