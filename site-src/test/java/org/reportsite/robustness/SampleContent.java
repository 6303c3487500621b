package org.reportsite.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, valid report written into a folder: one table with a sum, a glossary, an index page and one note
 * page with a sub-note. Tests break one thing in it and expect one located error.
 */
final class SampleContent {
    static final String REPORT = """
            {
              "issuer": { "name": "Example Holdings Ltd.", "localName": "示例控股" },
              "title": "Interim Results for the Six Months Ended 30 June 2025",
              "shortTitle": "Interim results H1 2025",
              "period": { "id": "h1-2025", "label": "Six months ended 30 June 2025", "end": "2025-06-30" },
              "comparativePeriods": [ { "id": "h1-2024", "label": "Six months ended 30 June 2024", "end": "2024-06-30" } ],
              "currency": "RMB",
              "navigation": [
                { "title": "Overview", "pages": ["index"] },
                { "title": "Notes", "dir": "notes" },
                { "title": "Glossary", "pages": ["glossary", "data-checks"] }
              ]
            }
            """;

    static final String INCOME = """
            {
              "id": "income",
              "title": "Income statement",
              "unit": "RMB'000",
              "columns": [
                { "id": "h1-2025", "label": "2025", "period": "Six months ended 30 June 2025" },
                { "id": "h1-2024", "label": "2024", "period": "Six months ended 30 June 2024" }
              ],
              "rows": [
                { "id": "revenue", "label": "Revenue", "notes": ["1(a)"], "values": { "h1-2025": 2358198, "h1-2024": 1739717 } },
                { "id": "cost-of-sales", "label": "Cost of sales", "values": { "h1-2025": -1450398, "h1-2024": -972957 } },
                { "id": "gross-profit", "label": "Gross profit", "style": "subtotal",
                  "sum": ["revenue", "cost-of-sales"], "values": { "h1-2025": 907800, "h1-2024": 766760 } }
              ]
            }
            """;

    static final String GLOSSARY = """
            [
              { "term": "Board", "aliases": [], "definition": "the board of directors of the Company" },
              { "term": "Group", "aliases": ["the Group"], "definition": "the Company and its subsidiaries" }
            ]
            """;

    static final String INDEX = """
            ---
            title: Overview
            summary: Results at a glance.
            ---
            The Group's revenue was RMB{{fact:income/revenue/h1-2025|million}} million, see [the note](note:1a)
            and the [income statement](table:income). The [Board](term:Board) approved it.

            {{table:income}}

            Gross margin was {{nofact:38.5%}}.
            """;

    static final String NOTE = """
            ---
            title: Revenue
            order: 1
            note: "1"
            ---
            Revenue comes from software sales.

            ### (a) Revenue by type

            Most revenue is recognised over time.
            """;

    private SampleContent() {}

    /** The files of the sample, by path relative to the content folder. */
    static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("report.json", REPORT);
        m.put("data/income.json", INCOME);
        m.put("glossary.json", GLOSSARY);
        m.put("narrative/index.md", INDEX);
        m.put("narrative/notes/note-01.md", NOTE);
        return m;
    }

    /** Writes the sample into a new temporary folder and returns it. */
    static Path create() {
        Path dir = TestDirs.create("sample-content");
        for (var e : files().entrySet()) write(dir, e.getKey(), e.getValue());
        return dir;
    }

    static void write(Path dir, String relative, String text) {
        write(dir, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path dir, String relative, byte[] bytes) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path dir, String relative) {
        try {
            return Files.readString(dir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} (which must be there) in a file of the sample. */
    static void replace(Path dir, String relative, String from, String to) {
        String text = read(dir, relative);
        int i = text.indexOf(from);
        if (i < 0) throw new IllegalArgumentException(relative + " has no \"" + from + "\"");
        write(dir, relative, text.substring(0, i) + to + text.substring(i + from.length()));
    }

    /** The 1-based line of the first occurrence of {@code needle} in a file of the sample. */
    static int lineOf(Path dir, String relative, String needle) {
        List<String> lines = read(dir, relative).lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i + 1;
        throw new IllegalArgumentException(relative + " has no line with \"" + needle + "\"");
    }
}
