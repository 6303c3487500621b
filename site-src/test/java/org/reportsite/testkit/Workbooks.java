package org.reportsite.testkit;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Report;
import org.reportsite.model.Row;
import org.reportsite.model.Table;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.reportsite.site.TableWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Workbooks for tests: a content folder's tables moved into workbooks (through the export), and workbooks edited with POI. */
public final class Workbooks {
    private Workbooks() {}

    /** The report of a content folder, which must load without errors. */
    public static Report report(Path content) {
        Findings f = new Findings();
        Report r = ContentLoader.load(content, f);
        if (r == null || f.hasErrors()) throw new AssertionError("content does not load: " + f.list().stream().map(Finding::format).toList());
        return r;
    }

    /** Each named table's JSON file replaced by a workbook of one sheet, {@code data/<id>.xlsx}, made by the Excel download. */
    public static void tablesToWorkbooks(Path content, List<String> ids) {
        Report r = report(content);
        for (String id : ids) {
            Table t = r.tables().get(id);
            if (t == null) throw new AssertionError("no table " + id);
            Content.write(content, "data/" + id + ".xlsx", TableWorkbook.of(t));
            delete(content.resolve("data/" + id + ".json"));
        }
    }

    /** Every table's JSON file replaced by one workbook, {@code data/<name>}: the dataset download (index sheet, a sheet per table). */
    public static void allTablesToOneWorkbook(Path content, String name) {
        Report r = report(content);
        Content.write(content, "data/" + name, TableWorkbook.of(r));
        for (Table t : r.tables().values()) delete(content.resolve("data/" + t.id() + ".json"));
    }

    /** A workbook's bytes changed by {@code change} and written again by POI. */
    public static byte[] edit(byte[] workbook, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            change.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table with every location left out (a workbook table is found at its cells, a JSON table at its lines). */
    public static Table withoutPlaces(Table t) {
        List<Row> rows = new ArrayList<>();
        for (Row r : t.rows()) rows.add(new Row(r.id(), r.label(), r.style(), r.indent(), r.notes(), r.footnotes(), r.amounts(), r.texts(),
                r.sum(), r.sumColumns(), null));
        List<Table.Column> cols = t.columns().stream().map(c -> new Table.Column(c.id(), c.label(), c.subLabel(), c.period(), c.unit(),
                c.decimals(), c.minusSign(), c.text(), null)).toList();
        List<Table.ColumnGroup> groups = t.columnGroups().stream().map(g -> new Table.ColumnGroup(g.label(), g.columns(), null)).toList();
        List<Table.ColumnSum> sums = t.columnSums().stream().map(s -> new Table.ColumnSum(s.column(), s.of(), null)).toList();
        List<Table.Computed> comp = t.computed().stream().map(x -> new Table.Computed(x.type(), x.id(), x.label(), x.from(), x.to(), x.of(),
                x.total(), x.published(), x.basis(), null)).toList();
        return new Table(t.id(), t.title(), t.unit(), t.decimals(), t.period(), groups, cols, sums, rows, t.footnotes(), comp, null);
    }

    /** The cell in the row whose first cell is {@code rowId} and the column the header row names {@code columnId}. */
    public static Cell cell(XSSFWorkbook wb, String rowId, String columnId) { return cell(wb, wb.getSheetAt(0), rowId, columnId); }

    /** The cell of a sheet in the row whose first cell is {@code rowId} and the column the header row names {@code columnId} (created if blank). */
    public static Cell cell(XSSFWorkbook wb, Sheet s, String rowId, String columnId) {
        int header = -1, row = -1, col = -1;
        for (var r : s) {
            Cell a = r.getCell(0);
            String v = a == null ? "" : a.toString();
            if (v.equals("id") && header < 0) {
                header = r.getRowNum();
                for (Cell c : r) if (c.toString().equals(columnId)) col = c.getColumnIndex();
            }
            if (v.equals(rowId)) row = r.getRowNum();
        }
        if (row < 0 || col < 0) throw new AssertionError("no cell " + rowId + "/" + columnId);
        var r = s.getRow(row);
        return r.getCell(col) != null ? r.getCell(col) : r.createCell(col);
    }
}
