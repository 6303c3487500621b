package org.reportsite.robustness;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reportsite.testkit.Builds;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SampleReport;
import org.reportsite.testkit.SiteTree.Snapshot;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reportsite.testkit.Content.lineOf;
import static org.reportsite.testkit.Content.replace;
import static org.reportsite.testkit.Content.write;

/**
 * The bad-input suite: each case breaks one thing in a small valid report and runs {@code build} as a user
 * would. Every case must fail with exit code 1 and a clear error that names the file (and the line where
 * one is known), says what to do, prints no stack trace, and leaves the previously built site byte-identical.
 */
class BadInputTest {
    private static Path out;
    private static Snapshot before;

    /** One broken input: what to break, and the error it must produce. {@code line}: 0 = file only, -1 = any. */
    record Case(String name, Consumer<Path> breakIt, String code, String file, ToIntFunction<Path> line, String message) {
        @Override
        public String toString() { return name; }
    }

    @BeforeAll
    static void buildTheGoodSiteOnce() throws IOException {
        out = TempDirs.create("bad-input").resolve("generated-site");
        Cli ok = Cli.build(Content.sample().dir(), out);
        assertEquals(0, ok.exitCode(), ok.all());
        before = Snapshot.of(out);
        assertTrue(before.files().containsKey("index.html") && before.files().containsKey("notes/note-01.html"), before.files().keySet().toString());
    }

    @Test
    void theSampleItselfChecksCleanly() {
        Cli r = Cli.check(Content.sample().dir());
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().contains("0 error(s)"), r.out());
    }

    @Test
    void anInternalErrorIsOneLineWithoutDebugAndAStackTraceWithIt() throws IOException {
        Path templates = Content.copy(Builds.TEMPLATES, TempDirs.create("broken-templates"));
        Files.writeString(templates.resolve("layout.html"), "<p th:text=\"${nothing.here.at.all}\">x</p>");
        Path o = TempDirs.create("internal").resolve("site");
        String[] args = {"build", "--content", Content.sample().dir().toString(), "--out", o.toString(), "--templates", templates.toString(),
                "--static", "static"};
        Cli plain = Cli.run(args);
        assertEquals(1, plain.exitCode());
        assertTrue(plain.err().contains("internal error") && plain.err().contains("Run again with --debug"), plain.err());
        assertFalse(plain.err().contains("\tat "), "no stack trace without --debug:\n" + plain.err());
        Cli debug = Cli.run(Stream.concat(Stream.of(args), Stream.of("--debug")).toArray(String[]::new));
        assertEquals(1, debug.exitCode());
        assertTrue(debug.err().contains("\tat org.thymeleaf"), "stack trace with --debug:\n" + debug.err());
        assertFalse(Files.exists(o), "nothing published");
        assertNoLeftovers(o.getParent());
    }

    @Test
    void aTemplatesFolderWithoutATemplateFallsBackToTheBuiltInOne() throws IOException {
        Path templates = Content.copy(Builds.TEMPLATES, TempDirs.create("old-templates"));
        Files.delete(templates.resolve("data-checks.html"));
        Path o = TempDirs.create("no-template").resolve("site");
        Cli r = Cli.run("build", "--content", Content.sample().dir().toString(), "--out", o.toString(), "--templates", templates.toString(),
                "--static", "static");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(Files.exists(o.resolve("data-checks.html")), "the built-in template made the page");
    }

    @Test
    void nothingIsRenderedFromAReferenceTheCheckRefuses() {
        Path content = Content.sample().dir();
        replace(content, "narrative/index.md", "|million}}", "|decimals=2147483647}}");
        Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.build(content, out));
        assertEquals(1, r.exitCode(), r.all());
        assertNoStackTrace(r);
        assertTrue(r.err().contains("error [ref.fact-option]") && r.err().contains("2147483647"), r.err());
        assertFalse(r.out().lines().anyMatch(l -> l.startsWith("render")), "a page was rendered before the check's error was known:\n" + r.out());
        assertEquals(before, Snapshot.of(out));
    }

    @Test
    void aFrontMatterKeyWrittenTwiceIsAnError() {
        Path content = Content.sample().dir();
        replace(content, "narrative/notes/note-01.md", "order: 1", "order: 1\ntitle: Income");
        Cli r = Cli.build(content, out);
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains("narrative/notes/note-01.md:") && r.err().contains("title"), r.err());
        assertEquals(before, Snapshot.of(out));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithALocatedErrorAndKeepsThePreviousSite(Case c) throws IOException {
        Path content = Content.sample().dir();
        c.breakIt().accept(content);
        // no input may make the build run for minutes (a decimals=20000000 once took 230 s)
        Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.build(content, out), c.name());

        assertEquals(1, r.exitCode(), c.name() + "\n" + r.all());
        assertNoStackTrace(r);
        List<String> lines = r.err().lines().toList();
        String expectedAt = c.file();
        int line = c.line().applyAsInt(content);
        if (line > 0) expectedAt += ":" + line;
        String marker = "error [" + c.code() + "]";
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            boolean place = line < 0 ? l.startsWith(c.file()) : line == 0 ? l.startsWith(c.file() + ": ")
                    : l.startsWith(expectedAt + ":") || l.startsWith(expectedAt + " ");
            String hint = i + 1 < lines.size() ? lines.get(i + 1) : "";
            if (place && l.contains(marker) && (l.contains(c.message()) || hint.contains(c.message()))) { found = i; break; }
        }
        assertTrue(found >= 0, "expected \"" + expectedAt + ": " + marker + " ..." + c.message() + "\" in:\n" + r.err());
        assertEveryErrorSaysWhatToDo(lines);
        assertTrue(r.err().contains("Build failed:"), r.err());
        assertEquals(before, Snapshot.of(out), "the previous site must stay byte-identical");
        assertNoLeftovers(out.getParent());
    }

    static void assertNoStackTrace(Cli r) {
        String all = r.all();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("internal error"), "no stack trace or internal error:\n" + all);
    }

    /** Each error line is followed by its hint, indented below it. */
    static void assertEveryErrorSaysWhatToDo(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).contains(": error [")) continue;
            assertTrue(i + 1 < lines.size() && lines.get(i + 1).startsWith("      ") && !lines.get(i + 1).isBlank(),
                    "error without a hint: " + lines.get(i));
        }
    }

    static void assertNoLeftovers(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-") || n.contains(".old-")).toList();
            assertEquals(List.of(), left, "temporary folders must be removed");
        }
    }

    // ---------------------------------------------------------------- the cases

    static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        // malformed JSON
        cs.add(at("trailing comma in an object", "json.syntax", "report.json", "\"end\": \"2024-06-30\", }",
                d -> replace(d, "report.json", "\"end\": \"2024-06-30\" } ],", "\"end\": \"2024-06-30\", } ],"), "malformed JSON"));
        cs.add(lineNo("unclosed brace", "json.syntax", "data/income.json", -1,
                d -> { String t = Content.read(d, "data/income.json").stripTrailing(); write(d, "data/income.json", t.substring(0, t.length() - 1)); },
                "malformed JSON"));
        cs.add(lineNo("trailing comma in a list", "json.syntax", "glossary.json", 4,
                d -> replace(d, "glossary.json", "subsidiaries\" }\n", "subsidiaries\" },\n"), "malformed JSON"));
        cs.add(lineNo("empty JSON file", "json.syntax", "glossary.json", 1, d -> write(d, "glossary.json", ""), "empty"));
        cs.add(at("text after the JSON value", "json.syntax", "glossary.json", "extra",
                d -> write(d, "glossary.json", SampleReport.GLOSSARY + "\nextra\n"), "after the end"));
        cs.add(at("comment in JSON", "json.syntax", "report.json", "// main",
                d -> replace(d, "report.json", "\"currency\": \"RMB\",", "\"currency\": \"RMB\", // main currency"), "malformed JSON"));
        cs.add(at("duplicate field in an object", "json.syntax", "data/income.json", "\"unit\": \"RMB million\"",
                d -> replace(d, "data/income.json", "\"unit\": \"RMB'000\",", "\"unit\": \"RMB'000\",\n  \"unit\": \"RMB million\","), "Duplicate field"));
        cs.add(at("single-quoted string", "json.syntax", "report.json", "'RMB'",
                d -> replace(d, "report.json", "\"currency\": \"RMB\"", "\"currency\": 'RMB'"), "malformed JSON"));

        // wrong types
        cs.add(at("amount written as a string", "json.type", "data/income.json", "\"2,358,198\"",
                d -> replace(d, "data/income.json", "2358198", "\"2,358,198\""), "must be a JSON number"));
        cs.add(at("amount with an exponent", "json.number", "data/income.json", "2.358198e6",
                d -> replace(d, "data/income.json", "2358198", "2.358198e6"), "exponent"));
        cs.add(at("decimals as a string", "json.type", "data/income.json", "\"decimals\"",
                d -> replace(d, "data/income.json", "\"unit\": \"RMB'000\",", "\"unit\": \"RMB'000\",\n  \"decimals\": \"2\","), "whole number"));
        cs.add(at("indent out of range", "json.range", "data/income.json", "\"indent\"",
                d -> replace(d, "data/income.json", "\"label\": \"Cost of sales\",", "\"label\": \"Cost of sales\", \"indent\": 7,"), "outside 0..4"));
        cs.add(at("navigation is not a list", "json.type", "report.json", "\"navigation\": \"all\"",
                d -> replace(d, "report.json", "\"navigation\": [", "\"navigation\": \"all\", \"nav\": ["), "must be a list"));
        cs.add(at("title is a number", "json.type", "data/income.json", "\"title\": 42",
                d -> replace(d, "data/income.json", "\"title\": \"Income statement\"", "\"title\": 42"), "must be a string"));
        cs.add(at("row values are a list", "json.type", "data/income.json", "[1, 2]",
                d -> replace(d, "data/income.json", "{ \"h1-2025\": -1450398, \"h1-2024\": -972957 }", "[1, 2]"), "must be an object"));
        cs.add(at("order is not a number", "page.front-matter", "narrative/notes/note-01.md", "order:",
                d -> replace(d, "narrative/notes/note-01.md", "order: 1", "order: first"), "whole number"));
        cs.add(at("toc is not true or false", "page.front-matter", "narrative/notes/note-01.md", "toc:",
                d -> replace(d, "narrative/notes/note-01.md", "order: 1", "order: 1\ntoc: maybe"), "true or false"));
        cs.add(lineNo("glossary is not a list", "json.type", "glossary.json", 1,
                d -> write(d, "glossary.json", "{ \"term\": \"Board\" }"), "must be a list"));
        cs.add(at("issuer name is a boolean", "json.type", "report.json", "\"name\": true",
                d -> replace(d, "report.json", "\"name\": \"Example Holdings Ltd.\"", "\"name\": true"), "must be a string"));
        cs.add(at("text in an amount column", "json.type", "data/income.json", "\"n/a\"",
                d -> replace(d, "data/income.json", "-1450398", "\"n/a\""), "must be a JSON number"));

        // missing required fields
        cs.add(lineNo("report without title", "json.missing", "report.json", 1,
                d -> replace(d, "report.json", "\"title\": \"Interim Results for the Six Months Ended 30 June 2025\",", ""), "no \"title\""));
        cs.add(lineNo("table without unit", "json.missing", "data/income.json", 1,
                d -> replace(d, "data/income.json", "\"unit\": \"RMB'000\",", ""), "no \"unit\""));
        cs.add(lineNo("table without columns", "json.missing", "data/income.json", 1,
                d -> write(d, "data/income.json", "{ \"id\": \"income\", \"title\": \"T\", \"unit\": \"RMB'000\", \"rows\": [] }"), "no \"columns\""));
        cs.add(at("row without id", "json.missing", "data/income.json", "\"Cost of sales\"",
                d -> replace(d, "data/income.json", "\"id\": \"cost-of-sales\", ", ""), "no \"id\""));
        cs.add(lineNo("page without title", "page.title", "narrative/notes/note-01.md", 1,
                d -> replace(d, "narrative/notes/note-01.md", "title: Revenue\n", ""), "no title"));
        cs.add(lineNo("report.json missing", "content.missing", "report.json", 0, d -> delete(d, "report.json"), "missing"));
        cs.add(at("glossary entry without definition", "json.missing", "glossary.json", "\"Group\"",
                d -> replace(d, "glossary.json", ", \"definition\": \"the Company and its subsidiaries\"", ""), "no \"definition\""));

        // unknown or duplicate ids
        cs.add(at("table id differs from its file name", "table.id", "data/income.json", "\"id\": \"incme\"",
                d -> replace(d, "data/income.json", "\"id\": \"income\"", "\"id\": \"incme\""), "does not match"));
        cs.add(at("duplicate row id", "table.duplicate-row", "data/income.json", "\"label\": \"Cost of sales\"",
                d -> replace(d, "data/income.json", "\"id\": \"cost-of-sales\"", "\"id\": \"revenue\""), "defined twice"));
        cs.add(at("duplicate column id", "table.duplicate-column", "data/income.json", "\"label\": \"2024\"",
                d -> replace(d, "data/income.json", "{ \"id\": \"h1-2024\"", "{ \"id\": \"h1-2025\""), "defined twice"));
        cs.add(at("page twice in the navigation", "nav.duplicate", "report.json", "\"Glossary\"",
                d -> replace(d, "report.json", "[\"glossary\", \"data-checks\"]", "[\"glossary\", \"data-checks\", \"index\"]"), "twice"));
        cs.add(at("navigation names an unknown page", "nav.unknown-page", "report.json", "\"Glossary\"",
                d -> replace(d, "report.json", "[\"glossary\", \"data-checks\"]", "[\"glossary\", \"data-checks\", \"annex\"]"), "\"annex\""));
        cs.add(at("value keyed by an unknown column", "table.unknown-column", "data/income.json", "\"h1-2023\"",
                d -> replace(d, "data/income.json", "\"h1-2024\": -972957", "\"h1-2023\": -972957"), "\"h1-2023\""));
        cs.add(at("sum of a missing row", "table.unknown-row", "data/income.json", "\"cost-of-sale\"",
                d -> replace(d, "data/income.json", "[\"revenue\", \"cost-of-sales\"]", "[\"revenue\", \"cost-of-sale\"]"), "cost-of-sale"));
        cs.add(at("circular sums", "table.sum-cycle", "data/income.json", "\"id\": \"revenue\"",
                d -> replace(d, "data/income.json", "\"notes\": [\"1(a)\"],", "\"notes\": [\"1(a)\"], \"sum\": [\"gross-profit\"],"), "cycle"));
        cs.add(at("misspelt field name", "json.unknown-field", "data/income.json", "\"titel\"",
                d -> replace(d, "data/income.json", "\"title\": \"Income statement\",", "\"title\": \"Income statement\", \"titel\": \"x\","), "\"titel\""));
        cs.add(at("term defined twice", "glossary.duplicate", "glossary.json", "\"board\"",
                d -> replace(d, "glossary.json", "\"term\": \"Group\"", "\"term\": \"board\""), "defined twice"));
        cs.add(lineNo("two pages declare the same note", "page.duplicate-note", "narrative/notes/note-02.md", 1,
                d -> write(d, "narrative/notes/note-02.md", "---\ntitle: Again\nnote: \"1\"\n---\nText.\n"), "already declared"));
        cs.add(at("table placed twice", "ref.table-placed-twice", "narrative/notes/note-01.md", "{{table:income}}",
                d -> replace(d, "narrative/notes/note-01.md", "Most revenue", "{{table:income}}\n\nMost revenue"), "already placed"));
        cs.add(at("row cites a note no page declares", "ref.note", "data/income.json", "\"id\": \"revenue\"",
                d -> replace(d, "data/income.json", "[\"1(a)\"]", "[\"9(a)\"]"), "note 9(a)"));

        // front matter
        cs.add(at("broken YAML front matter", "page.front-matter", "narrative/notes/note-01.md", "note:",
                d -> replace(d, "narrative/notes/note-01.md", "order: 1", "order: 1\nsummary: \"never closed"), "broken YAML"));
        cs.add(lineNo("front matter never closed", "page.front-matter", "narrative/notes/note-01.md", 1,
                d -> replace(d, "narrative/notes/note-01.md", "note: \"1\"\n---\n", "note: \"1\"\n"), "never closed"));
        cs.add(lineNo("page without front matter", "page.front-matter", "narrative/notes/note-01.md", 1,
                d -> write(d, "narrative/notes/note-01.md", "# Revenue\n\nText.\n"), "does not start with front matter"));
        cs.add(at("misspelt front-matter field", "page.front-matter", "narrative/notes/note-01.md", "tittle:",
                d -> replace(d, "narrative/notes/note-01.md", "order: 1", "order: 1\ntittle: x"), "\"tittle\""));
        cs.add(at("front matter is a list", "page.front-matter", "narrative/notes/note-01.md", "- a",
                d -> write(d, "narrative/notes/note-01.md", "---\n- a\n- b\n---\nText.\n"), "key: value"));

        // directives and links
        cs.add(at("directive with a typo", "directive.unknown", "narrative/index.md", "{{tabel:income}}",
                d -> replace(d, "narrative/index.md", "{{table:income}}", "{{tabel:income}}"), "did you mean \"table\""));
        cs.add(at("directive never closed", "directive.syntax", "narrative/index.md", "{{fact:income/revenue/h1-2025|million million",
                d -> replace(d, "narrative/index.md", "{{fact:income/revenue/h1-2025|million}}", "{{fact:income/revenue/h1-2025|million"), "not closed"));
        cs.add(at("directive inside an HTML tag", "directive.in-html", "narrative/index.md", "<abbr",
                d -> replace(d, "narrative/index.md", "Gross margin", "<abbr title=\"{{fact:income/revenue/h1-2024}}\">GM</abbr>"), "inside an HTML tag"));
        cs.add(at("unknown table", "ref.table", "narrative/index.md", "{{table:incom}}",
                d -> replace(d, "narrative/index.md", "{{table:income}}", "{{table:incom}}"), "did you mean \"income\""));
        cs.add(at("fact of an unknown row", "ref.fact", "narrative/index.md", "revenues",
                d -> replace(d, "narrative/index.md", "income/revenue/h1-2025", "income/revenues/h1-2025"), "no row \"revenues\""));
        cs.add(at("fact of an unknown column", "ref.fact", "narrative/index.md", "h1-2023",
                d -> replace(d, "narrative/index.md", "income/revenue/h1-2025", "income/revenue/h1-2023"), "no column \"h1-2023\""));
        cs.add(at("fact with options but no target", "directive.syntax", "narrative/index.md", "{{fact:|}}",
                d -> replace(d, "narrative/index.md", "Gross margin", "{{fact:|}} Gross margin"), "names no target"));
        cs.add(at("unknown fact option", "ref.fact-option", "narrative/index.md", "|milion",
                d -> replace(d, "narrative/index.md", "|million", "|milion"), "\"milion\""));
        cs.add(at("fact not written TABLE/ROW/COLUMN", "ref.fact-syntax", "narrative/index.md", "{{fact:income/revenue|",
                d -> replace(d, "narrative/index.md", "income/revenue/h1-2025", "income/revenue"), "TABLE/ROW/COLUMN"));
        cs.add(at("link to an unknown note", "ref.note", "narrative/index.md", "note:7b",
                d -> replace(d, "narrative/index.md", "note:1a", "note:7b"), "\"7b\""));
        cs.add(at("link to an unknown table", "ref.table", "narrative/index.md", "table:incme",
                d -> replace(d, "narrative/index.md", "(table:income)", "(table:incme)"), "\"incme\""));
        cs.add(at("link to an unknown term", "ref.term", "narrative/index.md", "term:Bored",
                d -> replace(d, "narrative/index.md", "term:Board", "term:Bored"), "\"Bored\""));
        cs.add(at("link to an unknown page", "ref.page", "narrative/index.md", "page:notes/note-9",
                d -> replace(d, "narrative/index.md", "(note:1a)", "(page:notes/note-9)"), "\"notes/note-9\""));

        // files
        cs.add(lineNo("file that is not UTF-8", "content.encoding", "narrative/notes/note-01.md", 6,
                d -> write(d, "narrative/notes/note-01.md", latin1("---\ntitle: Revenue\nnote: \"1\"\n---\n\nRevenue in \u00a3 from caf\u00e9s.\n")), "not valid UTF-8"));
        cs.add(lineNo("file in UTF-16", "content.encoding", "glossary.json", 1,
                d -> write(d, "glossary.json", SampleReport.GLOSSARY.getBytes(java.nio.charset.StandardCharsets.UTF_16)), "not valid UTF-8"));
        cs.add(lineNo("empty content folder", "content.missing", "report.json", 0, BadInputTest::emptyFolder, "missing"));
        cs.add(lineNo("content folder missing", "content.missing", "", -1, BadInputTest::removeFolder, "does not exist"));
        cs.add(lineNo("huge file", "content.too-large", "data/income.json", 0,
                d -> write(d, "data/income.json", hugeJson()), "limit"));
        cs.add(lineNo("a folder where a file should be", "content.read", "data/income.json", 0,
                d -> { delete(d, "data/income.json"); mkdir(d, "data/income.json"); }, "not a regular file"));
        cs.add(lineNo("dangling symbolic link", "content.read", "glossary.json", 0,
                d -> { delete(d, "glossary.json"); symlink(d, "glossary.json", d.resolve("nowhere.json")); }, "cannot be read"));
        cs.add(lineNo("symbolic link out of the content folder", "content.outside", "narrative/notes/note-02.md", 0,
                d -> symlink(d, "narrative/notes/note-02.md", outsideFile()), "outside the content folder"));
        cs.add(lineNo("named pipe instead of a file", "content.read", "narrative/notes/note-02.md", 0,
                d -> mkfifo(d.resolve("narrative/notes/note-02.md")), "not a regular file"));

        // output paths
        cs.add(lineNo("page that would overwrite a generated page", "page.reserved", "narrative/glossary.md", 0,
                d -> write(d, "narrative/glossary.md", "---\ntitle: Mine\n---\nText.\n"), "overwrite"));
        cs.add(lineNo("page in the folder of the pages of passed checks", "page.reserved", "narrative/data-checks/footing.md", 0,
                d -> write(d, "narrative/data-checks/footing.md", "---\ntitle: Mine\n---\nText.\n"), "where the generator writes the pages of passed checks"));
        cs.add(lineNo("page file name with a drive letter", "page.path", "narrative/C:evil.md", 0,
                d -> write(d, "narrative/C:evil.md", "---\ntitle: Evil\n---\nText.\n"), "cannot become a web address"));
        cs.add(lineNo("page file name with upper case", "page.path", "narrative/notes/Note-02.md", 0,
                d -> write(d, "narrative/notes/Note-02.md", "---\ntitle: Two\n---\nText.\n"), "cannot become a web address"));
        cs.add(at("navigation page id climbing out", "nav.unknown-page", "report.json", "../../etc/passwd",
                d -> replace(d, "report.json", "[\"index\"]", "[\"index\", \"../../etc/passwd\"]"), "does not exist"));
        cs.add(at("navigation page id absolute", "nav.unknown-page", "report.json", "/tmp/x",
                d -> replace(d, "report.json", "[\"index\"]", "[\"index\", \"/tmp/x\"]"), "does not exist"));
        cs.add(at("navigation page id with a drive letter", "nav.unknown-page", "report.json", "C:\\\\x",
                d -> replace(d, "report.json", "[\"index\"]", "[\"index\", \"C:\\\\x\"]"), "does not exist"));
        cs.add(at("navigation section without pages or folder", "report.navigation", "report.json", "\"Notes\"",
                d -> replace(d, "report.json", "\"dir\": \"notes\"", "\"folder\": \"notes\""), "either \"pages\" or \"dir\""));
        cs.add(lineNo("page file name with a backslash", "page.path", "narrative/a\\..\\b.md", 0,
                d -> write(d, "narrative/a\\..\\b.md", "---\ntitle: B\n---\nText.\n"), "cannot become a web address"));
        cs.add(lineNo("page file named ..md", "page.path", "narrative/..md", 0,
                d -> write(d, "narrative/..md", "---\ntitle: Dots\n---\nText.\n"), "cannot become a web address"));
        cs.add(lineNo("page that would overwrite the 404 page", "page.reserved", "narrative/404.md", 0,
                d -> write(d, "narrative/404.md", "---\ntitle: Lost\n---\nText.\n"), "overwrite"));
        cs.add(at("navigation folder climbing out", "nav.dir", "report.json", "\"../notes\"",
                d -> replace(d, "report.json", "\"dir\": \"notes\"", "\"dir\": \"../notes\""), "\"../notes\""));
        cs.add(at("table id climbing out", "table.id", "data/income.json", "\"../income\"",
                d -> replace(d, "data/income.json", "\"id\": \"income\"", "\"id\": \"../income\""), "a-z"));
        cs.add(at("page link climbing out", "ref.page", "narrative/index.md", "page:../../etc/passwd",
                d -> replace(d, "narrative/index.md", "(note:1a)", "(page:../../etc/passwd)"), "does not exist"));

        // numbers out of every range: reported as written, never wrapped, never run for minutes
        cs.add(at("decimals beyond the int range", "json.range", "data/income.json", "\"decimals\"",
                d -> replace(d, "data/income.json", "\"unit\": \"RMB'000\",", "\"unit\": \"RMB'000\",\n  \"decimals\": 4294967298,"), "is 4294967298, outside 0..6"));
        cs.add(at("decimals of 400 digits", "json.range", "data/income.json", "\"decimals\"",
                d -> replace(d, "data/income.json", "\"unit\": \"RMB'000\",", "\"unit\": \"RMB'000\",\n  \"decimals\": " + "9".repeat(400) + ","), "(400 characters)"));
        cs.add(at("indent below the int range", "json.range", "data/income.json", "\"indent\"",
                d -> replace(d, "data/income.json", "\"label\": \"Cost of sales\",", "\"label\": \"Cost of sales\", \"indent\": -2147483649,"), "is -2147483649"));
        cs.add(at("column decimals beyond a long", "json.range", "data/income.json", "\"decimals\"",
                d -> replace(d, "data/income.json", "\"label\": \"2024\",", "\"label\": \"2024\", \"decimals\": 99999999999999999999,"), "99999999999999999999"));
        cs.add(at("fact option decimals=20000000", "ref.fact-option", "narrative/index.md", "decimals=20000000",
                d -> replace(d, "narrative/index.md", "|million}}", "|decimals=20000000}}"), "is 20000000, outside 0..9"));
        cs.add(at("fact option decimals beyond a long", "ref.fact-option", "narrative/index.md", "decimals=9999",
                d -> replace(d, "narrative/index.md", "|million}}", "|decimals=99999999999999999999999}}"), "99999999999999999999999"));
        cs.add(at("fact option decimals negative", "ref.fact-option", "narrative/index.md", "decimals=-1",
                d -> replace(d, "narrative/index.md", "|million}}", "|decimals=-1}}"), "whole number"));
        cs.add(at("a table of more cells than a page can show", "table.too-large", "data/income.json", "\"rows\"",
                d -> write(d, "data/income.json", wideTable(400, 251)), "over the limit"));
        cs.add(at("a cycle through a chain of 50,000 sums", "table.sum-cycle", "data/income.json", "\"id\": \"r0\"",
                d -> write(d, "data/income.json", sumChain(50_000)), "cycle"));

        // messages that mislead: the line of the offending value, the value as written
        cs.add(at("a value with 25 decimal places", "table.decimals", "data/income.json", "2358198.0000000000000000000000001",
                d -> replace(d, "data/income.json", "2358198", "2358198.0000000000000000000000001"), "25 decimal places"));
        cs.add(at("a column header of the wrong year", "header.year", "data/income.json", "\"label\": \"2023\"",
                d -> replace(d, "data/income.json", "\"label\": \"2025\"", "\"label\": \"2023\""), "headed \"2023\""));
        cs.add(at("a site: link to a missing download", "link.broken", "narrative/index.md", "site:downloads/nope.csv",
                d -> replace(d, "narrative/index.md", "Gross margin", "[the data](site:downloads/nope.csv) Gross margin"), "nope.csv"));
        cs.add(at("a reference-style link to a missing page", "link.broken", "narrative/index.md", "[d]: missing.html",
                d -> { replace(d, "narrative/index.md", "Gross margin", "[the data][d] Gross margin");
                       write(d, "narrative/index.md", Content.read(d, "narrative/index.md") + "\n[d]: missing.html\n"); }, "missing.html"));

        // input accepted silently before
        cs.add(at("a repeated sub-note heading", "page.duplicate-subnote", "narrative/notes/note-01.md", "### (a) Again",
                d -> replace(d, "narrative/notes/note-01.md", "Most revenue", "### (a) Again\n\nMost revenue"), "already headed at narrative/notes/note-01.md:8"));
        cs.add(lineNo("a page ending in .markdown", "page.extension", "narrative/notes/note-02.markdown", 0,
                d -> write(d, "narrative/notes/note-02.markdown", "---\ntitle: Two\n---\nText.\n"), "not read"));
        cs.add(lineNo("a page ending in .MD", "page.extension", "narrative/notes/note-02.MD", 0,
                d -> write(d, "narrative/notes/note-02.MD", "---\ntitle: Two\n---\nText.\n"), "not read"));
        cs.add(lineNo("a table file ending in .JSON", "content.extension", "data/extra.JSON", 0,
                d -> write(d, "data/extra.JSON", SampleReport.INCOME.replace("\"income\"", "\"extra\"")), "not read"));
        cs.add(at("a date that does not exist", "report.date", "report.json", "2025-06-31",
                d -> replace(d, "report.json", "\"end\": \"2025-06-30\"", "\"end\": \"2025-06-31\""), "not a date that exists"));
        cs.add(at("a 29 February that does not exist", "report.date", "report.json", "2023-02-29",
                d -> replace(d, "report.json", "\"end\": \"2024-06-30\"", "\"end\": \"2023-02-29\""), "not a date that exists"));
        cs.add(at("an ambiguous date", "report.date", "report.json", "06/07/2025",
                d -> replace(d, "report.json", "\"end\": \"2025-06-30\"", "\"end\": \"06/07/2025\""), "ambiguous"));
        cs.add(at("a baseUrl with a space", "report.base-url", "report.json", "baseUrl",
                d -> replace(d, "report.json", "\"currency\": \"RMB\",", "\"currency\": \"RMB\",\n  \"baseUrl\": \"https://ir.example.com/h1 2025/\","), "a space"));
        cs.add(at("a baseUrl with a quote", "report.base-url", "report.json", "baseUrl",
                d -> replace(d, "report.json", "\"currency\": \"RMB\",", "\"currency\": \"RMB\",\n  \"baseUrl\": \"https://ir.example.com/\\\"onload=x\","), "'\"'"));
        cs.add(at("a baseUrl with a non-ASCII letter", "report.base-url", "report.json", "baseUrl",
                d -> replace(d, "report.json", "\"currency\": \"RMB\",", "\"currency\": \"RMB\",\n  \"baseUrl\": \"https://ir.ex\u00e4mple.com/\","), "U+00E4"));
        cs.add(at("a baseUrl with a query", "report.base-url", "report.json", "baseUrl",
                d -> replace(d, "report.json", "\"currency\": \"RMB\",", "\"currency\": \"RMB\",\n  \"baseUrl\": \"https://ir.example.com/?x=1\","), "without '?'"));
        cs.add(at("a tie of a figure to itself", "tie.self", "checks.json", "\"id\": \"self\"",
                d -> write(d, "checks.json", "{ \"ties\": [\n  { \"id\": \"self\", \"description\": \"Revenue ties\",\n"
                        + "    \"left\": \"income/revenue/h1-2025\", \"right\": \"income/revenue/h1-2025\" } ] }\n"), "with itself"));
        cs.add(at("a NUL character in a JSON string", "json.control", "data/income.json", "\"title\"",
                d -> replace(d, "data/income.json", "\"Income statement\"", "\"Income\\u0000statement\""), "NUL"));
        cs.add(at("a NUL character in a JSON field name", "json.control", "data/income.json", "\"ti",
                d -> replace(d, "data/income.json", "\"title\"", "\"ti\\u0000tle\""), "NUL"));
        cs.add(at("an escape character in a JSON string", "json.control", "glossary.json", "u001b",
                d -> replace(d, "glossary.json", "\"term\": \"Board\"", "\"term\": \"Bo\\u001b[2Jard\""), "U+001B"));
        cs.add(at("half a surrogate pair in a JSON string", "json.control", "data/income.json", "\"title\"",
                d -> replace(d, "data/income.json", "\"Income statement\"", "\"Income \\ud800 statement\""), "surrogate"));
        cs.add(lineNo("a NUL byte in a page", "content.encoding", "narrative/notes/note-01.md", 6,
                d -> replace(d, "narrative/notes/note-01.md", "Revenue comes", "Revenue\0 comes"), "NUL"));
        cs.add(lineNo("a folder link out of the content folder", "content.outside", "narrative/notes/elsewhere", 0,
                d -> symlink(d, "narrative/notes/elsewhere", outsideFile().getParent()), "outside the content folder"));
        return cs;
    }

    /** A table of {@code columns} columns and {@code rows} rows without values. */
    static String wideTable(int columns, int rows) {
        StringBuilder sb = new StringBuilder("{ \"id\": \"income\", \"title\": \"Wide\", \"unit\": \"RMB'000\",\n  \"columns\": [");
        for (int c = 0; c < columns; c++) sb.append(c == 0 ? "" : ", ").append("{ \"id\": \"c").append(c).append("\", \"label\": \"C").append(c).append("\" }");
        sb.append(" ],\n  \"rows\": [");
        for (int r = 0; r < rows; r++) sb.append(r == 0 ? "" : ", ").append("{ \"id\": \"r").append(r).append("\" }");
        return sb.append(" ]\n}\n").toString();
    }

    /** Rows r0..r(n-1), each summing the next, and the last summing the first: a cycle 50,000 rows deep. */
    static String sumChain(int n) {
        StringBuilder sb = new StringBuilder("{ \"id\": \"income\", \"title\": \"Chain\", \"unit\": \"RMB'000\",\n"
                + "  \"columns\": [ { \"id\": \"h1-2025\", \"label\": \"2025\" } ],\n  \"rows\": [\n");
        for (int r = 0; r < n; r++) {
            sb.append(r == 0 ? "" : ",\n").append("    { \"id\": \"r").append(r).append("\", \"sum\": [\"r").append((r + 1) % n).append("\"] }");
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    private static Case at(String name, String code, String file, String needle, Consumer<Path> breakIt, String message) {
        return new Case(name, breakIt, code, file, d -> lineOf(d, file, needle), message == null ? "" : message);
    }

    private static Case lineNo(String name, String code, String file, int line, Consumer<Path> breakIt, String message) {
        return new Case(name, breakIt, code, file, d -> line, message == null ? "" : message);
    }

    static byte[] latin1(String s) { return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); }

    static String hugeJson() {
        StringBuilder sb = new StringBuilder(9 << 20).append("{ \"id\": \"income\", \"title\": \"");
        while (sb.length() < (9 << 20)) sb.append("padding ");
        return sb.append("\" }").toString();
    }

    static void delete(Path d, String rel) {
        try { Files.delete(d.resolve(rel)); } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
    }

    static void mkdir(Path d, String rel) {
        try { Files.createDirectories(d.resolve(rel)); } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
    }

    static void symlink(Path d, String rel, Path target) {
        try { Files.createSymbolicLink(d.resolve(rel), target); } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
    }

    static Path outsideFile() {
        try {
            Path f = Files.createTempFile(TempDirs.create("outside"), "outside", ".md");
            Files.writeString(f, "---\ntitle: Outside\n---\nSecret.\n");
            return f;
        } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
    }

    static void mkfifo(Path p) {
        try {
            Process pr = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
            assertEquals(0, pr.waitFor());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void emptyFolder(Path d) {
        removeFolder(d);
        mkdir(d, "");
    }

    static void removeFolder(Path d) {
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
