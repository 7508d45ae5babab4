package org.vigil.inventory.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The encodings Excel and CMMS exports come in, and the files that fit none of them. */
class TextDecoderTest {

    private static final String TEXT = "Asset ID;Manufacturer;Model\nA1;Dräger;Infinity Delta\nA2;Löwenstein;Elisée 150\n";

    /** A byte-order mark and a body, as an editor writes them. */
    static byte[] bom(byte[] bom, byte[] body) {
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }

    @Test
    void everyCommonEncodingGivesTheSameText() {
        DecodedText cp1252 = TextDecoder.decode(TEXT.getBytes(Charset.forName("windows-1252")), null);
        assertEquals(TEXT, cp1252.text());
        assertEquals("windows-1252", cp1252.encoding());
        assertEquals("UTF-8", TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), null).encoding());
        DecodedText utf8Bom = TextDecoder.decode(bom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                TEXT.getBytes(StandardCharsets.UTF_8)), null);
        assertEquals(TEXT, utf8Bom.text());
        assertTrue(utf8Bom.byteOrderMark());
        DecodedText le = TextDecoder.decode(bom(new byte[] {(byte) 0xFF, (byte) 0xFE},
                TEXT.getBytes(StandardCharsets.UTF_16LE)), null);
        assertEquals(TEXT, le.text());
        assertEquals("UTF-16LE", le.encoding());
        DecodedText be = TextDecoder.decode(bom(new byte[] {(byte) 0xFE, (byte) 0xFF},
                TEXT.getBytes(StandardCharsets.UTF_16BE)), null);
        assertEquals("UTF-16BE", be.encoding());
        assertEquals(TEXT, be.text());
        assertEquals(TEXT, TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_16LE), null).text(),
                "UTF-16 without a mark, as ICU detects it");
        assertEquals("Dräger – €", TextDecoder.decode("Dräger – €".getBytes(Charset.forName("windows-1252")), null)
                .text(), "the 0x80-0x9F range of Windows-1252 (en dash, euro sign)");
    }

    @Test
    void aDeclaredCharsetIsHonouredUnlessItIsTheLatin1DefaultOverUtf8() {
        byte[] latin2 = "Łódź".getBytes(Charset.forName("ISO-8859-2"));
        assertEquals("Łódź", TextDecoder.decode(latin2, "ISO-8859-2").text());
        DecodedText utf8 = TextDecoder.decode("Dräger".getBytes(StandardCharsets.UTF_8), "ISO-8859-1");
        assertEquals("Dräger", utf8.text());
        assertTrue(utf8.note().contains("the bytes are UTF-8"));
        ImportFormatException unknown = assertThrows(ImportFormatException.class,
                () -> TextDecoder.decode(latin2, "klingon"));
        assertTrue(unknown.getMessage().contains("charset 'klingon'"));
    }

    @Test
    void bytesThatFitNoEncodingAreRefusedWithTheirLine() {
        byte[] undefined = "manufacturer,model\nGE,B40\nGE,B\u0000\n".getBytes(StandardCharsets.ISO_8859_1);
        undefined[undefined.length - 2] = (byte) 0x81;   // undefined in Windows-1252, invalid in UTF-8
        ImportFormatException e = assertThrows(ImportFormatException.class, () -> TextDecoder.decode(undefined, null));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("byte 0x81"), e.getMessage());

        byte[] mixed = "manufacturer,model\nDräger,Delta\nDr\u00e4ger,Kappa\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[mixed.length - 1];
        // the second ä written as one Windows-1252 byte: the file is UTF-8 elsewhere
        int at = new String(mixed, StandardCharsets.UTF_8).lastIndexOf('ä');
        byte[] head = new String(mixed, StandardCharsets.UTF_8).substring(0, at).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, broken, 0, head.length);
        broken[head.length] = (byte) 0xE4;
        byte[] tail = "ger,Kappa\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(tail, 0, broken, head.length + 1, tail.length);
        ImportFormatException m = assertThrows(ImportFormatException.class, () -> TextDecoder.decode(broken, null));
        assertEquals(3, m.line());
        assertTrue(m.getMessage().contains("UTF-8 but has bytes here that are not"), m.getMessage());
    }
}
