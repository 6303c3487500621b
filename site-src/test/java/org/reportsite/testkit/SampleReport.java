package org.reportsite.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small, valid report: one table with a sum, a glossary, an index page and one note page with a sub-note.
 * Tests break one thing in it ({@link Content#sample()}) and expect one located error.
 */
public final class SampleReport {
    public static final String REPORT = """
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

    public static final String INCOME = """
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

    public static final String GLOSSARY = """
            [
              { "term": "Board", "aliases": [], "definition": "the board of directors of the Company" },
              { "term": "Group", "aliases": ["the Group"], "definition": "the Company and its subsidiaries" }
            ]
            """;

    public static final String INDEX = """
            ---
            title: Overview
            summary: Results at a glance.
            ---
            The Group's revenue was RMB{{fact:income/revenue/h1-2025|million}} million, see [the note](note:1a)
            and the [income statement](table:income). The [Board](term:Board) approved it.

            {{table:income}}

            Gross margin was {{nofact:38.5%}}.
            """;

    public static final String NOTE = """
            ---
            title: Revenue
            order: 1
            note: "1"
            ---
            Revenue comes from software sales.

            ### (a) Revenue by type

            Most revenue is recognised over time.
            """;

    private SampleReport() {}

    /** The files of the sample, by path relative to the content folder. */
    public static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("report.json", REPORT);
        m.put("data/income.json", INCOME);
        m.put("glossary.json", GLOSSARY);
        m.put("narrative/index.md", INDEX);
        m.put("narrative/notes/note-01.md", NOTE);
        return m;
    }
}
