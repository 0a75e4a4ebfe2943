package io.spock.metadata.universe;

/**
 * CSV injection (OWASP, "CSV Injection"): a cell that starts with {@code = + - @}, a TAB or a carriage return is read
 * as a formula by Excel and other spreadsheets. {@code export-csv --for-excel} prefixes such a cell with a single
 * quote, which spreadsheets show as text; {@code import-csv} takes the quote off again, so both forms read back the
 * same.
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    static boolean startsFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** The cell as a spreadsheet must get it: {@code =HYPERLINK(…)} becomes {@code '=HYPERLINK(…)}. */
    static String neutralised(String text) {
        return startsFormula(text) ? "'" + text : text;
    }

    /** A neutralised cell back as it was; any other cell unchanged. */
    static String restored(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && startsFormula(cell.substring(1)) ? cell.substring(1)
                : cell;
    }
}
