package org.vigil.inventory.enrichment;

/** The values a GUDID record offers for fields a hospital may leave blank. */
public record GudidFill(String manufacturer, String model, String catalogNumber, String productCode) {
}
