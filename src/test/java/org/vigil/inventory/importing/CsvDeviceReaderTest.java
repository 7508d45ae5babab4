package org.vigil.inventory.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvDeviceReaderTest {

    private static ParsedImport read(String csv) {
        return read(csv, Map.of());
    }

    private static ParsedImport read(String csv, Map<String, String> map) {
        DecodedText text = TextDecoder.decode(csv.getBytes(StandardCharsets.UTF_8), null);
        return CsvDeviceReader.read(text, null, map, Map.of());
    }

    @Test
    void anyColumnOrderBomQuotesAndCrlf() {
        String csv = "\uFEFFModel,Asset ID,Manufacturer,quantity\r\n"
                + "\"CMS 8000, rev B\",BM-1,\"Contec Medical Systems Co., Ltd.\",2\r\n"
                + "\"multi\nline\",BM-2,Philips,\r\n";
        ParsedImport parsed = read(csv);
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
        assertEquals("UTF-8", parsed.read().encoding());
    }

    @Test
    void cmmsHeadersMapToTheDeviceFields() {
        ParsedImport parsed = read("Equipment ID,Manufacturer Name,Model Number,Software Version,Version,S/N,"
                + "Lot/Batch,UDI-DI,FDA Product Code,REF,Qty,Building,Room,Cost Center,Colour\n"
                + "EQ-1,Dräger,Infinity Delta,VF9.1,HW2,SN1,L1,00844505000772,MHX,MS18986,1,Main,4B,4010,blue\n");
        var in = parsed.rows().get(0).input();
        assertEquals("EQ-1", in.assetId());
        assertEquals("Dräger", in.manufacturer());
        assertEquals("Infinity Delta", in.model());
        assertEquals("VF9.1", in.version(), "the more specific of two version columns");
        assertEquals("SN1", in.serialNumber());
        assertEquals("L1", in.lotNumber());
        assertEquals("00844505000772", in.udiDi());
        assertEquals("MHX", in.productCode());
        assertEquals("MS18986", in.catalogNumber());
        assertEquals("Main / 4B", in.location(), "building and room combined");
        assertEquals("4010", in.department());
        assertEquals(List.of("Colour", "Version"), parsed.ignoredColumns());
        assertTrue(parsed.notes().contains("'Software Version', 'Version' all map to version: used 'Software Version' "
                + "(the more specific name); to use another, send ?map=Version:version"), parsed.notes()::toString);
        assertEquals("Software Version", parsed.read().columns().get("version"));
    }

    @Test
    void explicitMappingWinsAndMayIgnoreAColumn() {
        ParsedImport parsed = read("Hersteller,Typ,Version,Software Version\nDräger,Delta,VF9,X\n",
                ImportOptions.map("Hersteller:manufacturer,Typ:model,Software Version:ignore,Version:version"));
        var in = parsed.rows().get(0).input();
        assertEquals("Dräger", in.manufacturer());
        assertEquals("Delta", in.model());
        assertEquals("VF9", in.version());
        ImportFormatException e = assertThrows(ImportFormatException.class,
                () -> read("manufacturer,model\nGE,B40\n", Map.of("Modell", "model")));
        assertTrue(e.getMessage().contains("'Modell', which the header row does not have"));
    }

    @Test
    void delimiterIsSniffedFromTheHeaderRow() {
        assertEquals(';', CsvDeviceReader.sniff("Manufacturer;Model;\"Location, floor\"\nGE;B40;x\n"));
        assertEquals('\t', CsvDeviceReader.sniff("Manufacturer\tModel\tVersion\n"));
        assertEquals(',', CsvDeviceReader.sniff("Manufacturer,Model\n"));
        assertEquals("Dräger", read("Hersteller;Manufacturer;Model\nx;Dräger;Delta\n").rows().get(0).input()
                .manufacturer());
    }

    @Test
    void badRowsAreRejectedAloneBadFilesAtTheirLine() {
        ParsedImport parsed = read("manufacturer,model,quantity\nGE,B40,two\nGE,B450,3\nGE,B650,1,extra\n");
        assertEquals(1, parsed.rows().size());
        assertEquals(List.of(2, 4), parsed.unreadable().stream().map(ImportResult.RowError::line).toList());
        assertTrue(parsed.unreadable().get(1).message().contains("unquoted ','"));
        ImportFormatException missing = assertThrows(ImportFormatException.class,
                () -> read("colour,version\nGE,1\n"));
        assertEquals(1, missing.line());
        assertTrue(missing.getMessage().contains("no column for manufacturer"));
        ImportFormatException quote = assertThrows(ImportFormatException.class,
                () -> read("manufacturer,model\nGE,B40\nGE,\"B450\n"));
        assertEquals(3, quote.line());
    }
}
