package org.reportsite.site;

/**
 * Text written into a spreadsheet download (the CSV of each table now; any later workbook export too). A text
 * cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return (or their
 * full-width forms) is a formula to Excel and its peers when the file is opened ("CSV injection"):
 * {@code =HYPERLINK(...)} in a label would run in the reader's spreadsheet. Such a cell gets a leading
 * apostrophe, so it is shown as the text it is. Only text cells pass through here: amounts are written as
 * numbers and stay numeric (a negative amount keeps its minus sign).
 */
public final class SpreadsheetText {
    private SpreadsheetText() {}

    /** The text as it may go into a text cell. */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) return text;
        return startsAFormula(text) ? "'" + text : text;
    }

    /**
     * Whether a spreadsheet could read the text as a formula: it starts with a tab or CR (which spreadsheets drop
     * before reading what follows), or with a formula character after any leading white space or control characters.
     */
    static boolean startsAFormula(String text) {
        char first = text.charAt(0);
        if (first == '\t' || first == '\r') return true;
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || Character.isISOControl(text.charAt(i)))) i++;
        if (i == text.length()) return false;
        return switch (text.charAt(i)) {
            case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
