package org.reportsite.site;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportsite.content.WorkbookReader;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Report;
import org.reportsite.model.Table;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.TempDirs;
import org.reportsite.testkit.Workbooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second company's report (Harbourline, HK$) whose statements come from one workbook, data/statements.xlsx, with
 * the gross profit typed once (its cells left empty: the site computes it). The site shows the statements with their
 * note links, and its Excel downloads parse back to the dataset with POI.
 */
class WorkbookReportTest {
    private static final List<String> STATEMENTS = List.of("income-statement", "balance-sheet", "cash-flows");
    private static Path site;
    private static Report report;
    private static SiteBuild.Result result;

    @BeforeAll
    static void build() {
        Content c = Content.at(Content.copy(Content.HARBOURLINE, TempDirs.create("harbourline-workbook")));
        Report json = Workbooks.report(c.dir());
        List<Table> statements = STATEMENTS.stream().map(id -> json.tables().get(id)).toList();
        byte[] book = Workbooks.edit(TableWorkbook.of("Harbourline statements", statements), wb -> {
            Sheet s = wb.getSheet("income-statement");
            for (String col : List.of("h1-2025", "h1-2024")) {
                Cell cell = Workbooks.cell(wb, s, "gross-profit", col);
                cell.getRow().removeCell(cell);
            }
        });
        Content.write(c.dir(), "data/statements.xlsx", book);
        for (String id : STATEMENTS) assertTrue(c.dir().resolve("data/" + id + ".json").toFile().delete());
        report = Workbooks.report(c.dir());
        site = TempDirs.create("site");
        result = Builds.build(c.dir(), site);
        assertTrue(result.ok(), () -> result.findings().stream().filter(Finding::isError).map(Finding::format).toList().toString());
    }

    private static Document page(String file) { return SiteTree.parse(site, file); }

    @Test
    void theStatementsShowTheWorkbookFiguresAndTheComputedTotal() {
        Document d = page("financial-statements/income-statement.html");
        Element revenue = d.getElementById("r-income-statement-revenue");
        assertNotNull(revenue, d.select("tr[id]").eachAttr("id").toString());
        assertEquals(List.of("612,317", "554,623"), revenue.select("td").eachText());
        Element gross = d.getElementById("r-income-statement-gross-profit");
        assertEquals(List.of("210,435", "182,518"), gross.select("td").eachText(), "typed once: the sum of revenue and cost of services");
        assertTrue(revenue.selectFirst("th .row-notes a").attr("href").endsWith("notes/note-03.html#note-3"), revenue.outerHtml());
        assertTrue(d.select("figcaption a.download").eachAttr("href").stream().anyMatch(h -> h.endsWith("downloads/income-statement.xlsx")));
        // the computed total is a fact the checks know: its footing passed, and nothing failed
        assertTrue(result.checks().findings().stream().noneMatch(Finding::isError));
        assertEquals(0, result.errors());
    }

    @Test
    void aTableDownloadHasRealNumbersInTheTablesFormatUnitsAndNotes() throws IOException {
        try (XSSFWorkbook wb = Workbooks.open(Files.readAllBytes(site.resolve("downloads/income-statement.xlsx")))) {
            Sheet s = wb.getSheetAt(0);
            Cell revenue = Workbooks.cell(wb, s, "revenue", "h1-2025");
            assertEquals(CellType.NUMERIC, revenue.getCellType());
            assertEquals(612317, revenue.getNumericCellValue());
            assertEquals("#,##0_);(#,##0)", revenue.getCellStyle().getDataFormatString(), "negatives in parentheses, no decimals");
            Cell cost = Workbooks.cell(wb, s, "cost-of-services", "h1-2025");
            assertEquals(-401882, cost.getNumericCellValue());
            assertEquals(210435, Workbooks.cell(wb, s, "gross-profit", "h1-2025").getNumericCellValue(), "the computed total is written");
            assertEquals("3", Workbooks.cell(wb, s, "revenue", "notes").getStringCellValue());
            assertEquals("HK$'000", Workbooks.cell(wb, s, "column unit", "h1-2025").getStringCellValue(), "the unit above the header");
            assertEquals("HK$'000", Workbooks.cell(wb, s, "unit", "label").getStringCellValue());
        }
    }

    @Test
    void theDatasetWorkbookParsesBackToTheDataset() throws IOException {
        byte[] bytes = Files.readAllBytes(site.resolve("downloads/all_tables.xlsx"));
        try (XSSFWorkbook wb = Workbooks.open(bytes)) {
            assertEquals("index", wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            List<String> listed = new ArrayList<>();
            for (int r = 2; r <= wb.getSheetAt(0).getLastRowNum(); r++) listed.add(wb.getSheetAt(0).getRow(r).getCell(0).getStringCellValue());
            assertEquals(List.copyOf(report.tables().keySet()), listed);
            assertEquals(report.tables().size() + 1, wb.getNumberOfSheets());
        }
        Findings f = new Findings();
        List<WorkbookReader.SheetTable> sheets = WorkbookReader.read(bytes, "all_tables.xlsx", f);
        assertEquals(List.of(), f.list());
        Path content = Content.copy(Content.HARBOURLINE, TempDirs.create("again"));
        for (Table t : report.tables().values()) content.resolve("data/" + t.id() + ".json").toFile().delete();
        Content.write(content, "data/all_tables.xlsx", bytes);
        Report again = Workbooks.report(content);
        for (Table t : report.tables().values()) assertEquals(Workbooks.withoutPlaces(t), Workbooks.withoutPlaces(again.tables().get(t.id())), t.id());
        assertEquals(report.tables().size(), sheets.size());
    }
}
