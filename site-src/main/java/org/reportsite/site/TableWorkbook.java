package org.reportsite.site;

import org.apache.poi.ss.util.WorkbookUtil;
import org.dhatim.fastexcel.HyperLink;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The Excel downloads: a table as a workbook, and the whole dataset as one workbook (an index sheet, then a sheet
 * per table). A sheet is laid out as a table sheet of {@code data/} (docs/content-format.md, "Tables in a
 * workbook"), so a download can be put back into a content folder as it is. Amounts are numbers with the column's
 * format (its decimals, negatives in parentheses or with a minus as the site prints them); nil is a dash; units
 * are in the column rows above the header; notes are a column. Text cells go through {@link SpreadsheetText}.
 * Written with fastexcel, which streams the XML (POI's object model made the downloads the slowest part of a
 * build; POI still reads workbooks). The bytes depend on the tables alone: fixed document dates and zip entry
 * times, entries in a fixed order.
 */
public final class TableWorkbook {
    /** The time every part of the archive carries (a zip records local time: no time zone shows in the bytes); the document dates are the same. */
    private static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final String FIXED_W3C = FIXED.atOffset(ZoneOffset.UTC).toInstant().toString();
    /** The document dates fastexcel stamps with the time of writing. */
    private static final Pattern DATE = Pattern.compile("(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)");
    private static final int MAX_SHEET_NAME = 31;

    private TableWorkbook() {}

    /** One table as a workbook of one sheet. */
    public static byte[] of(Table t) {
        return book(wb -> write(wb.newWorksheet(sheetName(t.id(), new HashSet<>())), t));
    }

    /** Every table: an index sheet (table id, title, sheet), then a sheet per table in the report's order. */
    public static byte[] of(Report report) { return of(report.meta().title(), report.tables().values()); }

    /** Tables in one workbook under a title: an index sheet (table id, title, sheet), then a sheet per table. */
    public static byte[] of(String title, Collection<Table> tables) {
        return book(wb -> {
            Worksheet index = wb.newWorksheet("Index");
            Set<String> used = new HashSet<>(Set.of("index"));
            text(index, 0, 0, "index", Look.BOLD);
            text(index, 0, 1, title, Look.BOLD);
            text(index, 1, 0, "table", Look.BOLD);
            text(index, 1, 1, "title", Look.BOLD);
            text(index, 1, 2, "sheet", Look.BOLD);
            int r = 2;
            Map<Table, String> names = new LinkedHashMap<>();
            for (Table t : tables) names.put(t, sheetName(t.id(), used));
            for (var e : names.entrySet()) {
                text(index, r, 0, e.getKey().id(), Look.PLAIN);
                text(index, r, 1, e.getKey().title(), Look.PLAIN);
                String sheet = e.getValue();
                index.hyperlink(r, 2, HyperLink.internal("'" + sheet.replace("'", "''") + "'!A1", SpreadsheetText.cell(sheet)));
                r++;
            }
            index.width(0, 40);
            index.width(1, 80);
            index.width(2, 34);
            for (var e : names.entrySet()) write(wb.newWorksheet(e.getValue()), e.getKey());
        });
    }

    /** A sheet name Excel accepts (at most 31 characters, none of []:*?/\), unique in the workbook ignoring case. */
    static String sheetName(String id, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(id);
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "~" + n;
            name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        return name;
    }

    private interface Sheets { void fill(Workbook wb) throws IOException; }

    /** A workbook filled in memory, then made byte-stable (see {@link #stable}). */
    private static byte[] book(Sheets sheets) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(raw, "report-site", null);
            wb.setCompressionLevel(Deflater.NO_COMPRESSION); // compressed once, by stable()
            sheets.fill(wb);
            wb.finish();
            return stable(raw.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("writing a workbook to memory failed", e);
        }
    }

    /** How a cell looks: plain, bold (keys, headers, totals), a dash or text right-aligned in an amount column. */
    private enum Look { PLAIN, BOLD, RIGHT }

    private static void write(Worksheet sheet, Table t) {
        int r = 0;
        r = pair(sheet, r, "table", t.id());
        r = pair(sheet, r, "title", t.title());
        r = pair(sheet, r, "unit", t.unit());
        if (t.period() != null) r = pair(sheet, r, "period", t.period());
        text(sheet, r, 0, "decimals", Look.BOLD);
        sheet.value(r++, 1, t.decimals());
        r++; // a blank row between the table block and the column rows
        boolean footnotes = t.rows().stream().anyMatch(x -> !x.footnotes().isEmpty());
        boolean sums = t.rows().stream().anyMatch(x -> !x.sum().isEmpty());
        boolean sumColumns = t.rows().stream().anyMatch(x -> !x.sumColumns().isEmpty());
        List<String> fields = new ArrayList<>(List.of("id", "label", "notes", "style", "indent"));
        if (footnotes) fields.add("footnotes");
        if (sums) fields.add("sum");
        if (sumColumns) fields.add("sum columns");
        int first = fields.size();
        List<Table.Column> cols = t.columns();
        // the column rows: what each value column is, under it
        r = columnRow(sheet, r, "column label", cols, first, Table.Column::label);
        if (cols.stream().anyMatch(c -> c.subLabel() != null)) r = columnRow(sheet, r, "column sub-label", cols, first, Table.Column::subLabel);
        if (cols.stream().anyMatch(c -> c.period() != null)) r = columnRow(sheet, r, "column period", cols, first, Table.Column::period);
        r = columnRow(sheet, r, "column unit", cols, first, Table.Column::unit);
        text(sheet, r, 0, "column decimals", Look.BOLD);
        for (int i = 0; i < cols.size(); i++) sheet.value(r, first + i, cols.get(i).decimals());
        r++;
        if (cols.stream().anyMatch(Table.Column::minusSign)) {
            r = columnRow(sheet, r, "column negative", cols, first, c -> c.minusSign() ? "minus" : "parentheses");
        }
        if (cols.stream().anyMatch(Table.Column::text)) {
            r = columnRow(sheet, r, "column kind", cols, first, c -> c.text() ? "text" : "amount");
        }
        int head = r++;
        for (int i = 0; i < fields.size(); i++) text(sheet, head, i, fields.get(i), Look.BOLD);
        for (int i = 0; i < cols.size(); i++) text(sheet, head, first + i, cols.get(i).id(), Look.BOLD);
        for (Row row : t.rows()) {
            int x = r++;
            text(sheet, x, 0, row.id(), Look.PLAIN);
            text(sheet, x, 1, row.label(), row.style() == Row.Style.LINE ? Look.PLAIN : Look.BOLD);
            text(sheet, x, 2, String.join(", ", row.notes()), Look.PLAIN);
            text(sheet, x, 3, row.style().name().toLowerCase(Locale.ROOT), Look.PLAIN);
            sheet.value(x, 4, row.indent());
            int k = 5;
            if (footnotes) text(sheet, x, k++, String.join(", ", row.footnotes()), Look.PLAIN);
            if (sums) text(sheet, x, k++, String.join(", ", row.sum()), Look.PLAIN);
            if (sumColumns) text(sheet, x, k, String.join(", ", row.sumColumns()), Look.PLAIN);
            for (int i = 0; i < cols.size(); i++) {
                Table.Column c = cols.get(i);
                BigDecimal v = row.amount(c.id());
                String s = row.texts().get(c.id());
                if (v != null) {
                    // written as its decimal digits (a scale below zero would print as 1E+3): Excel keeps 15 significant digits
                    sheet.value(x, first + i, v.scale() < 0 ? v.setScale(0) : v);
                    sheet.style(x, first + i).format(numberFormat(c)).set();
                } else if (s != null) {
                    text(sheet, x, first + i, s, c.text() ? Look.PLAIN : Look.RIGHT);
                } else if (!c.text() && row.style() != Row.Style.HEADING) {
                    text(sheet, x, first + i, "–", Look.RIGHT); // nil as the site prints it (empty cells in a sum row would ask for the sum)
                }
            }
        }
        r++; // the blank row that ends the line items
        for (Table.Footnote f : t.footnotes()) r = record(sheet, r, "footnote", f.id(), f.text());
        for (Table.ColumnGroup g : t.columnGroups()) r = record(sheet, r, "column group", g.label(), String.join(", ", g.columns()));
        for (Table.ColumnSum s : t.columnSums()) r = record(sheet, r, "column sum", s.column(), String.join(", ", s.of()));
        for (Table.Computed c : t.computed()) {
            r = record(sheet, r, "computed", c.type(), c.id(), c.label(), c.from(), c.to(), c.of(), c.total(), c.published(), c.basis());
        }
        sheet.width(0, 36);
        sheet.width(1, 60);
        for (int i = 0; i < cols.size(); i++) sheet.width(first + i, 16);
        sheet.freezePane(2, head + 1);
    }

    /** The column's number format: thousands separators, its decimals, negatives as the site prints them. */
    static String numberFormat(Table.Column c) {
        String digits = "#,##0" + (c.decimals() > 0 ? "." + "0".repeat(c.decimals()) : "");
        return c.minusSign() ? digits + ";-" + digits : digits + "_);(" + digits + ")";
    }

    private static int pair(Worksheet sheet, int r, String key, String value) {
        text(sheet, r, 0, key, Look.BOLD);
        text(sheet, r, 1, value, Look.PLAIN);
        return r + 1;
    }

    private static int columnRow(Worksheet sheet, int r, String key, List<Table.Column> cols, int first,
                                 Function<Table.Column, String> value) {
        text(sheet, r, 0, key, Look.BOLD);
        Look look = key.equals("column label") ? Look.BOLD : Look.PLAIN;
        for (int i = 0; i < cols.size(); i++) text(sheet, r, first + i, value.apply(cols.get(i)), look);
        return r + 1;
    }

    private static int record(Worksheet sheet, int r, String key, String... values) {
        text(sheet, r, 0, key, Look.BOLD);
        for (int i = 0; i < values.length; i++) text(sheet, r, i + 1, values[i], Look.PLAIN);
        return r + 1;
    }

    /** A text cell (nothing for null or empty), neutralised against formula injection. */
    private static void text(Worksheet ws, int r, int col, String value, Look look) {
        if (value == null || value.isEmpty()) return;
        ws.value(r, col, SpreadsheetText.cell(value));
        switch (look) {
            case BOLD -> ws.style(r, col).bold().set();
            case RIGHT -> ws.style(r, col).horizontalAlignment("right").set();
            case PLAIN -> { }
        }
    }

    /**
     * The workbook with fixed document dates and a fixed time on every zip entry, [Content_Types].xml first, the
     * other entries in the order written: fastexcel stamps dates and times with the time of writing. Read through
     * the central directory ({@link ZipFile}, hence a temporary file): fastexcel's entries end in 64-bit data
     * descriptors, which {@code ZipInputStream} misreads.
     */
    private static byte[] stable(byte[] raw) throws IOException {
        Path tmp = Files.createTempFile("report-site-", ".xlsx");
        try {
            Files.write(tmp, raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
            try (ZipFile in = new ZipFile(tmp.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                List<ZipEntry> parts = new ArrayList<>(Collections.list(in.entries()));
                // [Content_Types].xml first, as Excel writes it (fastexcel writes it last); the rest as written
                parts.sort(Comparator.comparing(e -> !e.getName().equals("[Content_Types].xml")));
                for (ZipEntry e : parts) {
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTimeLocal(FIXED);
                    zip.putNextEntry(copy);
                    try (InputStream part = in.getInputStream(e)) {
                        if (e.getName().equals("docProps/core.xml")) {
                            String xml = new String(part.readAllBytes(), StandardCharsets.UTF_8);
                            zip.write(DATE.matcher(xml).replaceAll("$1" + Matcher.quoteReplacement(FIXED_W3C) + "$2").getBytes(StandardCharsets.UTF_8));
                        } else {
                            part.transferTo(zip);
                        }
                    }
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
