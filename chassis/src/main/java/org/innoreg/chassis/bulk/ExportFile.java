package org.innoreg.chassis.bulk;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What every export endpoint takes to choose its file, as one {@code @BeanParam} (with
 * {@code @Valid}, so a wrong {@code format} is a 400 naming it): {@code format}, or else the Accept
 * header, and {@code bom}. The endpoint's own filters stay its parameters.
 */
public class ExportFile {

    @Parameter(description = BulkFormat.FORMAT_DESCRIPTION)
    @QueryParam("format")
    @Pattern(regexp = BulkFormat.FORMAT_PATTERN, message = BulkFormat.FORMAT_MESSAGE)
    String format;

    @Parameter(
            description =
                    "CSV only: start the file with a UTF-8 byte-order "
                            + "mark (the default), so Excel opens its Chinese text right; `false` for tools that do not expect one. "
                            + "Imports accept either.")
    @QueryParam("bom")
    @DefaultValue("true")
    boolean bom;

    @Context HttpHeaders headers;

    /** The format asked for: {@code format}, else the first file type Accept names, else CSV. */
    public BulkFormat format() {
        return BulkFormat.of(format, headers.getAcceptableMediaTypes());
    }

    /** Whether a CSV file starts with a byte-order mark. */
    public boolean bom() {
        return bom;
    }
}
