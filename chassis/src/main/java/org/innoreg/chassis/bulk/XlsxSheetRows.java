package org.innoreg.chassis.bulk;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;

/**
 * The rows of a workbook's sheet, cell by cell as the streaming parser finds them (an empty cell is
 * not in the file at all), fed to {@link ImportRows}: the first non-empty row is the header; a
 * formula's error value, or a value under no header, is a 400 problem naming its cell.
 */
final class XlsxSheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final ImportRows rows;
    private final List<String> cells = new ArrayList<>();

    /** The header's width, and where it has no name: a value there belongs to no column. */
    private List<String> header;

    private int nextColumn;

    XlsxSheetRows(ImportRows rows) {
        this.rows = rows;
    }

    @Override
    public void startRow(int rowNum) {
        cells.clear();
        nextColumn = 0;
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
        int column =
                reference == null
                        ? nextColumn
                        : CellReference.convertColStringToIndex(letters(reference));
        nextColumn = column + 1;
        if (value != null
                && value.startsWith("ERROR:#")) { // what the handler makes of an error cell
            throw ProblemException.invalid(
                            "body",
                            Messages.text(
                                    "field.cell-formula-error",
                                    reference == null ? "?" : reference,
                                    value.substring("ERROR:".length())))
                    .with("cell", reference);
        }
        while (cells.size() <= column) {
            cells.add(null);
        }
        cells.set(column, value);
    }

    @Override
    public void endRow(int rowNum) {
        if (header == null) {
            if (cells.stream().allMatch(XlsxSheetRows::blank)) {
                return; // empty rows above the header
            }
            header = new ArrayList<>();
            cells.forEach(c -> header.add(blank(c) ? null : c));
            rows.header(header);
            return;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (!blank(cells.get(i)) && (i >= header.size() || header.get(i) == null)) {
                String ref = CellReference.convertNumToColString(i) + (rowNum + 1);
                throw ProblemException.invalid(
                                "body", Messages.text("field.cell-without-header", ref))
                        .with("cell", ref);
            }
        }
        rows.row(rowNum + 1, new ArrayList<>(cells));
    }

    private static String letters(String reference) {
        int end = 0;
        while (end < reference.length() && Character.isLetter(reference.charAt(end))) {
            end++;
        }
        return reference.substring(0, end);
    }

    private static boolean blank(String cell) {
        return cell == null || cell.isBlank();
    }
}
