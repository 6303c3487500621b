package org.reportsite.cli;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reportsite.model.Finding;
import org.reportsite.site.SiteBuild;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report-site new}: a starter report that checks and builds with no finding, in any currency, anywhere. */
class NewCommandTest {

    /** A starter made in a folder of its own, away from the project's templates and static files. */
    private static Path starter(String... options) {
        Path dir = TempDirs.create("new").resolve("my-report");
        String[] args = new String[options.length + 2];
        args[0] = "new";
        args[1] = dir.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        Cli r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("report-site check --content " + dir), r.out());
        return dir;
    }

    @ParameterizedTest(name = "{0}, {2} months to {1}")
    @CsvSource({"HKD, 2025-09-30, 6, HK$", "EUR, 2025-12-31, 12, €", "CHF, 2026-03-31, 3, CHF", "RMB, 2025-06-30, 6, RMB"})
    void theStarterBuildsWithNoFindingInItsCurrency(String currency, String end, int months, String symbol) throws IOException {
        Path dir = starter("--issuer", "Nordlicht Components AG", "--currency", currency, "--period", end, "--months", String.valueOf(months));
        Path out = dir.resolveSibling("site");
        // built as a user builds it: no --templates, no --static, in a folder of its own
        SiteBuild.Result r = SiteBuild.run(new SiteBuild.Options(dir, null, null, out, true, null, false, true));
        assertTrue(r.ok(), () -> r.findings().stream().map(Finding::format).toList().toString());
        assertEquals(List.of(), r.findings().stream().map(Finding::format).toList(), "no error and no warning, even --strict");
        assertTrue(r.checks().performed().size() > 20, "the starter's figures are checked: " + r.checks().performed().size());
        Cli check = Cli.run("check", "--content", dir.toString(), "--strict");
        assertEquals(0, check.exitCode(), check.all());
        assertTrue(check.out().contains("0 error(s), 0 warning(s)"), check.out());

        Document is = SiteTree.parse(out, "financial-statements/income-statement.html");
        String text = is.select("table").text();
        assertTrue(text.contains(symbol + "'000") || is.text().contains(symbol + "'000"), "the unit is in the report's currency: " + is.text());
        assertTrue(text.contains("Gross profit") && text.contains("Profit for the period"), text);
        assertEquals(1, is.select("table a[href*=notes/note-01.html]").size(), "revenue links its note");
        Document note = SiteTree.parse(out, "notes/note-01.html");
        assertEquals(1, note.select("#note-1a").size(), "the note has its sub-note 1(a)");
        Document review = SiteTree.parse(out, "business-review.html");
        assertTrue(review.text().contains(symbol + "500.0 million") || review.text().contains(symbol + " 500.0 million"), review.text());
        assertFalse(SiteTree.parse(out, "glossary.html").select("dt, [id^=term-]").isEmpty(), "the glossary lists its terms");
    }

    @Test
    void theStarterNamesItsSchemasAndShipsThem() {
        Path dir = starter();
        assertTrue(Content.read(dir, "report.json").contains("\"$schema\": \"schema/report.schema.json\""));
        assertTrue(Content.read(dir, "data/income-statement.json").contains("\"$schema\": \"../schema/table.schema.json\""));
        assertTrue(Content.read(dir, "checks.json").contains("\"$schema\": \"schema/checks.schema.json\""));
        assertTrue(Content.read(dir, "glossary.json").contains("\"$schema\": \"schema/glossary.schema.json\""));
        for (String s : List.of("report", "table", "checks", "glossary")) {
            assertTrue(Files.isRegularFile(dir.resolve("schema/" + s + ".schema.json")), s);
        }
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedAndLeftAsItWas() throws IOException {
        Path dir = TempDirs.create("new-full");
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Cli r = Cli.run("new", dir.toString());
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains("is not empty") && r.err().contains("Name a new folder"), r.err());
        assertEquals(List.of(dir.resolve("notes.txt")), Files.list(dir).toList());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));

        Path file = dir.resolve("notes.txt");
        Cli onFile = Cli.run("new", file.toString());
        assertEquals(1, onFile.exitCode(), onFile.all());
        assertTrue(onFile.err().contains("is not a folder"), onFile.err());
    }

    @Test
    void anEmptyFolderIsFilled() {
        Path dir = TempDirs.create("new-empty");
        Cli r = Cli.run("new", dir.toString(), "--currency", "GBP");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(Content.read(dir, "data/balance-sheet.json").contains("\"unit\": \"£'000\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "--currency;XYZ;--currency must be an ISO 4217 code",
            "--currency;$;--currency must be an ISO 4217 code",
            "--period;30/06/2025;--period must be the last day of the period written YYYY-MM-DD",
            "--period;2025-02-30;--period must be the last day",
            "--months;7;--months must be 3, 6, 9 or 12",
            "--months;six;Invalid value for option '--months'",
            "--issuer;'  ';--issuer must be the company's name"})
    void badOptionsExitWithUsageAndAMessage(String option, String value, String message) {
        Path dir = TempDirs.create("new-bad").resolve("r");
        Cli r = Cli.run("new", dir.toString(), option, value);
        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(dir), "nothing written");
    }

    @Test
    void noFolderIsAUsageError() {
        Cli r = Cli.run("new");
        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().contains("DIR"), r.err());
    }
}
