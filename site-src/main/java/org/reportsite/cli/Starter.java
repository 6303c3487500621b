package org.reportsite.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.reportsite.content.BuiltIn;
import org.reportsite.model.Unit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a small, complete report that {@code report-site new} writes: report.json, an income statement
 * and a balance sheet (each with a subtotal and a total), one note with a sub-note and its table, a review page
 * whose figures are bound to the dataset, a home page, a glossary and checks.json, plus the JSON Schemas its
 * files name in {@code $schema}. Every figure adds up, so the starter checks with no error and no warning in any
 * currency; the author replaces the figures and words with the report's own.
 */
record Starter(String issuer, LocalDate end, int months, String currency) {

    /** The period words: "Six months ended 30 June 2025", "Year ended 31 December 2025". */
    static String periodWords(int months, LocalDate end) {
        String span = switch (months) {
            case 12 -> "Year";
            case 3 -> "Three months";
            case 9 -> "Nine months";
            default -> "Six months";
        };
        return span + " ended " + date(end);
    }

    static String date(LocalDate d) {
        return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
    }

    /** The same day of an earlier month, kept at the month's end when {@code d} is one (30 June − 6 months = 31 December). */
    static LocalDate back(LocalDate d, int months) {
        boolean monthEnd = d.equals(YearMonth.from(d).atEndOfMonth());
        LocalDate b = d.minusMonths(months);
        return monthEnd ? YearMonth.from(b).atEndOfMonth() : b;
    }

    /** Column id of a period of flows: fy2025, h1-2025, h2-2025, q1-2025, or 9m-sep-2025. */
    private String flowId(LocalDate e) {
        if (months == 12) return "fy" + e.getYear();
        if (months == 6 && e.getMonthValue() == 6) return "h1-" + e.getYear();
        if (months == 6 && e.getMonthValue() == 12) return "h2-" + e.getYear();
        if (months == 3 && e.getMonthValue() % 3 == 0) return "q" + e.getMonthValue() / 3 + "-" + e.getYear();
        return months + "m-" + stockId(e);
    }

    /** Column id of a date of the balance sheet: jun-2025. */
    private static String stockId(LocalDate e) {
        return e.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT) + "-" + e.getYear();
    }

    private static String q(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** Every file, by path relative to the new folder, in the order they are listed to the user. */
    Map<String, byte[]> files() {
        String symbol = Unit.symbol(currency);
        // prose writes letters-only codes apart from the number ("CHF 500.0 million"), symbols joined ("HK$500.0 million")
        String money = symbol.matches("[A-Z]{3}") && !symbol.equals("RMB") ? symbol + " " : symbol;
        String unit = symbol + "'000";
        LocalDate prevEnd = back(end, 12);
        LocalDate lastYearEnd = months == 12 ? prevEnd : back(end, months);
        String cur = flowId(end), prev = flowId(prevEnd), bs = stockId(end), bsPrev = stockId(lastYearEnd);
        String period = periodWords(months, end), prevPeriod = periodWords(months, prevEnd);
        String lowerPeriod = period.substring(0, 1).toLowerCase(Locale.ROOT) + period.substring(1);
        String lowerPrev = prevPeriod.substring(0, 1).toLowerCase(Locale.ROOT) + prevPeriod.substring(1);
        boolean annual = months == 12;
        String kind = annual ? "Annual" : "Interim";
        String title = kind + " Results for the " + titleCase(period);
        String audited = annual ? "(Audited)" : "(Unaudited)";
        String spanGroup = period.substring(0, period.lastIndexOf(' ')); // "Six months ended 30 June"

        Values flows = new Values(cur, prev), stocks = new Values(bs, bsPrev);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("README.md", """
                # %s: %s

                A report-site content folder, made by `report-site new`. Replace the example figures and words with
                your report's own; `report-site check --content` followed by this folder's path says what does not
                add up, with file and line.

                - `report.json`: the issuer, title, periods, headline figures and the site's navigation
                - `data/*.json`: one table per file (every subtotal and total lists the rows it adds up)
                - `narrative/**/*.md`: the pages, Markdown with a short header; `{{table:ID}}` places a table,
                  `{{fact:TABLE/ROW/COLUMN|million}}` prints one figure of it
                - `glossary.json`: defined terms; `checks.json`: figures that must agree between tables
                - `schema/`: JSON Schemas for editors (named by each file's `$schema`); the build does not read them

                See docs/your-first-report.md and docs/content-format.md in report-site.
                """.formatted(issuer, title));
        f.put("report.json", """
                {
                  "$schema": "schema/report.schema.json",
                  "issuer": {"name": %s},
                  "title": %s,
                  "shortTitle": %s,
                  "period": {"id": %s, "label": %s, "end": %s},
                  "comparativePeriods": [
                    {"id": %s, "label": %s, "end": %s}
                  ],
                  "currency": %s,
                  "highlights": [
                    {"fact": "income-statement/revenue/%s|million", "compare": %s, "link": "page:business-review"},
                    {"fact": "income-statement/profit-for-the-period/%s|million", "compare": %s},
                    {"fact": "balance-sheet/cash-and-cash-equivalents/%s|million", "compare": %s}
                  ],
                  "navigation": [
                    {"title": "Overview", "pages": ["index", "business-review"]},
                    {"title": "Financial statements", "pages": ["financial-statements/income-statement", "financial-statements/balance-sheet"]},
                    {"title": "Notes", "dir": "notes"},
                    {"title": "Glossary", "pages": ["glossary"]},
                    {"title": "Data checks", "pages": ["data-checks"]}
                  ]
                }
                """.formatted(q(issuer), q(title), q(kind + " results " + end.getYear()), q(cur), q(period), q(end.toString()),
                q(prev), q(prevPeriod), q(prevEnd.toString()), q(currency), cur, q(prev), cur, q(prev), bs, q(bsPrev)));
        String flowColumns = """
                  "columnGroups": [
                    {"label": %s, "columns": [%s, %s]}
                  ],
                  "columns": [
                    {"id": %s, "label": "%d", "subLabel": %s, "period": %s},
                    {"id": %s, "label": "%d", "subLabel": %s, "period": %s}
                  ],""".formatted(q(spanGroup), q(cur), q(prev), q(cur), end.getYear(), q(audited), q(period),
                q(prev), prevEnd.getYear(), q(audited), q(prevPeriod));
        f.put("data/income-statement.json", """
                {
                  "$schema": "../schema/table.schema.json",
                  "id": "income-statement",
                  "title": "Consolidated income statement",
                  "period": %s,
                  "unit": %s,
                %s
                  "rows": [
                    {"id": "revenue", "label": "Revenue", "notes": ["1"], "values": %s},
                    {"id": "cost-of-sales", "label": "Cost of sales", "values": %s},
                    {"id": "gross-profit", "label": "Gross profit", "style": "subtotal", "sum": ["revenue", "cost-of-sales"], "values": %s},
                    {"id": "other-income", "label": "Other income", "values": %s},
                    {"id": "administrative-expenses", "label": "Administrative expenses", "values": %s},
                    {"id": "profit-before-income-tax", "label": "Profit before income tax", "style": "subtotal",
                      "sum": ["gross-profit", "other-income", "administrative-expenses"], "values": %s},
                    {"id": "income-tax-expense", "label": "Income tax expense", "values": %s},
                    {"id": "profit-for-the-period", "label": "Profit for the period", "style": "total",
                      "sum": ["profit-before-income-tax", "income-tax-expense"], "values": %s}
                  ]
                }
                """.formatted(q("For the " + lowerPeriod), q(unit), flowColumns, flows.of(500000, 450000), flows.of(-300000, -280000),
                flows.of(200000, 170000), flows.of(10000, 8000), flows.of(-120000, -110000), flows.of(90000, 68000), flows.of(-15000, -11000),
                flows.of(75000, 57000)));
        f.put("data/balance-sheet.json", """
                {
                  "$schema": "../schema/table.schema.json",
                  "id": "balance-sheet",
                  "title": "Consolidated balance sheet",
                  "period": %s,
                  "unit": %s,
                  "columns": [
                    {"id": %s, "label": %s, "subLabel": %s, "period": %s},
                    {"id": %s, "label": %s, "subLabel": "(Audited)", "period": %s}
                  ],
                  "rows": [
                    {"id": "property-plant-and-equipment", "label": "Property, plant and equipment", "values": %s},
                    {"id": "trade-and-other-receivables", "label": "Trade and other receivables", "indent": 1, "values": %s},
                    {"id": "cash-and-cash-equivalents", "label": "Cash and cash equivalents", "indent": 1, "values": %s},
                    {"id": "current-assets", "label": "Current assets", "style": "subtotal",
                      "sum": ["trade-and-other-receivables", "cash-and-cash-equivalents"], "values": %s},
                    {"id": "total-assets", "label": "Total assets", "style": "total", "sum": ["property-plant-and-equipment", "current-assets"],
                      "values": %s},
                    {"id": "trade-and-other-payables", "label": "Trade and other payables", "indent": 1, "values": %s},
                    {"id": "bank-borrowings", "label": "Bank borrowings", "indent": 1, "values": %s},
                    {"id": "total-liabilities", "label": "Total liabilities", "style": "subtotal", "sum": ["trade-and-other-payables", "bank-borrowings"],
                      "values": %s},
                    {"id": "equity", "label": "Equity", "values": %s},
                    {"id": "total-equity-and-liabilities", "label": "Total equity and liabilities", "style": "total",
                      "sum": ["total-liabilities", "equity"], "values": %s}
                  ]
                }
                """.formatted(q("As at " + date(end)), q(unit), q(bs), q(date(end)), q(audited), q("As at " + date(end)),
                q(bsPrev), q(date(lastYearEnd)), q("As at " + date(lastYearEnd)), stocks.of(320000, 300000), stocks.of(90000, 85000),
                stocks.of(140000, 95000), stocks.of(230000, 180000), stocks.of(550000, 480000), stocks.of(110000, 115000), stocks.of(60000, 60000),
                stocks.of(170000, 175000), stocks.of(380000, 305000), stocks.of(550000, 480000)));
        f.put("data/revenue-by-type.json", """
                {
                  "$schema": "../schema/table.schema.json",
                  "id": "revenue-by-type",
                  "title": "Revenue by type",
                  "period": %s,
                  "unit": %s,
                %s
                  "rows": [
                    {"id": "products", "label": "Sale of products", "values": %s},
                    {"id": "services", "label": "Services", "values": %s},
                    {"id": "total", "label": "Total", "style": "total", "sum": ["products", "services"], "values": %s}
                  ]
                }
                """.formatted(q("For the " + lowerPeriod), q(unit), flowColumns, flows.of(320000, 300000), flows.of(180000, 150000),
                flows.of(500000, 450000)));
        f.put("checks.json", """
                {
                  "$schema": "schema/checks.schema.json",
                  "ties": [
                    {"id": "revenue-by-type", "description": "Revenue: note 1(a) = income statement",
                      "left": "revenue-by-type/total/*", "right": "income-statement/revenue/*", "columns": [%s, %s]},
                    {"id": "balance-sheet-balances", "description": "Total assets = total equity and liabilities",
                      "left": "balance-sheet/total-assets/*", "right": "balance-sheet/total-equity-and-liabilities/*", "columns": [%s, %s]}
                  ]
                }
                """.formatted(q(cur), q(prev), q(bs), q(bsPrev)));
        f.put("glossary.json", """
                {
                  "$schema": "schema/glossary.schema.json",
                  "intro": "In this report, the following expressions have the meanings below:",
                  "terms": [
                    {"term": "Board", "aliases": [], "definition": "the board of directors of the Company"},
                    {"term": "Company", "aliases": [], "definition": %s},
                    {"term": "Group", "aliases": [], "definition": "the Company and its subsidiaries"}
                  ]
                }
                """.formatted(q(issuer)));
        f.put("narrative/index.md", """
                ---
                title: %s
                summary: %s
                ---
                The Group's revenue grew and its profit rose in the %s. The [business review](page:business-review)
                explains the figures; the [financial statements](page:financial-statements/income-statement) and their
                notes give them in full.

                {{chart:income-statement|rows=revenue,gross-profit,profit-for-the-period|million|title=Revenue and profit (%s million)}}
                """.formatted(q(title), q(issuer + ": results for the " + lowerPeriod + "."), lowerPeriod, symbol));
        f.put("narrative/business-review.md", """
                ---
                title: "Business review"
                summary: "Revenue, profit and cash for the %s."
                ---
                ## Results

                Revenue for the %s increased by 11.1%% to %s{{fact:income-statement/revenue/%s|million}} million, compared with
                %s{{fact:income-statement/revenue/%s|million}} million for the %s. Sales of products and services both grew
                (see [note 1(a)](note:1a)).

                Gross profit was %s{{fact:income-statement/gross-profit/%s|million}} million, a gross margin of 40.0%%.
                Profit for the period rose 31.6%% to %s{{fact:income-statement/profit-for-the-period/%s|million}} million.

                ## Financial position

                Cash and cash equivalents were %s140.0 million at %s.
                """.formatted(lowerPeriod, lowerPeriod, money, cur, money, prev, lowerPrev, money, cur, money, cur, money, date(end))
                );
        f.put("narrative/financial-statements/income-statement.md", """
                ---
                title: "Consolidated income statement"
                summary: "Revenue, expenses and profit for the %s."
                ---
                {{table:income-statement}}
                """.formatted(lowerPeriod));
        f.put("narrative/financial-statements/balance-sheet.md", """
                ---
                title: "Consolidated balance sheet"
                summary: "Assets, liabilities and equity at %s."
                ---
                {{table:balance-sheet}}
                """.formatted(date(end)));
        f.put("narrative/notes/note-01.md", """
                ---
                title: "Revenue"
                order: 1
                note: "1"
                summary: "Revenue by type."
                ---
                The Group sells products and provides services. Revenue is recognised when control of the goods or
                services passes to the customer.

                ### (a) Revenue by type

                {{table:revenue-by-type}}
                """);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (var e : f.entrySet()) out.put(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
        for (var e : BuiltIn.files(BuiltIn.SCHEMA).entrySet()) out.put("schema/" + e.getKey(), e.getValue());
        return out;
    }

    /** A row's values in the two columns of a table: {@code {"h1-2025": 500000, "h1-2024": 450000}}. */
    private record Values(String current, String comparative) {
        String of(long a, long b) { return "{" + q(current) + ": " + a + ", " + q(comparative) + ": " + b + "}"; }
    }

    private static String titleCase(String words) {
        StringBuilder b = new StringBuilder();
        for (String w : words.split(" ")) {
            if (!b.isEmpty()) b.append(' ');
            b.append(w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return b.toString();
    }
}
