package org.reportsite.model;

/**
 * Where something came from: a content file (relative to the content folder), line and column (1-based; 0 = unknown).
 * In a workbook ({@code sheet} not null) the line is the spreadsheet row and the column its column number, and the
 * place reads as a spreadsheet user names it: {@code data/results.xlsx › Income statement › C14}.
 */
public record Location(String file, int line, int column, String sheet) {
    public Location(String file, int line, int column) { this(file, line, column, null); }

    public static Location of(String file) { return new Location(file, 0, 0); }

    /** A cell of a workbook's sheet (row and column 1-based; 0 for the sheet as a whole). */
    public static Location cell(String file, String sheet, int row, int column) { return new Location(file, row, column, sheet); }

    public Location atLine(int line) { return new Location(file, line, 0, sheet); }

    /** The cell's name as a spreadsheet writes it ({@code C14}), or null outside a workbook or for a whole sheet. */
    public String cellName() {
        if (sheet == null || line <= 0 || column <= 0) return null;
        return columnName(column) + line;
    }

    /** 1 → A, 26 → Z, 27 → AA. */
    public static String columnName(int column) {
        StringBuilder sb = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) sb.insert(0, (char) ('A' + (c - 1) % 26));
        return sb.toString();
    }

    @Override
    public String toString() {
        if (file == null) return "(no file)";
        if (sheet != null) {
            String cell = cellName();
            return file + " › " + sheet + (cell != null ? " › " + cell : line > 0 ? " › row " + line : "");
        }
        if (line <= 0) return file;
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
