package org.innoreg.chassis.bulk;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every import endpoint takes besides the file, as one {@code @BeanParam}: {@code dryRun}, and
 * the Content-Type that says whether the body is CSV (and in which charset) or a workbook.
 */
public class ImportFile {

    @Parameter(
            description =
                    "Only report what the import would do (the default): nothing is changed. "
                            + "`false` imports for real.")
    @QueryParam("dryRun")
    @DefaultValue("true")
    boolean dryRun;

    @Context HttpHeaders headers;

    /** Reads the body and imports its rows by the spec: only a report on a dry run. */
    public <I, K, E> ImportReport run(
            CsvImporter importer, InputStream body, CsvImporter.Spec<I, K, E> spec) {
        return importer.run(body, headers.getMediaType(), spec, dryRun);
    }
}
