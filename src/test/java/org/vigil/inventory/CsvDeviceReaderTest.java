package org.vigil.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvDeviceReaderTest {

    @Test
    void anyColumnOrderBomQuotesAndCrlf() {
        String csv = "\uFEFFModel,Asset ID,Manufacturer,quantity\r\n"
                + "\"CMS 8000, rev B\",BM-1,\"Contec Medical Systems Co., Ltd.\",2\r\n"
                + "\"multi\nline\",BM-2,Philips,\r\n";
        ParsedImport parsed = CsvDeviceReader.read(new StringReader(csv));
        assertEquals(2, parsed.rows().size());
        ImportRow first = parsed.rows().get(0);
        assertEquals(2, first.line());
        assertEquals("CMS 8000, rev B", first.input().model());
        assertEquals("Contec Medical Systems Co., Ltd.", first.input().manufacturer());
        assertEquals("BM-1", first.input().assetId());
        assertEquals(2, first.input().quantity());
        ImportRow second = parsed.rows().get(1);
        assertEquals(3, second.line(), "a row starts on the line after the previous row ends");
        assertEquals("multi\nline", second.input().model());
    }

    @Test
    void unknownColumnsAreReportedNotFatal() {
        ParsedImport parsed = CsvDeviceReader.read(new StringReader("manufacturer,model,colour\nGE,B40,blue\n"));
        assertEquals(List.of("colour"), parsed.ignoredColumns());
        assertEquals(1, parsed.rows().size());
    }

    @Test
    void nonNumericQuantityRejectsOnlyThatRow() {
        ParsedImport parsed = CsvDeviceReader.read(new StringReader(
                "manufacturer,model,quantity\nGE,B40,two\nGE,B450,3\n"));
        assertEquals(1, parsed.rows().size());
        assertEquals(1, parsed.unreadable().size());
        assertEquals(2, parsed.unreadable().get(0).line());
    }

    @Test
    void missingRequiredColumnFailsTheFileAtLineOne() {
        ImportFormatException e = assertThrows(ImportFormatException.class,
                () -> CsvDeviceReader.read(new StringReader("manufacturer,version\nGE,1\n")));
        assertEquals(1, e.line());
    }

    @Test
    void unclosedQuoteFailsTheFileWithItsLine() {
        ImportFormatException e = assertThrows(ImportFormatException.class,
                () -> CsvDeviceReader.read(new StringReader("manufacturer,model\nGE,B40\nGE,\"B450\n")));
        assertEquals(3, e.line());
    }
}
