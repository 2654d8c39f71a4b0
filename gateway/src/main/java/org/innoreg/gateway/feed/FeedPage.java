package org.innoreg.gateway.feed;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the feed's page is described (the resource writes the events as it stored them): CloudEvents
 * 1.0 in structured JSON. The merged document replaces {@code CloudEvent} in the items by one
 * schema per aggregate, with {@code data} the aggregate as its service describes it (EventSchemas),
 * the same schemas the AsyncAPI document uses.
 */
@Schema(name = "CloudEventPage", description = "A page of the event feed")
public record FeedPage(
        @Schema(required = true) List<CloudEvent> items,
        @Schema(
                        required = true,
                        description =
                                "Path and query of the next page: poll it again later when this one is empty",
                        example = "/api/v1/events?after=1042&limit=100")
                String next) {

    /** One event as the feed and its stream send it. */
    @Schema(name = "CloudEvent", description = "A CloudEvent 1.0 in structured JSON mode")
    public record CloudEvent(
            @Schema(required = true, enumeration = "1.0") String specversion,
            @Schema(required = true, description = "Unique per event: de-duplicate by it")
                    String id,
            @Schema(
                            required = true,
                            description = "urn:innoreg:<service>",
                            example = "urn:innoreg:registry")
                    String source,
            @Schema(
                            required = true,
                            description = "org.innoreg.<service>.<aggregate>.<action>",
                            example = "org.innoreg.registry.platform.created")
                    String type,
            @Schema(required = true, description = "The aggregate's id") String subject,
            @Schema(required = true, format = "date-time") String time,
            @Schema(description = "application/json") String datacontenttype,
            @Schema(
                            required = true,
                            pattern = "^[0-9]{20}$",
                            description =
                                    "The aggregate's version after the change, zero-padded to sort as text")
                    String sequence,
            @Schema(description = "Who made the change, where known") String actor,
            @Schema(
                            required = true,
                            description =
                                    "The aggregate's full state after the change (its last state for a delete)")
                    Object data) {}
}
