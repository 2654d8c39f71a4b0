package org.innoreg.indicators.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a rebuild of the derived indicators did. */
@Schema(name = "DerivedRebuildReport")
public record RebuildReport(
        @Schema(description = "Events read from the topics' beginning") long eventsRead,
        @Schema(description = "Derived cells whose value changed (each one revision)")
                long cellsChanged,
        long tookMillis) {}
