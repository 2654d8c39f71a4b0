package org.innoreg.chassis.bulk;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The response of an export, the same in every service: its Content-Type, its file name, its body.
 */
public final class BulkExport {

    private BulkExport() {}

    /** Writes an export's file to a stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * CSV and JSON lines stream as they are written. A workbook is written whole before the
     * response starts (to a temporary file, not memory): a zip's entries are written only at its
     * end anyway, and so whatever refuses it (more rows than a sheet holds) is a problem response
     * rather than a cut-off download.
     *
     * @param name the file's name without its extension ({@code platforms})
     */
    public static Response response(BulkFormat format, String name, Body body) {
        Response.ResponseBuilder response;
        if (format == BulkFormat.XLSX) {
            Path file = written(body);
            StreamingOutput copy =
                    out -> {
                        try (InputStream in = Files.newInputStream(file)) {
                            in.transferTo(out);
                        } finally {
                            Files.deleteIfExists(file);
                        }
                    };
            response = Response.ok(copy, format.contentType()).header("Content-Length", size(file));
        } else {
            response = Response.ok((StreamingOutput) body::writeTo, format.contentType());
        }
        return response.header("Content-Disposition", format.attachment(name)).build();
    }

    private static Path written(Body body) {
        Path file = null;
        try {
            file = Files.createTempFile("innoreg-export-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                body.writeTo(out);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException((IOException) e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // the temporary directory's cleaner takes it
        }
    }
}
