package org.reportsite.site;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.reportsite.model.Table;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.Workbooks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Excel downloads are deterministic and their text cells are neutralised; Excel's lock file beside a workbook is not read. */
class WorkbookDownloadsTest {

    @Test
    void theBytesDependOnTheTableAloneNotOnTheClockOrTheTimeZone() throws IOException {
        Table t = Workbooks.report(Content.sample().dir()).tables().get("income");
        byte[] first = TableWorkbook.of(t);
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertArrayEquals(first, TableWorkbook.of(t));
        } finally {
            TimeZone.setDefault(zone);
        }
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertEquals(LocalDateTime.of(2000, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
                if (e.getName().equals("docProps/core.xml")) {
                    String core = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(core.contains("2000-01-01T00:00:00Z") && !core.contains(String.valueOf(java.time.Year.now().getValue())), core);
                }
            }
        }
        assertEquals("[Content_Types].xml", names.get(0));
    }

    @Test
    void aLabelASpreadsheetWouldRunIsWrittenAsText() throws IOException {
        Content c = Content.sample().replace("data/income.json", "\"label\": \"Revenue\"", "\"label\": \"=HYPERLINK(\\\"http://x\\\",\\\"Revenue\\\")\"");
        Table t = Workbooks.report(c.dir()).tables().get("income");
        try (XSSFWorkbook wb = Workbooks.open(TableWorkbook.of(t))) {
            Cell label = Workbooks.cell(wb, "revenue", "label");
            assertEquals("'=HYPERLINK(\"http://x\",\"Revenue\")", label.getStringCellValue());
            assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, label.getCellType());
        }
    }

    @Test
    void excelsLockFileBesideAnOpenWorkbookIsNotRead() throws IOException {
        Content c = Content.sample();
        Workbooks.tablesToWorkbooks(c.dir(), List.of("income"));
        Files.write(c.dir().resolve("data/~$income.xlsx"), new byte[]{5, 'u', 's', 'e', 'r', 0, 0});
        Cli r = Cli.check(c.dir());
        assertEquals(0, r.exitCode(), r.all());
    }

    @Test
    void findingsInJsonNameTheSheetAndTheCell() throws IOException {
        Content c = Content.sample();
        Workbooks.tablesToWorkbooks(c.dir(), List.of("income"));
        Path book = c.dir().resolve("data/income.xlsx");
        Files.write(book, Workbooks.edit(Files.readAllBytes(book), wb -> Workbooks.cell(wb, "revenue", "h1-2025").setCellValue("abc")));
        Cli r = Cli.check(c.dir(), "--format", "json");
        assertEquals(1, r.exitCode(), r.all());
        var j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        var f = j.findValues("code").stream().filter(n -> n.asText().equals("workbook.text-in-number")).findFirst();
        assertTrue(f.isPresent(), r.out());
        assertTrue(r.out().contains("\"sheet\" : \"income\"") && r.out().contains("\"cell\" : \""), r.out());
    }
}
