package org.reportsite.robustness;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.reportsite.site.SiteBuild;
import org.reportsite.site.TableWorkbook;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.TempDirs;
import org.reportsite.testkit.Workbooks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Fuzzes workbooks in data/: the sample report's table as a valid workbook, then mutated — bytes of the file, bytes of
 * one part inside the archive (the sheet's XML, the shared strings, the styles, the workbook part) packed again, or
 * cells given other values (text, logical values, error values, formulas, blanks, far-away cells) — and built.
 * Every input gives a built site or located errors: never an internal error, a hang or a file outside the output.
 */
@AddLifecycleHook(FuzzBudget.class)
class WorkbookFuzzTest {
    private static final byte[] GOOD = TableWorkbook.of(Workbooks.report(Content.sample().dir()).tables().get("income"));
    private static final List<String> TEXTS = List.of("", " ", "id", "table", "label", "notes", "sum", "style", "indent", "column label",
            "column unit", "column decimals", "column kind", "text", "footnote", "column group", "column sum", "computed", "index", "–", "n.m.",
            "revenue", "h1-2025", "-revenue", "=1+1", "\u0000", "é中文", "1e3", "12,345", "(1,234)", "subtotal", "total", "heading", "x, y, z");

    @Property(tries = 80)
    void aMutatedWorkbookBuildsOrFailsWithLocatedErrors(@ForAll Random random) {
        byte[] book;
        String how;
        switch (random.nextInt(3)) {
            case 0 -> {
                book = GOOD;
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) book = Fuzz.mutateBytes(book, random);
                how = "file bytes";
            }
            case 1 -> {
                String[] parts = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml"};
                String part = parts[random.nextInt(parts.length)];
                book = mutatePart(GOOD, part, random);
                how = "part " + part;
            }
            default -> {
                book = Workbooks.edit(GOOD, wb -> {
                    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) mutateCell(wb, random);
                });
                how = "cells";
            }
        }
        Path content = Content.sample().dir();
        Workbooks.tablesToWorkbooks(content, List.of("income"));
        Content.write(content, "data/income.xlsx", book);
        Path out = TempDirs.create("fuzz-out").resolve("site");
        String input = "data/income.xlsx (" + how + ", " + book.length + " bytes)";
        SiteBuild.Result r = Fuzz.build(content, out, input);
        Statistics.label("outcome").collect(r.ok() ? "built" : "located errors");
        r.findings().stream().filter(f -> f.isError()).map(f -> f.code()).distinct().forEach(c -> Statistics.label("codes").collect(c));
        Fuzz.assertBuiltOrLocated(r, out, input);
        TempDirs.deleteTree(content);
        TempDirs.deleteTree(out.getParent());
    }

    private static void mutateCell(XSSFWorkbook wb, Random r) {
        Sheet s = wb.getSheetAt(0);
        int row = r.nextInt(s.getLastRowNum() + 3), col = r.nextInt(10);
        if (r.nextInt(20) == 0) {
            row = r.nextInt(1_048_576);
            col = r.nextInt(16_384);
        }
        Row x = s.getRow(row) != null ? s.getRow(row) : s.createRow(row);
        Cell c = x.getCell(col) != null ? x.getCell(col) : x.createCell(col);
        switch (r.nextInt(8)) {
            case 0 -> c.setCellValue(TEXTS.get(r.nextInt(TEXTS.size())));
            case 1 -> c.setCellValue(r.nextInt(7) - 3 + r.nextDouble() * (r.nextBoolean() ? 1e15 : 1));
            case 2 -> c.setCellValue(r.nextBoolean());
            case 3 -> c.setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.values()[r.nextInt(7)].getCode());
            case 4 -> c.setCellFormula(r.nextBoolean() ? "1/0" : "SUM(A1:A3)");
            case 5 -> x.removeCell(c);
            case 6 -> s.removeRow(x);
            default -> {
                org.apache.poi.ss.util.CellRangeAddress merged = new org.apache.poi.ss.util.CellRangeAddress(row, row + 1, col, col);
                // POI refuses a merged region overlapping another (a workbook cannot have one): then no merge this time
                if (r.nextBoolean()) {
                    if (s.getMergedRegions().stream().noneMatch(m -> m.intersects(merged))) s.addMergedRegion(merged);
                } else s.shiftRows(Math.min(row, s.getLastRowNum()), s.getLastRowNum(), 1 + r.nextInt(3));
            }
        }
    }

    /** The workbook with one part's bytes mutated, packed again (so the archive itself is sound). */
    private static byte[] mutatePart(byte[] workbook, String part, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(part)) for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) bytes = Fuzz.mutateBytes(bytes, r);
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
