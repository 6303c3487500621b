package org.reportsite.testkit;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Finding;
import org.reportsite.model.Findings;
import org.reportsite.model.Report;
import org.reportsite.model.Table;
import org.reportsite.site.TableWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
