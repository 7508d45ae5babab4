package org.vigil.udi;

import java.time.LocalDate;

/**
 * A unique device identifier as read from a label or a scanner: the device identifier (DI) that names the model,
 * and the production identifiers (PI) that name this unit or batch. {@code di} is canonical (GTIN-14 for GS1,
 * LIC + product number + unit of measure for HIBCC); the PI parts are null when the label does not carry them.
 */
public record Udi(Agency agency, String di, String lot, String serial, LocalDate expirationDate,
        LocalDate manufacturingDate) {

    /** The FDA-accredited issuing agencies whose forms Vigil reads. */
    public enum Agency {
        GS1, HIBCC
    }

    /** True when the text carried more than the DI: a lot, serial or date. */
    public boolean hasProductionIdentifiers() {
        return lot != null || serial != null || expirationDate != null || manufacturingDate != null;
    }
}
