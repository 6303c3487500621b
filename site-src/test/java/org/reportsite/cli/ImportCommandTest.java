package org.reportsite.cli;

import org.junit.jupiter.api.Test;
import org.reportsite.model.Report;
import org.reportsite.model.Table;
import org.reportsite.site.TableWorkbook;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.TempDirs;
import org.reportsite.testkit.Workbooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report-site import}: a workbook's tables become JSON files that load as the same tables; nothing replaced or half-written. */
class ImportCommandTest {

    @Test
    void theDatasetWorkbookImportsToJsonFilesThatLoadAsTheSameTables() throws IOException {
        Content c = Content.at(Content.copy(Content.HARBOURLINE, TempDirs.create("harbourline")));
        Report original = Workbooks.report(c.dir());
        Path book = TempDirs.create("book").resolve("harbourline.xlsx");
        Files.write(book, TableWorkbook.of(original));
        for (Table t : original.tables().values()) Files.delete(c.dir().resolve("data/" + t.id() + ".json"));

        Cli r = Cli.run("import", book.toString(), "--out", c.dir().resolve("data").toString());
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("Wrote " + original.tables().size() + " table(s)."), r.out());
        Report imported = Workbooks.report(c.dir());
        for (Table t : original.tables().values()) {
            assertEquals(Workbooks.withoutPlaces(t), Workbooks.withoutPlaces(imported.tables().get(t.id())), t.id());
        }
        String json = Files.readString(c.dir().resolve("data/income-statement.json"));
        assertTrue(json.startsWith("{\n  \"id\": \"income-statement\",\n"), json);
        assertTrue(json.lines().anyMatch(l -> l.startsWith("    { \"id\": \"revenue\", \"label\": ")), "one row per line:\n" + json);
    }

    @Test
    void refusesToReplaceAFileUnlessForced() throws IOException {
        Content c = Content.sample();
        Path book = TempDirs.create("book").resolve("income.xlsx");
        Files.write(book, TableWorkbook.of(Workbooks.report(c.dir()).tables().get("income")));
        String before = Content.read(c.dir(), "data/income.json");

        Cli refused = Cli.run("import", book.toString(), "--out", c.dir().resolve("data").toString());
        assertEquals(1, refused.exitCode(), refused.all());
        assertTrue(refused.err().contains("income.json already exists") && refused.err().contains("--force"), refused.err());
        assertEquals(before, Content.read(c.dir(), "data/income.json"));

        Cli forced = Cli.run("import", book.toString(), "--out", c.dir().resolve("data").toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.all());
        assertEquals(0, Cli.check(c.dir()).exitCode());
        try (var files = Files.list(c.dir().resolve("data"))) {
            assertEquals(List.of("income.json"), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    @Test
    void aBadWorkbookWritesNothingAndNamesTheCell() throws IOException {
        Content c = Content.sample();
        byte[] good = TableWorkbook.of(Workbooks.report(c.dir()).tables().get("income"));
        byte[] bad = Workbooks.edit(good, wb -> Workbooks.cell(wb, "revenue", "h1-2025").setCellValue("n/a!"));
        Path dir = TempDirs.create("book");
        Path book = dir.resolve("income.xlsx");
        Files.write(book, bad);
        Path out = dir.resolve("data");
        Cli r = Cli.run("import", book.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains("income.xlsx › income › ") && r.err().contains("error [workbook.text-in-number]"), r.err());
        assertFalse(Files.exists(out), "nothing written");

        Cli missing = Cli.run("import", dir.resolve("none.xlsx").toString(), "--out", out.toString());
        assertEquals(2, missing.exitCode(), missing.all());
    }
}
