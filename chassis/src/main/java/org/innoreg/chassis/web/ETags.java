package org.innoreg.chassis.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Entity tags of versioned records: the record's version, as a strong tag. */
public final class ETags {

    /**
     * What a required If-Match header is, for its {@code @Parameter}: declared required, since the
     * change answers 428 without it (OpenApiOperations adds the 412 and 428 responses).
     */
    public static final String IF_MATCH =
            "The ETag of your last read of the record: without it the change is refused (428), "
                    + "with an older one it is refused as stale (412)";

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A 200 whose body is one versioned record, tagged with its version. */
    public static Response ok(Object view, long version) {
        return Response.ok(view).tag(of(version)).build();
    }

    /**
     * A 201 whose body is the versioned record just created, tagged with its version, with its
     * address in Location.
     */
    public static Response created(String location, Object view, long version) {
        return Response.created(URI.create(location)).tag(of(version)).entity(view).build();
    }
}
