package org.vigil.inventory.importing;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Turns an uploaded file into text without ever inventing a character: a byte sequence that does not fit the
 * encoding is a refusal naming its line, never a U+FFFD in the inventory. In this order: a byte-order mark (UTF-8,
 * UTF-16 LE/BE, as Excel's "CSV UTF-8" and "Unicode Text" write them); a charset the client declared
 * ({@code Content-Type: text/csv; charset=windows-1250}); UTF-16 without a mark when ICU's {@link CharsetDetector}
 * is sure of it; UTF-8 when every byte sequence is valid UTF-8; otherwise Windows-1252, what Excel's "CSV (Comma
 * delimited)" writes on Western European Windows. A file that is UTF-8 in places and not in others is broken, not
 * Windows-1252, and refused.
 */
final class TextDecoder {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    /** {@code declared} is the charset parameter of the Content-Type, or null. */
    static DecodedText decode(byte[] bytes, String declared) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new DecodedText(strict(bytes, 3, StandardCharsets.UTF_8), "UTF-8", true, null);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new DecodedText(strict(bytes, 2, StandardCharsets.UTF_16LE), "UTF-16LE", true, null);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new DecodedText(strict(bytes, 2, StandardCharsets.UTF_16BE), "UTF-16BE", true, null);
        }
        if (declared != null && !declared.isBlank()) {
            Charset charset = charset(declared.strip());
            // Many clients declare ISO-8859-1 by default (HTTP/1.1's old default), for files that are Windows-1252 or
            // UTF-8. As browsers do (WHATWG Encoding Standard), the Latin-1 labels mean Windows-1252; and valid UTF-8
            // text is read as UTF-8 whatever the label.
            boolean latinDefault = charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)
                    || charset.equals(WINDOWS_1252);
            if (latinDefault) {
                charset = WINDOWS_1252;
            }
            if (!latinDefault || firstInvalidUtf8(bytes) >= 0 || !hasUtf8Sequence(bytes)) {
                return new DecodedText(strict(bytes, 0, charset), charset.name(), false, null);
            }
            return new DecodedText(strict(bytes, 0, StandardCharsets.UTF_8), "UTF-8", false, "the Content-Type says "
                    + "charset=" + declared.strip() + ", but the bytes are UTF-8 and were read as UTF-8");
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch best = detector.detect();
        if (best != null && best.getConfidence() >= 90 && best.getName().startsWith("UTF-16")) {
            Charset utf16 = Charset.forName(best.getName());
            return new DecodedText(strict(bytes, 0, utf16), utf16.name(), false, null);
        }
        int invalid = firstInvalidUtf8(bytes);
        if (invalid < 0) {
            return new DecodedText(strict(bytes, 0, StandardCharsets.UTF_8), "UTF-8", false, null);
        }
        if (hasUtf8Sequence(bytes)) {
            throw new ImportFormatException(lineAt(bytes, invalid, 1), "the file is UTF-8 but has bytes here that are "
                    + "not (a damaged or mixed file); nothing was imported: save it again as CSV UTF-8");
        }
        String note = best != null && !best.getName().startsWith("ISO-8859-1") && !best.getName().equals("windows-1252")
                && best.getConfidence() >= 50 ? "the file looks like " + best.getName() + "; it was read as "
                + "windows-1252. If names look wrong, send it with Content-Type: text/csv; charset=" + best.getName()
                : null;
        return new DecodedText(strict(bytes, 0, WINDOWS_1252), "windows-1252", false, note);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportFormatException(1, "charset '" + name + "' in the Content-Type is not known; use UTF-8, "
                    + "UTF-16 or windows-1252");
        }
    }

    /** Decodes everything after {@code offset}; the first byte that does not fit is an error naming its line. */
    static String strict(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int width = charset.name().startsWith("UTF-16") ? 2 : 1;
            int position = in.position();
            throw new ImportFormatException(lineAt(bytes, position, width), String.format("byte 0x%02X (offset %d) "
                    + "is not valid %s; nothing was imported: save the file as CSV UTF-8", bytes[position] & 0xFF,
                    position, charset.name()));
        }
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            throw new ImportFormatException(lineOf(text, nul), "the file holds NUL characters: a binary file or UTF-16 "
                    + "without byte-order mark; save it as CSV UTF-8");
        }
        return text;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Offset of the first byte that starts no valid UTF-8 sequence, or -1. */
    static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int n = sequenceLength(b, i);
            if (n == 0) {
                return i;
            }
            i += n;
        }
        return -1;
    }

    private static boolean hasUtf8Sequence(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if ((b[i] & 0x80) != 0 && sequenceLength(b, i) > 1) {
                return true;
            }
        }
        return false;
    }

    /** Length of the well-formed UTF-8 sequence at i (RFC 3629: no overlongs, no surrogates), or 0. */
    private static int sequenceLength(byte[] b, int i) {
        int lead = b[i] & 0xFF;
        if (lead < 0x80) {
            return 1;
        }
        int n = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (n == 0 || i + n > b.length) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return n;
    }

    /** The 1-based line of a byte offset; {@code width} 2 counts UTF-16 code units. */
    private static int lineAt(byte[] b, int offset, int width) {
        int line = 1;
        for (int i = 0; i + width - 1 < offset && i + width - 1 < b.length; i += width) {
            boolean newline = width == 1 ? b[i] == '\n'
                    : (b[i] == '\n' && b[i + 1] == 0) || (b[i] == 0 && b[i + 1] == '\n');
            if (newline) {
                line++;
            }
        }
        return line;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
