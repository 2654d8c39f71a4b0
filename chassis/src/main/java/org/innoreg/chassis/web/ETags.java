package org.innoreg.chassis.web;

import jakarta.ws.rs.core.EntityTag;

/** Entity tags of versioned records: the record's version, as a strong tag. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }
}
