package org.innoreg.chassis.bulk;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * The formats of bulk files, the same in every service: which an export writes (its {@code format}
 * parameter, else the request's {@code Accept}) and which reader an import's Content-Type picks.
 */
public enum BulkFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    JSONL("jsonl", "application/jsonl; charset=UTF-8"),
    XLSX("xlsx", BulkFormat.XLSX_TYPE);

    /** An Excel workbook (Office Open XML), as Excel saves {@code .xlsx}. */
    public static final String XLSX_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What an export's {@code format} parameter may say. */
    public static final String FORMAT_PATTERN = "csv|jsonl|xlsx";

    /** Its message, in the request's language (ValidationMessages). */
    public static final String FORMAT_MESSAGE = "{innoreg.export-format}";

    public static final String FORMAT_DESCRIPTION =
            "`csv` (the default) in the import's format, `xlsx` an Excel workbook with "
                    + "the import's columns under Chinese headers (dates as date cells, amounts as numbers, codes as text), or "
                    + "`jsonl` JSON lines. Without it, `Accept: "
                    + XLSX_TYPE
                    + "` asks for the workbook.";

    /** What every import's description says first: the CSV files it reads. */
    public static final String IMPORT_CSV =
            "CSV with a header row, in UTF-8 (with or without a byte-order mark) or GB18030/GBK (recognised from the bytes, "
                    + "or named by `charset=` in Content-Type); a byte that does not decode is a 400 problem naming its line "
                    + "and column. A file exported here carries each record's `version`: a row whose record changed after the "
                    + "export is refused (export again), so that an old file never undoes a later change. A text cell an export "
                    + "wrote with a leading apostrophe (one starting with =, +, -, @, which spreadsheets would run as a formula) "
                    + "is read without it. ";

    /** What every import's description says of workbooks. */
    public static final String IMPORT_WORKBOOK =
            " An Excel workbook (`"
                    + XLSX_TYPE
                    + "`, or `application/octet-stream` "
                    + "whose bytes are one) is read the same way: its first sheet, its first non-empty row the header (the same "
                    + "Chinese or English column names), date cells as dates, number cells as numbers, text cells as a CSV "
                    + "file's cells, empty rows ignored; an error names the row and the column as the sheet does, and the "
                    + "cell (`cell`: C7). A file that is not a workbook, is damaged, password-protected or an old .xls is a 400 "
                    + "problem; one that inflates to too much (a zip bomb) or has too many rows a 413; nothing is imported.";

    /** The description of an export's workbook response. */
    public static final String EXPORT_WORKBOOK =
            "An Excel workbook of one sheet: the import's columns under their Chinese "
                    + "names, dates as date cells, amounts and counts as numbers, codes and ids as text cells (leading zeros kept)";

    private final String name;
    private final String contentType;

    BulkFormat(String name, String contentType) {
        this.name = name;
        this.contentType = contentType;
    }

    /** The file name's extension, and the {@code format} parameter's value. */
    public String extension() {
        return name;
    }

    /** The response's Content-Type. */
    public String contentType() {
        return contentType;
    }

    /**
     * The format an export writes: the {@code format} parameter when given (already validated
     * against {@link #FORMAT_PATTERN}), else the workbook when the request accepts it and not CSV
     * first, else CSV.
     */
    public static BulkFormat of(String format, List<MediaType> accepted) {
        if (format != null && !format.isBlank()) {
            return valueOf(format.strip().toUpperCase(Locale.ROOT));
        }
        // The list is in the client's order of preference: the first of ours it names wins.
        for (MediaType type : accepted == null ? List.<MediaType>of() : accepted) {
            if (isWorkbook(type)) {
                return XLSX;
            }
            if (type.isCompatible(MediaType.valueOf("text/csv")) && !type.isWildcardType()) {
                return CSV;
            }
            if (type.getType().equals("application") && type.getSubtype().equals("jsonl")) {
                return JSONL;
            }
        }
        return CSV;
    }

    /** Whether a request's Content-Type names an Excel workbook. */
    static boolean isWorkbook(MediaType type) {
        return type != null
                && (type.getType() + "/" + type.getSubtype()).equalsIgnoreCase(XLSX_TYPE);
    }

    /**
     * Whether a request's Content-Type says no more than "bytes" (the workbook is then told from
     * its own bytes).
     */
    static boolean isOctetStream(MediaType type) {
        return type != null
                && type.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                && !type.isWildcardType()
                && !type.isWildcardSubtype();
    }

    /** The Content-Disposition of an export named {@code base}. */
    public String attachment(String base) {
        return "attachment; filename=\"" + base + "." + name + "\"";
    }
}
