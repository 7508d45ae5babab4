package org.vigil.inventory.importing;

/** An upload turned into text, with the encoding it was read in (as the import result reports it). */
public record DecodedText(String text, String encoding, boolean byteOrderMark, String note) {
}
