package org.reportsite.site;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The Excel downloads: a table as a workbook, and the whole dataset as one workbook (an index sheet, then a sheet
 * per table). A sheet is laid out as a table sheet of {@code data/} (docs/content-format.md, "Tables in a
 * workbook"), so a download can be put back into a content folder as it is. Amounts are numbers with the column's
 * format (its decimals, negatives in parentheses or with a minus as the site prints them); nil is a dash; units
 * are in the column rows above the header; notes are a column. Text cells go through {@link SpreadsheetText}.
 * The bytes depend on the tables alone: fixed document dates and zip entry times, entries in a fixed order.
 */
public final class TableWorkbook {
    /** The time every part of the archive carries (a zip records local time: no time zone shows in the bytes); the document dates are the same. */
    private static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final int MAX_SHEET_NAME = 31;

    private TableWorkbook() {}

    /** One table as a workbook of one sheet. */
    public static byte[] of(Table t) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            write(wb.createSheet(sheetName(t.id(), new HashSet<>())), t, styles);
            return bytes(wb);
        } catch (IOException e) {
            throw new IllegalStateException("writing a workbook to memory failed", e);
        }
    }

    /** Every table: an index sheet (table id, title, sheet), then a sheet per table in the report's order. */
    public static byte[] of(Report report) { return of(report.meta().title(), report.tables().values()); }

    /** Tables in one workbook under a title: an index sheet (table id, title, sheet), then a sheet per table. */
    public static byte[] of(String title, java.util.Collection<Table> tables) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            XSSFSheet index = wb.createSheet("Index");
            Set<String> used = new HashSet<>(Set.of("index"));
            text(index.createRow(0), 0, "index", styles.bold);
            text(index.getRow(0), 1, title, styles.bold);
            XSSFRow head = index.createRow(1);
            text(head, 0, "table", styles.bold);
            text(head, 1, "title", styles.bold);
            text(head, 2, "sheet", styles.bold);
            int r = 2;
            Map<Table, String> names = new LinkedHashMap<>();
            for (Table t : tables) names.put(t, sheetName(t.id(), used));
            for (var e : names.entrySet()) {
                XSSFRow row = index.createRow(r++);
                text(row, 0, e.getKey().id(), null);
                text(row, 1, e.getKey().title(), null);
                XSSFCell link = text(row, 2, e.getValue(), null);
                var h = wb.getCreationHelper().createHyperlink(org.apache.poi.common.usermodel.HyperlinkType.DOCUMENT);
                h.setAddress("'" + e.getValue().replace("'", "''") + "'!A1");
                link.setHyperlink(h);
            }
            index.setColumnWidth(0, 40 * 256);
            index.setColumnWidth(1, 80 * 256);
            index.setColumnWidth(2, 34 * 256);
            for (var e : names.entrySet()) write(wb.createSheet(e.getValue()), e.getKey(), styles);
            return bytes(wb);
        } catch (IOException e) {
            throw new IllegalStateException("writing a workbook to memory failed", e);
        }
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

    private record Styles(CellStyle bold, CellStyle wrap, Map<String, CellStyle> numbers, XSSFWorkbook wb) {
        Styles(XSSFWorkbook wb) {
            this(wb.createCellStyle(), wb.createCellStyle(), new HashMap<>(), wb);
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
        }

        /** The column's number format: thousands separators, its decimals, negatives as the site prints them. */
        CellStyle number(Table.Column c) {
            String digits = "#,##0" + (c.decimals() > 0 ? "." + "0".repeat(c.decimals()) : "");
            String format = c.minusSign() ? digits + ";-" + digits : digits + "_);(" + digits + ")";
            return numbers.computeIfAbsent(format, k -> {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(wb.createDataFormat().getFormat(k));
                return s;
            });
        }

        CellStyle dash() {
            return numbers.computeIfAbsent("\0dash", k -> {
                CellStyle s = wb.createCellStyle();
                s.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
                return s;
            });
        }
    }

    private static void write(XSSFSheet sheet, Table t, Styles styles) {
        int r = 0;
        r = pair(sheet, r, "table", t.id(), styles);
        r = pair(sheet, r, "title", t.title(), styles);
        r = pair(sheet, r, "unit", t.unit(), styles);
        if (t.period() != null) r = pair(sheet, r, "period", t.period(), styles);
        XSSFRow dec = sheet.createRow(r++);
        text(dec, 0, "decimals", styles.bold);
        dec.createCell(1).setCellValue(t.decimals());
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
        r = columnRow(sheet, r, "column label", cols, first, Table.Column::label, styles);
        if (cols.stream().anyMatch(c -> c.subLabel() != null)) r = columnRow(sheet, r, "column sub-label", cols, first, Table.Column::subLabel, styles);
        if (cols.stream().anyMatch(c -> c.period() != null)) r = columnRow(sheet, r, "column period", cols, first, Table.Column::period, styles);
        r = columnRow(sheet, r, "column unit", cols, first, Table.Column::unit, styles);
        XSSFRow decimals = sheet.createRow(r++);
        text(decimals, 0, "column decimals", styles.bold);
        for (int i = 0; i < cols.size(); i++) decimals.createCell(first + i).setCellValue(cols.get(i).decimals());
        if (cols.stream().anyMatch(Table.Column::minusSign)) {
            r = columnRow(sheet, r, "column negative", cols, first, c -> c.minusSign() ? "minus" : "parentheses", styles);
        }
        if (cols.stream().anyMatch(Table.Column::text)) {
            r = columnRow(sheet, r, "column kind", cols, first, c -> c.text() ? "text" : "amount", styles);
        }
        XSSFRow head = sheet.createRow(r++);
        for (int i = 0; i < fields.size(); i++) text(head, i, fields.get(i), styles.bold);
        for (int i = 0; i < cols.size(); i++) text(head, first + i, cols.get(i).id(), styles.bold);
        for (Row row : t.rows()) {
            XSSFRow x = sheet.createRow(r++);
            text(x, 0, row.id(), null);
            text(x, 1, row.label(), row.style() == Row.Style.LINE ? null : styles.bold);
            text(x, 2, String.join(", ", row.notes()), null);
            text(x, 3, row.style().name().toLowerCase(Locale.ROOT), null);
            x.createCell(4).setCellValue(row.indent());
            int k = 5;
            if (footnotes) text(x, k++, String.join(", ", row.footnotes()), null);
            if (sums) text(x, k++, String.join(", ", row.sum()), null);
            if (sumColumns) text(x, k, String.join(", ", row.sumColumns()), null);
            for (int i = 0; i < cols.size(); i++) {
                Table.Column c = cols.get(i);
                BigDecimal v = row.amount(c.id());
                String s = row.texts().get(c.id());
                if (v != null) {
                    XSSFCell cell = x.createCell(first + i);
                    cell.setCellValue(v.doubleValue()); // exact for every amount of up to 15 significant digits, as Excel keeps them
                    cell.setCellStyle(styles.number(c));
                } else if (s != null) {
                    text(x, first + i, s, c.text() ? null : styles.dash());
                } else if (!c.text() && row.style() != Row.Style.HEADING) {
                    text(x, first + i, "–", styles.dash()); // nil as the site prints it (empty cells in a sum row would ask for the sum)
                }
            }
        }
        r++; // the blank row that ends the line items
        for (Table.Footnote f : t.footnotes()) r = record(sheet, r, "footnote", styles, f.id(), f.text());
        for (Table.ColumnGroup g : t.columnGroups()) r = record(sheet, r, "column group", styles, g.label(), String.join(", ", g.columns()));
        for (Table.ColumnSum s : t.columnSums()) r = record(sheet, r, "column sum", styles, s.column(), String.join(", ", s.of()));
        for (Table.Computed c : t.computed()) {
            r = record(sheet, r, "computed", styles, c.type(), c.id(), c.label(), c.from(), c.to(), c.of(), c.total(), c.published(), c.basis());
        }
        sheet.setColumnWidth(0, 36 * 256);
        sheet.setColumnWidth(1, 60 * 256);
        for (int i = 0; i < cols.size(); i++) sheet.setColumnWidth(first + i, 16 * 256);
        sheet.createFreezePane(2, head.getRowNum() + 1);
    }

    private static int pair(Sheet sheet, int r, String key, String value, Styles styles) {
        XSSFRow row = (XSSFRow) sheet.createRow(r);
        text(row, 0, key, styles.bold);
        text(row, 1, value, null);
        return r + 1;
    }

    private static int columnRow(XSSFSheet sheet, int r, String key, List<Table.Column> cols, int first,
                                 java.util.function.Function<Table.Column, String> value, Styles styles) {
        XSSFRow row = sheet.createRow(r);
        text(row, 0, key, styles.bold);
        for (int i = 0; i < cols.size(); i++) text(row, first + i, value.apply(cols.get(i)), key.equals("column label") ? styles.bold : null);
        return r + 1;
    }

    private static int record(XSSFSheet sheet, int r, String key, Styles styles, String... values) {
        XSSFRow row = sheet.createRow(r);
        text(row, 0, key, styles.bold);
        for (int i = 0; i < values.length; i++) text(row, i + 1, values[i], null);
        return r + 1;
    }

    /** A text cell (nothing for null or empty), neutralised against formula injection. */
    private static XSSFCell text(XSSFRow row, int col, String value, CellStyle style) {
        if (value == null || value.isEmpty()) return null;
        XSSFCell c = row.createCell(col);
        c.setCellValue(SpreadsheetText.cell(value));
        if (style != null) c.setCellStyle(style);
        return c;
    }

    /** The workbook's bytes with fixed dates: the same tables give the same file. */
    private static byte[] bytes(XSSFWorkbook wb) throws IOException {
        var core = wb.getProperties().getCoreProperties();
        Date fixed = Date.from(FIXED.toInstant(java.time.ZoneOffset.UTC));
        core.setCreated(Optional.of(fixed));
        core.setModified(Optional.of(fixed));
        core.setCreator("report-site");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        wb.write(raw);
        // POI stamps each zip entry with the time of writing: copy the entries, in the order written, with a fixed time
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.size());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(raw.toByteArray()));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(java.util.zip.Deflater.DEFAULT_COMPRESSION);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(FIXED);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
