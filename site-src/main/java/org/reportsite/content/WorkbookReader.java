package org.reportsite.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.reportsite.model.Findings;
import org.reportsite.model.Location;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an Excel workbook ({@code .xlsx}) of {@code data/}: each sheet is one table, laid out as
 * docs/content-format.md ("Tables in a workbook") describes. A sheet becomes the same located tree a table's JSON
 * file parses to ({@link LocatedJson#of}), so {@link TableReader} reads it with every rule and message of a JSON
 * table, and each finding names the cell: {@code data/results.xlsx › Income statement › C14}. Formulas count by
 * their cached results (what Excel last computed and showed); an error value or a formula never computed is refused.
 */
public final class WorkbookReader {
    /**
     * A workbook file larger than this is refused before it is opened. POI holds a sheet in memory at some ten to fifty
     * times its XML; the bundled report's 41 tables make a workbook of 64 kB, so these bounds leave room for
     * a hundred times as much and keep a hostile file from taking the build's memory.
     */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** An unpacked part (a sheet's XML) larger than this is refused while unpacking: a small file cannot become a huge sheet. */
    static final long MAX_PART_BYTES = 16L * 1024 * 1024;
    /** Rows and columns a table sheet may use: far beyond any statement (tables are bounded again by {@link TableReader#MAX_CELLS}). */
    static final int MAX_ROWS = 20_000, MAX_COLUMNS = 300;

    static {
        // POI's guard against zip bombs (a part packed more than 100 times tightly is refused) plus a bound on each part
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    /** The first cell of a sheet that lists the tables of a dataset workbook (skipped as a table, its sheet names checked). */
    public static final String INDEX = "index";
    /** Keys of the table block (column A), with the table field each sets. */
    static final Map<String, String> TABLE_KEYS = ordered("table", "id", "title", "title", "unit", "unit", "decimals", "decimals",
            "period", "period", "description", "description");
    /** Keys of the rows that describe the value columns, each cell under the column it describes. */
    static final Map<String, String> COLUMN_KEYS = ordered("column label", "label", "column sub-label", "subLabel",
            "column period", "period", "column unit", "unit", "column decimals", "decimals", "column negative", "negative",
            "column kind", "kind");
    /** Line-item fields of the header row (the row whose first cell is "id"); any other header cell is a column id. */
    static final Map<String, String> ROW_FIELDS = ordered("id", "id", "label", "label", "notes", "notes", "style", "style",
            "indent", "indent", "footnotes", "footnotes", "sum", "sum", "sum columns", "columns");
    static final Set<String> LIST_FIELDS = Set.of("notes", "footnotes", "sum", "columns");
    static final Set<String> NUMBER_FIELDS = Set.of("decimals", "indent");
    /** Records after the line items (and the blank row that ends them), by their first cell, with their fields in order. */
    static final Map<String, List<String>> RECORDS = Map.of(
            "footnote", List.of("id", "text"),
            "column group", List.of("label", "columns"),
            "column sum", List.of("column", "of"),
            "computed", List.of("type", "id", "label", "from", "to", "of", "total", "published", "basis"));
    static final Map<String, String> RECORD_LISTS = Map.of("footnote", "footnotes", "column group", "columnGroups",
            "column sum", "columnSums", "computed", "computed");
    /** Record fields that are comma-separated lists, as "record/field". */
    static final Set<String> RECORD_LIST_FIELDS = Set.of("column group/columns", "column sum/of");
    /** How a nil amount is written (the site prints an en dash). */
    static final Set<String> NIL = Set.of("–", "-", "—");
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * One table sheet as a located tree; {@code id} is the table id its sheet names (null when it names none);
     * {@code doc} is null when the sheet could not be read as a table, and {@code errors} says whether reading it
     * found errors (the findings say which).
     */
    public record SheetTable(String sheet, String id, LocatedJson doc, boolean errors) {}

    private final String file;
    private final Findings findings;

    private WorkbookReader(String file, Findings findings) {
        this.file = file;
        this.findings = findings;
    }

    /**
     * The table sheets of a workbook, in sheet order. A problem of the whole file (not a workbook, encrypted, too
     * large, damaged) is one finding at the file and no sheets; a problem of a sheet is a finding at its cell, and
     * the sheet's {@code doc} is null when it cannot be read as a table at all.
     */
    public static List<SheetTable> read(byte[] bytes, String file, Findings findings) {
        return new WorkbookReader(file, findings).read(bytes);
    }

    private List<SheetTable> read(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            fileError("workbook.too-large", "the workbook is " + bytes.length / (1024 * 1024) + " MB, over the limit of "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MB", "Keep the tables of the report in the workbook and move other data out of it.");
            return List.of();
        }
        FileMagic magic;
        if (bytes.length == 0) magic = FileMagic.UNKNOWN;
        else try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            magic = FileMagic.UNKNOWN;
        }
        if (magic == FileMagic.OLE2) {
            if (encrypted(bytes)) {
                fileError("workbook.encrypted", "the workbook is protected with a password (encrypted), so it cannot be read",
                        "Remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it) and save again; "
                                + "the data of a published report needs no password.");
            } else {
                fileError("workbook.format", "the file is an Excel 97-2003 workbook (.xls), not an .xlsx workbook",
                        "Open it in Excel and save it as \"Excel Workbook (.xlsx)\".");
            }
            return List.of();
        }
        if (magic != FileMagic.OOXML) {
            fileError("workbook.format", "the file is not an Excel workbook (an .xlsx file is a zip archive; this one is "
                    + (bytes.length == 0 ? "empty" : "something else") + ")", "Save the table from Excel as \"Excel Workbook (.xlsx)\", "
                    + "or remove the file from data/.");
            return List.of();
        }
        List<SheetTable> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Map<String, Location> indexed = new LinkedHashMap<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                Sheet sheet = wb.getSheetAt(i);
                if (INDEX.equals(text(cell(sheet, 0, 0)))) {
                    index(sheet, indexed);
                    continue;
                }
                out.add(new SheetReader(sheet).read());
            }
            for (var e : indexed.entrySet()) {
                if (wb.getSheet(e.getKey()) == null) {
                    findings.error("workbook.missing-sheet", e.getValue(), "the index lists sheet \"" + e.getKey() + "\", which the workbook does not have",
                            "Add the sheet, or remove its line from the index.");
                }
            }
        } catch (IOException | RuntimeException e) {
            // POI's refusal of a damaged archive, an oversized part, or XML that is not a workbook's
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            boolean bomb = why.contains("Zip bomb") || why.contains("exceeds the max") || why.contains("max entry size");
            fileError(bomb ? "workbook.too-large" : "workbook.damaged", bomb
                            ? "the workbook unpacks to more than " + MAX_PART_BYTES / (1024 * 1024) + " MB in one part (or is packed suspiciously tightly)"
                            : "the workbook cannot be read: it is damaged or not a workbook Excel saves (" + shorten(why) + ")",
                    bomb ? "Keep only the report's tables in the workbook." : "Open it in Excel and save it again as \"Excel Workbook (.xlsx)\".");
            return List.of();
        }
        return out;
    }

    private static boolean encrypted(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** An index sheet: a header row, then one line per table (id, title, sheet). */
    private void index(Sheet sheet, Map<String, Location> sheets) {
        for (int r = 2; r <= Math.min(sheet.getLastRowNum(), MAX_ROWS); r++) {
            Cell c = cell(sheet, r, 2);
            String name = text(c);
            if (name != null && !name.isBlank()) sheets.putIfAbsent(name, at(sheet, r, 2));
        }
    }

    private void fileError(String code, String message, String hint) {
        findings.error(code, Location.of(file), message, hint);
    }

    private Location at(Sheet sheet, int row, int col) {
        return Location.cell(file, sheet.getSheetName(), row + 1, col + 1);
    }

    private static Cell cell(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(col);
    }

    /** The text of a cell as a key or a label: strings as written, numbers in plain digits; null when blank. */
    static String text(Cell c) {
        if (c == null) return null;
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (t) {
            case STRING -> c.getStringCellValue();
            case NUMERIC -> number(c.getNumericCellValue()).toPlainString();
            case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> null;
        };
    }

    /** A number as Excel shows it: 15 significant digits (a formula's 0.30000000000000004 is 0.3), no trailing zeros. */
    static BigDecimal number(double d) {
        BigDecimal b = new BigDecimal(d, EXCEL_DIGITS).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    private static String shorten(String s) { return s.length() > 120 ? s.substring(0, 117) + "..." : s; }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    /** One sheet read into a table's tree. */
    private final class SheetReader {
        private final Sheet sheet;
        private final Map<JsonNode, Location> where = new IdentityHashMap<>();
        private final int before = findings.list().size();

        SheetReader(Sheet sheet) { this.sheet = sheet; }

        SheetTable read() {
            String name = sheet.getSheetName();
            Location whole = Location.cell(file, name, 0, 0);
            // the last row with a value: formatting alone (a styled column down to row 1,048,576) does not count
            int last = -1;
            for (Row row : sheet) if (!blank(row)) last = row.getRowNum();
            if (last >= MAX_ROWS) {
                findings.error("workbook.too-large", whole, "the sheet uses " + (last + 1) + " rows, over the limit of " + MAX_ROWS + " for one table",
                        "Keep one table per sheet; check that the sheet holds no data below the table.");
                return failed();
            }
            if (sheet.getNumMergedRegions() > 0) {
                for (CellRangeAddress m : sheet.getMergedRegions()) {
                    findings.error("workbook.merged", at(sheet, m.getFirstRow(), m.getFirstColumn()), "cells " + m.formatAsString()
                            + " are merged; a table sheet keeps each key and value in its own cell", "Unmerge the cells (Home › Merge & Center › Unmerge Cells) and "
                            + "write a spanning header as a \"column group\" record below the line items.");
                }
                return failed();
            }
            ObjectNode root = NODES.objectNode();
            where.put(root, at(sheet, 0, 0)); // "the table": its first cell
            int r = 0;
            boolean any = false;
            String id = null;
            // the table block, then the column rows, up to the header row ("id" in column A)
            Map<String, Map<Integer, Cell>> columnRows = new LinkedHashMap<>();
            Map<String, Location> columnRowAt = new LinkedHashMap<>();
            int header = -1;
            for (; r <= last; r++) {
                Row row = sheet.getRow(r);
                if (blank(row)) continue;
                any = true;
                String key = key(row);
                if (key == null) {
                    findings.error("workbook.layout", at(sheet, r, 0), "a row of the table block has no key in column A",
                            "Write the key (" + String.join(", ", TABLE_KEYS.keySet()) + ", or a column row such as \"column label\") in column A, "
                                    + "or end the block with the header row (\"id\" in column A).");
                    return failed();
                }
                if (key.equals("id")) {
                    header = r;
                    break;
                }
                if (TABLE_KEYS.containsKey(key)) {
                    String field = TABLE_KEYS.get(key);
                    if (root.has(field)) {
                        findings.error("workbook.layout", at(sheet, r, 0), "\"" + key + "\" is given twice", "Keep one row for it.");
                        continue;
                    }
                    JsonNode v = NUMBER_FIELDS.contains(field) ? value(row.getCell(1), r, 1) : textNode(row.getCell(1), r, 1);
                    if (v != null) root.set(field, v);
                    if (field.equals("id") && v != null && v.isTextual()) id = v.asText();
                } else if (COLUMN_KEYS.containsKey(key)) {
                    Map<Integer, Cell> cells = new TreeMap<>();
                    for (Cell c : row) if (c.getColumnIndex() > 0) cells.put(c.getColumnIndex(), c);
                    columnRows.put(key, cells);
                    columnRowAt.put(key, at(sheet, r, 0));
                } else {
                    findings.error("workbook.layout", at(sheet, r, 0), "\"" + key + "\" is not a key of the table block",
                            "Keys are " + String.join(", ", TABLE_KEYS.keySet()) + ", and " + String.join(", ", COLUMN_KEYS.keySet())
                                    + "; the header row of the line items has \"id\" in column A.");
                    return failed();
                }
            }
            if (!any) {
                findings.error("workbook.empty", whole, "the sheet is empty", "Delete the sheet, or lay a table out in it (see docs/content-format.md).");
                return failed();
            }
            if (header < 0) {
                findings.error("workbook.layout", whole, "the sheet has no header row of line items (a row with \"id\" in column A)",
                        "Add the header row: id, label, notes, style, indent, then one column id per value column; a line item per row below it.");
                return failed();
            }
            if (id == null && !root.has("id")) {
                findings.error("workbook.layout", at(sheet, 0, 0), "the sheet names no table: its first rows need \"table\" in column A and the table id in column B",
                        "Add a row: table | income-statement (the id: lower-case letters, digits and '-').");
            }
            // the header row: line-item fields and value columns
            Row head = sheet.getRow(header);
            if (width(head) > MAX_COLUMNS) {
                findings.error("workbook.too-large", at(sheet, header, 0), "the header row uses " + width(head) + " columns, over the limit of " + MAX_COLUMNS,
                        "Keep one table per sheet; check that the row holds nothing to the right of the table.");
                return failed();
            }
            Map<Integer, String> fields = new TreeMap<>();
            Map<Integer, String> valueColumns = new TreeMap<>();
            Map<Integer, Boolean> textColumns = new TreeMap<>();
            ArrayNode columns = NODES.arrayNode();
            where.put(columns, at(sheet, header, 0));
            for (Cell c : head) {
                String h = text(c);
                if (h == null || h.isBlank()) continue;
                h = h.strip();
                int col = c.getColumnIndex();
                String field = ROW_FIELDS.get(h.toLowerCase(Locale.ROOT));
                if (field != null && !valueColumns.isEmpty()) field = null; // after the first value column every header is a column id
                if (field != null) {
                    if (fields.containsValue(field)) {
                        findings.error("workbook.layout", at(sheet, header, col), "the header row has \"" + h + "\" twice", "Keep one column for it.");
                    }
                    fields.put(col, field);
                    continue;
                }
                valueColumns.put(col, h);
                ObjectNode cn = NODES.objectNode();
                where.put(cn, at(sheet, header, col));
                cn.set("id", located(new TextNode(h), header, col));
                for (var e : columnRows.entrySet()) {
                    Cell pc = e.getValue().get(col);
                    String field2 = COLUMN_KEYS.get(e.getKey());
                    JsonNode v = NUMBER_FIELDS.contains(field2) ? value(pc, pc == null ? 0 : pc.getRowIndex(), col)
                            : textNode(pc, pc == null ? 0 : pc.getRowIndex(), col);
                    if (v != null) cn.set(field2, v);
                }
                textColumns.put(col, cn.has("kind") && "text".equals(cn.get("kind").asText()));
                columns.add(cn);
            }
            for (var e : columnRows.entrySet()) {
                for (Integer col : e.getValue().keySet()) {
                    Cell pc = e.getValue().get(col);
                    if (!valueColumns.containsKey(col) && text(pc) != null && !text(pc).isBlank()) {
                        findings.error("workbook.layout", at(sheet, pc.getRowIndex(), col), "\"" + e.getKey() + "\" has a value in a column that is not a value column "
                                + "(the header row names no column id there)", "Write it in the column of a column id of the header row, or clear the cell.");
                    }
                }
            }
            root.set("columns", columns);
            // line items, up to the first blank row
            ArrayNode rows = NODES.arrayNode();
            where.put(rows, at(sheet, header, 0));
            r = header + 1;
            for (; r <= last; r++) {
                Row row = sheet.getRow(r);
                if (blank(row)) break;
                if (width(row) > MAX_COLUMNS) {
                    findings.error("workbook.too-large", at(sheet, r, 0), "the row uses " + width(row) + " columns, over the limit of " + MAX_COLUMNS,
                            "Keep one table per sheet; check that the row holds nothing to the right of the table.");
                    return failed();
                }
                ObjectNode item = NODES.objectNode();
                where.put(item, at(sheet, r, 0));
                for (var fe : fields.entrySet()) {
                    Cell c = row.getCell(fe.getKey());
                    String field = fe.getValue();
                    JsonNode v;
                    if (LIST_FIELDS.contains(field)) v = list(c, r, fe.getKey());
                    else if (NUMBER_FIELDS.contains(field)) v = value(c, r, fe.getKey());
                    else v = textNode(c, r, fe.getKey());
                    if (v != null) item.set(field, v);
                }
                ObjectNode values = NODES.objectNode();
                for (Cell c : row) {
                    int col = c.getColumnIndex();
                    if (fields.containsKey(col)) continue;
                    String column = valueColumns.get(col);
                    if (column == null) {
                        if (text(c) != null || c.getCellType() == CellType.ERROR || c.getCellType() == CellType.FORMULA) {
                            findings.error("workbook.layout", at(sheet, r, col), "a value in a column without a header",
                                    "Give the column an id in the header row (row " + (header + 1) + "), or clear the cell.");
                        }
                        continue;
                    }
                    JsonNode v = amount(c, r, col, column, textColumns.get(col));
                    if (v != null) values.set(column, v);
                }
                if (!values.isEmpty()) {
                    where.put(values, at(sheet, r, valueColumns.keySet().iterator().next()));
                    item.set("values", values);
                }
                rows.add(item);
            }
            root.set("rows", rows);
            // records after the line items
            for (; r <= last; r++) {
                Row row = sheet.getRow(r);
                if (blank(row)) continue;
                String key = key(row);
                List<String> names = key == null ? null : RECORDS.get(key);
                if (names == null) {
                    findings.error("workbook.layout", at(sheet, r, 0), "after the line items (which end at the blank row " + blankAbove(r)
                            + ") a row must be a footnote, column group, column sum or computed record",
                            "Remove the blank row if this is a line item, or start the row with \"footnote\", \"column group\", \"column sum\" or \"computed\".");
                    continue;
                }
                ObjectNode rec = NODES.objectNode();
                where.put(rec, at(sheet, r, 0));
                for (int k = 0; k < names.size(); k++) {
                    Cell c = row.getCell(k + 1);
                    JsonNode v = RECORD_LIST_FIELDS.contains(key + "/" + names.get(k)) ? list(c, r, k + 1) : textNode(c, r, k + 1);
                    if (v != null) rec.set(names.get(k), v);
                }
                String listName = RECORD_LISTS.get(key);
                JsonNode list = root.get(listName);
                if (list == null) {
                    list = NODES.arrayNode();
                    where.put(list, at(sheet, r, 0));
                    root.set(listName, list);
                }
                ((ArrayNode) list).add(rec);
            }
            boolean failed = findings.list().subList(before, findings.list().size()).stream().anyMatch(x -> x.isError());
            if (failed && id == null) return failed();
            return new SheetTable(name, id, LocatedJson.of(file, root, where), failed);
        }

        /** A sheet that cannot be read as a table: its id (when the sheet names one) is all the loader gets, to mark it damaged. */
        private SheetTable failed() {
            return new SheetTable(sheet.getSheetName(), peekId(), null, true);
        }

        private String peekId() {
            for (int r = 0; r <= Math.min(sheet.getLastRowNum(), MAX_ROWS); r++) {
                Row row = sheet.getRow(r);
                if (row != null && "table".equals(key(row))) {
                    String v = text(row.getCell(1));
                    return v == null || v.isBlank() ? null : v.strip();
                }
            }
            return null;
        }

        private int blankAbove(int r) {
            int b = r - 1;
            while (b > 0 && !blank(sheet.getRow(b - 1))) b--;
            return b + 1;
        }

        private String key(Row row) {
            String k = text(row.getCell(0));
            return k == null || k.isBlank() ? null : k.strip().toLowerCase(Locale.ROOT);
        }

        private boolean blank(Row row) {
            if (row == null) return true;
            for (Cell c : row) if (!blank(c)) return false;
            return true;
        }

        private static boolean blank(Cell c) {
            return c.getCellType() == CellType.BLANK || (c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank());
        }

        /** The columns a row uses up to its last cell with a value (formatted empty cells do not count). */
        private static int width(Row row) {
            int w = 0;
            for (Cell c : row) if (!blank(c)) w = c.getColumnIndex() + 1;
            return w;
        }

        private <T extends JsonNode> T located(T node, int r, int c) {
            where.put(node, at(sheet, r, c));
            return node;
        }

        /** A text field; a number is taken as its digits (a note "5", a label "2025"). */
        private JsonNode textNode(Cell c, int r, int col) {
            if (!readable(c, r, col)) return null;
            String s = text(c);
            if (s == null || s.isBlank()) return null;
            try {
                return located(new TextNode(LocatedJson.checkText(s, at(sheet, r, col), "the cell")), r, col);
            } catch (ContentSyntaxException e) {
                findings.error(e.code(), e.location(), e.getMessage(), e.hint());
                return null;
            }
        }

        /** A comma-separated list of ids (notes, footnotes, rows of a sum, columns). */
        private JsonNode list(Cell c, int r, int col) {
            JsonNode t = textNode(c, r, col);
            if (t == null) return null;
            ArrayNode a = located(NODES.arrayNode(), r, col);
            for (String part : t.asText().split(",")) if (!part.isBlank()) a.add(located(new TextNode(part.strip()), r, col));
            return a;
        }

        /** A number field or a text that the table reader then reports as the wrong kind. */
        private JsonNode value(Cell c, int r, int col) {
            if (!readable(c, r, col)) return null;
            CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
            if (t == CellType.NUMERIC) return located(NODES.numberNode(number(c.getNumericCellValue())), r, col);
            return textNode(c, r, col);
        }

        /** A value cell: a number, nil (a dash or nothing), "n.m.", or the text of a text column. */
        private JsonNode amount(Cell c, int r, int col, String column, boolean textColumn) {
            if (!readable(c, r, col)) return null;
            CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
            if (t == CellType.BLANK) return null;
            if (textColumn) return textNode(c, r, col);
            if (t == CellType.NUMERIC) return located(NODES.numberNode(number(c.getNumericCellValue())), r, col);
            String s = text(c);
            if (s == null || s.isBlank()) return null;
            if (NIL.contains(s.strip())) return located(NODES.nullNode(), r, col);
            if (org.reportsite.model.Row.NOT_MEANINGFUL.matcher(s.strip()).matches()) return textNode(c, r, col);
            findings.error("workbook.text-in-number", at(sheet, r, col), "column \"" + column + "\" holds amounts, but the cell holds "
                    + (t == CellType.BOOLEAN ? "the logical value " + s : "the text \"" + JsonFields.shown(s) + "\""),
                    "Type the amount as a number (no apostrophe in front, no letters; Excel shows a number right-aligned), "
                            + "a dash \"–\" for nil, or \"n.m.\" where the report prints that a percentage is not meaningful.");
            return null;
        }

        /** A cell holding an error value, or a formula Excel never computed, cannot be read (a finding at the cell). */
        private boolean readable(Cell c, int r, int col) {
            if (c == null) return false;
            if (c.getCellType() == CellType.ERROR || (c.getCellType() == CellType.FORMULA && c.getCachedFormulaResultType() == CellType.ERROR)) {
                String shown;
                try {
                    shown = FormulaError.forInt(c.getErrorCellValue()).getString();
                } catch (RuntimeException e) {
                    shown = "an error";
                }
                String formula = c.getCellType() == CellType.FORMULA ? " (formula =" + c.getCellFormula() + ")" : "";
                findings.error("workbook.error-value", at(sheet, r, col), "the cell shows " + shown + formula + ", not a value",
                        "Correct the formula (or type the value) so that the cell shows the figure, then save the workbook again.");
                return false;
            }
            if (c.getCellType() == CellType.FORMULA && c instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                findings.error("workbook.uncomputed", at(sheet, r, col), "the formula =" + c.getCellFormula() + " has no saved result",
                        "Open the workbook in Excel (or LibreOffice) and save it: a workbook written by a program often leaves formulas uncalculated.");
                return false;
            }
            return true;
        }
    }
}
