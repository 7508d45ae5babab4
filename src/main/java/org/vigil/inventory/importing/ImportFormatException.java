package org.vigil.inventory.importing;

/** The file as a whole cannot be read (not one bad row): nothing is imported. */
public class ImportFormatException extends RuntimeException {

    private final int line;

    public ImportFormatException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
