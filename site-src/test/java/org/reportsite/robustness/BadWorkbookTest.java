package org.reportsite.robustness;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reportsite.model.Location;
import org.reportsite.site.TableWorkbook;
import org.reportsite.testkit.Cli;
import org.reportsite.testkit.Content;
import org.reportsite.testkit.SiteTree.Snapshot;
import org.reportsite.testkit.TempDirs;
import org.reportsite.testkit.Workbooks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad workbooks in data/: each case breaks the sample report's table, kept as data/income.xlsx, in one way a
 * workbook goes wrong. Every case fails the build with exit code 1 and an error at the file, sheet and cell
 * (where there is one), prints no stack trace, and leaves the previous site byte-identical.
 */
class BadWorkbookTest {
    private static final String FILE = "data/income.xlsx";
    private static Path out;
    private static Snapshot before;
    private static byte[] good;

    /** {@code at}: where the error must be reported, as the command line prints it. */
    record Case(String name, Function<byte[], byte[]> breakIt, String code, String at) {
        @Override
        public String toString() { return name; }
    }

    @BeforeAll
    static void buildTheGoodSiteOnce() {
        Content c = Content.sample();
        Workbooks.tablesToWorkbooks(c.dir(), java.util.List.of("income"));
        try {
            good = java.nio.file.Files.readAllBytes(c.dir().resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out = TempDirs.create("bad-workbook").resolve("generated-site");
        Cli ok = Cli.build(c.dir(), out);
        assertEquals(0, ok.exitCode(), ok.all());
        before = Snapshot.of(out);
        assertTrue(before.files().containsKey("downloads/income.xlsx"), before.files().keySet().toString());
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("text in a number cell", b -> Workbooks.edit(b, wb -> Workbooks.cell(wb, "revenue", "h1-2025").setCellValue("2,358,198")),
                        "workbook.text-in-number", at("revenue", "h1-2025")),
                new Case("a logical value in a number cell", b -> Workbooks.edit(b, wb -> Workbooks.cell(wb, "cost-of-sales", "h1-2024").setCellValue(true)),
                        "workbook.text-in-number", at("cost-of-sales", "h1-2024")),
                new Case("a merged header", b -> Workbooks.edit(b, wb -> {
                    Cell c = Workbooks.cell(wb, "id", "h1-2025");
                    wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(c.getRowIndex() - 1, c.getRowIndex() - 1, c.getColumnIndex(), c.getColumnIndex() + 1));
                }), "workbook.merged", null),
                new Case("a formula with an error value", b -> Workbooks.edit(b, wb -> {
                    Workbooks.cell(wb, "revenue", "h1-2024").setCellFormula("1/0");
                    XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
                }), "workbook.error-value", at("revenue", "h1-2024")),
                new Case("a formula never computed", b -> Workbooks.edit(b, wb -> {
                    Cell c = Workbooks.cell(wb, "revenue", "h1-2024");
                    var row = c.getRow();
                    int col = c.getColumnIndex();
                    row.removeCell(c);
                    row.createCell(col).setCellFormula("1+1"); // a new cell: no result saved with it
                }),
                        "workbook.uncomputed", at("revenue", "h1-2024")),
                new Case("an empty sheet", b -> Workbooks.edit(b, wb -> wb.createSheet("Notes")), "workbook.empty", FILE + " › Notes"),
                new Case("a missing sheet the index lists", b -> Workbooks.edit(b, wb -> {
                    Sheet index = wb.createSheet("Index");
                    wb.setSheetOrder("Index", 0);
                    index.createRow(0).createCell(0).setCellValue("index");
                    index.createRow(1).createCell(0).setCellValue("table");
                    index.createRow(2).createCell(0).setCellValue("balance");
                    index.getRow(2).createCell(2).setCellValue("Balance sheet");
                }), "workbook.missing-sheet", FILE + " › Index › C3"),
                new Case("a table the narrative uses is absent", b -> Workbooks.edit(b, wb -> wb.getSheetAt(0).getRow(0).getCell(1).setCellValue("income-2025")),
                        "ref.table", null),
                new Case("a sum that does not add up", b -> Workbooks.edit(b, wb -> Workbooks.cell(wb, "gross-profit", "h1-2025").setCellValue(1)),
                        "foot.mismatch", null),
                new Case("a password-protected workbook", BadWorkbookTest::encrypt, "workbook.encrypted", FILE),
                new Case("an Excel 97-2003 file named .xlsx", b -> xls(), "workbook.format", FILE),
                new Case("a text file named .xlsx", b -> "id,label\nrevenue,Revenue\n".getBytes(StandardCharsets.UTF_8), "workbook.format", FILE),
                new Case("an empty file", b -> new byte[0], "workbook.format", FILE),
                new Case("a zip that is not a workbook", b -> zip("hello.txt", "hello".getBytes(StandardCharsets.UTF_8)), "workbook.damaged", FILE),
                new Case("a truncated workbook", b -> java.util.Arrays.copyOf(b, b.length / 2), "workbook.damaged", FILE),
                new Case("a sheet that unpacks to a huge part", BadWorkbookTest::bomb, "workbook.too-large", FILE),
                new Case("a file over the size limit", b -> java.util.Arrays.copyOf(b, 11 * 1024 * 1024), "workbook.too-large", FILE),
                new Case("a sheet of too many rows", b -> Workbooks.edit(b, wb -> wb.getSheetAt(0).createRow(30_000).createCell(0).setCellValue("x")),
                        "workbook.too-large", FILE + " › income"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithALocatedErrorAndKeepsThePreviousSite(Case c) {
        Content content = Content.sample();
        Workbooks.tablesToWorkbooks(content.dir(), java.util.List.of("income"));
        Content.write(content.dir(), FILE, c.breakIt().apply(good));
        Cli r = Cli.build(content.dir(), out);
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains("error [" + c.code() + "]"), r.all());
        if (c.at() != null) assertTrue(r.err().contains(c.at() + ": error [" + c.code() + "]"), "expected at " + c.at() + ":\n" + r.all());
        assertFalse(r.all().contains("\tat ") || r.all().contains("internal error"), r.all());
        assertEquals(before, Snapshot.of(out), "the previous site is unchanged");
    }

    @org.junit.jupiter.api.Test
    void aWorkbookLinkedFromOutsideTheContentFolderIsRefused() throws IOException {
        Content content = Content.sample();
        Workbooks.tablesToWorkbooks(content.dir(), java.util.List.of("income"));
        Path outside = TempDirs.create("elsewhere").resolve("income.xlsx");
        java.nio.file.Files.write(outside, good);
        java.nio.file.Files.delete(content.dir().resolve(FILE));
        java.nio.file.Files.createSymbolicLink(content.dir().resolve(FILE), outside);
        Cli r = Cli.build(content.dir(), out);
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.err().contains(FILE + ": error [content.outside]"), r.all());
        assertEquals(before, Snapshot.of(out));
    }

    @org.junit.jupiter.api.Test
    void formattingFarBelowAndRightOfTheTableIsNoValue() throws IOException {
        Content content = Content.sample();
        Workbooks.tablesToWorkbooks(content.dir(), java.util.List.of("income"));
        java.nio.file.Files.write(content.dir().resolve(FILE), Workbooks.edit(good, wb -> {
            var style = wb.createCellStyle();
            style.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            wb.getSheetAt(0).createRow(60_000).createCell(2).setCellStyle(style);
            wb.getSheetAt(0).getRow(0).createCell(5_000).setCellStyle(style);
            Workbooks.cell(wb, "id", "h1-2025").getRow().createCell(4_000).setCellValue(" ");
        }));
        Cli r = Cli.check(content.dir());
        assertEquals(0, r.exitCode(), r.all());
    }

    /** Where the cell of a row and a column of the good workbook is, as a finding names it. */
    private static String at(String rowId, String columnId) {
        try (XSSFWorkbook wb = Workbooks.open(good)) {
            Cell c = Workbooks.cell(wb, rowId, columnId);
            return Location.cell(FILE, wb.getSheetAt(0).getSheetName(), c.getRowIndex() + 1, c.getColumnIndex() + 1).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encrypt(byte[] workbook) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(workbook)); OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] xls() {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("income").createRow(0).createCell(0).setCellValue("table");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The workbook with its sheet's XML padded to 80 MB of white space: a file of a few hundred kB. */
    private static byte[] bomb(byte[] workbook) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                z.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    z.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 80; i++) z.write(spaces);
                    z.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    z.write(bytes);
                }
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
