package org.innoreg.chassis.bulk;

/**
 * Text cells a spreadsheet would run as formulas. A CSV cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is a formula to Excel and WPS once the file is
 * opened (OWASP's "CSV injection"): a platform named {@code =HYPERLINK(…)} would become a live link
 * in every bureau's export. The export writes such a text with a leading apostrophe, which
 * spreadsheets show as text and hide; the import takes the apostrophe off again, so that a file
 * exported and imported back keeps the value. Workbooks need neither: their text cells are text.
 */
final class FormulaCells {

    private FormulaCells() {}

    /** The text as a CSV cell no spreadsheet evaluates. */
    static String defused(String text) {
        return startsAFormula(text, 0) ? "'" + text : text;
    }

    /** A CSV cell's text, without the apostrophe {@link #defused} put before a formula's start. */
    static String restored(String cell) {
        return cell != null && cell.startsWith("'") && startsAFormula(cell, 1)
                ? cell.substring(1)
                : cell;
    }

    private static boolean startsAFormula(String text, int at) {
        if (text == null || text.length() <= at) {
            return false;
        }
        return switch (text.charAt(at)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
