package org.innoreg.chassis.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an Excel workbook ({@code .xlsx}) into the rows of cells a CSV file
 * gives ({@link ImportRows}), streaming: the sheet's XML is parsed as it is inflated (POI's event
 * API, SAX), never held as a whole, so a 100,000-row workbook costs about what the same rows cost
 * as CSV. Only the shared strings (the sheet's distinct texts) are held, as Excel's format
 * requires.
 *
 * <p>Cells become the text the CSV path parses: a date cell (a number with a date format) {@code
 * 2022-05-10}, a number its plain decimal digits ({@code 1200000000}, never {@code 1.2E9} nor the
 * format's thousands separators), a text cell its text (so a region or credit code typed as text
 * keeps its leading zeros, and {@code 2022/5/10} or {@code 5000万元} are read as in a CSV file).
 * Formulas give their computed value.
 *
 * <p>What is not a workbook is a 400 problem (not a zip file, a damaged one, an encrypted one, an
 * old {@code .xls}, one without a sheet); one that inflates to too much (a zip bomb) a 413 — before
 * anything is imported.
 */
final class XlsxReader {

    /**
     * The most a part of the workbook may inflate to. The sheet is streamed, so this bounds time;
     * the shared strings are held, so they get a lower bound ({@link #MAX_SHARED_STRINGS_BYTES}). A
     * 200,000-row sheet of 25 columns is about 230 MB of XML.
     */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

    /**
     * The most the shared strings part may declare: it is read into memory whole (services run at
     * -Xmx256m).
     */
    static final long MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;

    static {
        // POI's zip-bomb guards are static: an entry may not inflate to more than this, nor by more
        // than 100 times (POI's default minimum ratio of 0.01, kept); either is an IOException
        // while reading, reported as a 413.
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private XlsxReader() {}

    /**
     * Whether the bytes start as a workbook does (an Office Open XML zip, or an OLE2 file: an
     * encrypted workbook or an old .xls). {@code in} must support mark and reset ({@link
     * FileMagic#prepareToCheckMagic}).
     */
    static boolean looksLikeWorkbook(InputStream in) {
        try {
            FileMagic magic = FileMagic.valueOf(in);
            return magic == FileMagic.OOXML || magic == FileMagic.OLE2;
        } catch (IOException
                | RuntimeException e) { // POI's EmptyFileException for an empty body, among others
            return false;
        }
    }

    /**
     * Feeds the workbook's first sheet to {@code rows}: its first non-empty row is the header, the
     * rest are rows. The body is written to a temporary file first (deleted after): POI reads a zip
     * file's parts from it one at a time, while from a stream it would inflate every part into
     * memory.
     */
    static void read(InputStream body, ImportRows rows) {
        Path file = null;
        try {
            file = Files.createTempFile("innoreg-import-", ".xlsx");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            checkMagic(file);
            readPackage(file, rows);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException
                | RuntimeException
                        e) { // a file POI's checks of the bytes trip over: bad input, not a 500
            throw bombOr(e, Messages.text("field.workbook-unreadable", message(e)));
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // the temporary directory's cleaner takes it
                }
            }
        }
    }

    private static void checkMagic(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw notAWorkbook(Messages.text("field.workbook-empty"));
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OOXML) {
            return;
        }
        if (magic == FileMagic.OLE2) {
            boolean encrypted;
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                encrypted = fs.getRoot().hasEntryCaseInsensitive(Decryptor.DEFAULT_POIFS_ENTRY);
            } catch (IOException | RuntimeException e) {
                throw notAWorkbook(Messages.text("field.workbook-damaged-ole2"));
            }
            throw notAWorkbook(
                    Messages.text(encrypted ? "field.workbook-encrypted" : "field.workbook-xls"));
        }
        throw notAWorkbook(Messages.text("field.not-a-workbook"));
    }

    private static void readPackage(Path file, ImportRows rows) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            throw bombOr(e, Messages.text("field.workbook-not-a-package", message(e)));
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            for (PackagePart part :
                    pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
                if (part.getSize() > MAX_SHARED_STRINGS_BYTES) {
                    throw tooLarge(
                            Messages.text(
                                    "detail.workbook-shared-strings",
                                    MAX_SHARED_STRINGS_BYTES / (1024 * 1024)));
                }
            }
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            // a workbook made by a tool that writes no styles part: POI's default styles (General
            // for every cell)
            StylesTable styles =
                    reader.getStylesTable() == null ? new StylesTable() : reader.getStylesTable();
            boolean date1904 = date1904(reader);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw notAWorkbook(Messages.text("field.workbook-no-sheet"));
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader(); // POI's: no external entities, no DTDs
                XlsxSheetRows handler = new XlsxSheetRows(rows);
                parser.setContentHandler(
                        new XSSFSheetXMLHandler(
                                styles, null, strings, handler, new XlsxCellText(date1904), false));
                parser.parse(new InputSource(sheet));
                if (!rows.hasHeader()) {
                    throw notAWorkbook(Messages.text("field.workbook-sheet-empty"));
                }
            }
        } catch (SAXException e) {
            if (e.getException() instanceof ProblemException problem) {
                throw problem;
            }
            throw bombOr(e, Messages.text("field.workbook-sheet-damaged", message(e)));
        } catch (ProblemException e) {
            throw e;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(
                    "no XML parser", e); // the runtime's, not the file's fault
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException
                | org.apache.xmlbeans.XmlException
                | RuntimeException e) {
            throw bombOr(e, Messages.text("field.workbook-damaged", message(e)));
        } finally {
            pkg.revert(); // opened to read: closing would try to save it
        }
    }

    /** Whether the workbook counts dates from 1904 (old Excel for Mac) instead of 1900. */
    private static boolean date1904(XSSFReader reader)
            throws IOException,
                    org.apache.poi.openxml4j.exceptions.OpenXML4JException,
                    org.apache.xmlbeans.XmlException {
        try (InputStream in = reader.getWorkbookData()) {
            CTWorkbook workbook =
                    WorkbookDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS)
                            .getWorkbook();
            return workbook.isSetWorkbookPr() && workbook.getWorkbookPr().getDate1904();
        }
    }

    private static ProblemException notAWorkbook(String message) {
        return ProblemException.invalid("body", message);
    }

    private static ProblemException tooLarge(String message) {
        return new ProblemException(
                ProblemException.Kind.TOO_LARGE,
                "workbook-too-large",
                Messages.text(
                        "detail.workbook-too-large",
                        message,
                        MAX_ENTRY_BYTES / (1024 * 1024),
                        Math.round(1 / ZipSecureFile.getMinInflateRatio())),
                List.of());
    }

    /**
     * A zip bomb (POI's guards say so in the message) is a 413; anything else a 400 with this
     * message.
     */
    private static ProblemException bombOr(Throwable e, String message) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb")) {
                return tooLarge(Messages.text("detail.workbook-bomb"));
            }
        }
        return notAWorkbook(message);
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
