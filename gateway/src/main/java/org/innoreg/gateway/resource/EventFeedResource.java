package org.innoreg.gateway.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.regions.RegionReadModel;
import org.innoreg.chassis.security.Caller;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.web.OpenApiDefaults;
import org.innoreg.chassis.web.Page;
import org.innoreg.gateway.asyncapi.PublishedChannels;
import org.innoreg.gateway.feed.FeedPage;
import org.innoreg.gateway.feed.FeedRepository;
import org.innoreg.gateway.feed.FeedRepository.Entry;
import org.innoreg.gateway.feed.FeedRepository.FeedFilter;
import org.innoreg.gateway.openapi.OpenApiSources;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Event feed",
        description = "Every change of the suite as CloudEvents, for partner systems")
public class EventFeedResource {

    private static final String SINCE =
            "Only events whose CloudEvents `time` is at or after this instant (RFC 3339, "
                    + "with `Z` or an offset). Combines with the cursor and the other filters.";

    private final KnownRegions regions;
    private final FeedRepository feed;
    private final ObjectMapper json;
    private final Caller caller;

    /** The services' documents, whose event contracts say what each type's data withholds. */
    private final OpenApiSources sources;

    EventFeedResource(
            FeedRepository feed,
            ObjectMapper json,
            Caller caller,
            OpenApiSources sources,
            KnownRegions regions) {
        this.regions = regions;
        this.caller = caller;
        this.sources = sources;
        this.feed = feed;
        this.json = json;
    }

    @GET
    @Operation(
            summary = "Read the event feed",
            description =
                    "CloudEvents 1.0 (structured JSON) in a stable order. Start without a cursor, then follow "
                            + "`next`; an empty page means you are up to date: poll again with the same cursor later. `since` skips the events "
                            + "before a time (the `next` links keep it). Fields a bureau "
                            + "does not publish (a project's supervising official: each topic's `unpublished` fields in the service's "
                            + "event contract) are left out of `data` unless the caller is an authenticated reader; an event whose "
                            + "contract the gateway has not read yet comes without `data` for such a caller.")
    @APIResponse(
            responseCode = "200",
            description = "A page of events",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FeedPage.class)))
    // its Problem body and example are the chassis's, as for every problem response
    @APIResponse(responseCode = "400", description = "Malformed cursor or filter")
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Page<JsonNode> read(
            @Parameter(
                            description =
                                    "Cursor: the position after which to read (from a previous `next`)",
                            example = "0")
                    @QueryParam("after")
                    @DefaultValue("0")
                    @Min(0)
                    long after,
            @Parameter(
                            description = "Only events of this CloudEvents type",
                            example = "org.innoreg.registry.platform.created")
                    @QueryParam("type")
                    @Size(max = 200)
                    @Pattern(regexp = "[A-Za-z0-9.\\-_]+", message = "{innoreg.cloudevents-type}")
                    String type,
            @Parameter(description = "Only events of this aggregate (CloudEvents subject)")
                    @QueryParam("subject")
                    @Size(max = 200)
                    String subject,
            @Parameter(
                            description =
                                    "Only events about this region or its descendants, and the"
                                            + " event that moved a record out of them."
                                            + RegionReadModel.CATCH_UP,
                            example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @Parameter(description = SINCE, example = "2026-12-01T08:00:00+08:00")
                    @QueryParam("since")
                    OffsetDateTime since,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        regions.require("region", region);
        List<Entry> entries =
                feed.after(after, new FeedFilter(type, subject, region, since), limit);
        boolean reader = caller.isReader();
        Map<String, List<String>> unpublished = reader ? Map.of() : unpublishedByType();
        List<JsonNode> events = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            JsonNode event = parse(entry.event());
            events.add(reader ? event : PublishedChannels.asPublished(event, unpublished));
        }
        long last = entries.isEmpty() ? after : entries.get(entries.size() - 1).position();
        UriBuilder next =
                UriBuilder.fromPath("/api/v1/events")
                        .queryParam("after", last)
                        .queryParam("limit", limit);
        if (type != null) {
            next.queryParam("type", type);
        }
        if (subject != null) {
            next.queryParam("subject", subject);
        }
        if (region != null) {
            next.queryParam("region", region);
        }
        if (since != null) {
            next.queryParam("since", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(since));
        }
        return new Page<>(events, null, null, next.build().toString());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Follow the event feed live (Server-Sent Events)",
            description =
                    "Each SSE event is one CloudEvent: `id` is its feed position, `event` its type, `data` the "
                            + "CloudEvent JSON. Starts after `after` (default: now); a client that reconnects with "
                            + "`Last-Event-ID` resumes right after the last event it received, without gaps or repeats.")
    @APIResponse(
            responseCode = "200",
            description = "An endless stream of events",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            description =
                                                    "Server-Sent Events: `id:` the feed position, `event:` the CloudEvents type, `data:` one "
                                                            + "CloudEvent in structured JSON, as an item of the feed's page (`#/components/schemas/CloudEventPage`)")))
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    @Blocking // resolving the caller's token may block: not on the I/O thread
    public Multi<OutboundSseEvent> stream(
            @Parameter(
                            description =
                                    "Resume after this feed position (sent automatically by EventSource clients)")
                    @HeaderParam("Last-Event-ID")
                    @Pattern(regexp = "[0-9]{1,19}", message = "{innoreg.feed-position}")
                    String lastEventId,
            @Parameter(description = "Start after this position; default: only events from now on")
                    @QueryParam("after")
                    @Min(0)
                    Long after,
            @QueryParam("type") @Size(max = 200) String type,
            @QueryParam("subject") @Size(max = 200) String subject,
            @QueryParam("region") @RegionCode String region,
            @Parameter(description = SINCE, example = "2026-12-01T08:00:00+08:00")
                    @QueryParam("since")
                    OffsetDateTime since,
            @Context Sse sse) {
        regions.require("region", region);
        FeedFilter filter = new FeedFilter(type, subject, region, since);
        boolean reader =
                caller.isReader(); // decided now: the stream is sent from outside this request's
        // context
        AtomicLong cursor =
                new AtomicLong(
                        lastEventId != null
                                ? Long.parseLong(lastEventId)
                                : after != null
                                        ? after
                                        : QuarkusTransaction.requiringNew()
                                                .call(feed::lastPosition));
        // Poll the feed table twice a second from a worker thread; each poll sends what arrived
        // since.
        return Multi.createFrom()
                .ticks()
                .every(Duration.ofMillis(500))
                .onOverflow()
                .drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .concatMap(
                        tick -> {
                            List<Entry> entries =
                                    QuarkusTransaction.requiringNew()
                                            .call(() -> feed.after(cursor.get(), filter, 500));
                            // read from the contracts once a poll, not once an event
                            Map<String, List<String>> unpublished =
                                    reader || entries.isEmpty() ? Map.of() : unpublishedByType();
                            return Multi.createFrom()
                                    .iterable(entries)
                                    .map(
                                            entry -> {
                                                cursor.set(entry.position());
                                                return sseEvent(sse, entry, reader, unpublished);
                                            });
                        });
    }

    /** One entry of the stream, as this caller may see it. */
    private OutboundSseEvent sseEvent(
            Sse sse, Entry entry, boolean reader, Map<String, List<String>> unpublished) {
        JsonNode event = parse(entry.event());
        return sse.newEventBuilder()
                .id(String.valueOf(entry.position()))
                .name(event.path("type").asText("event"))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(
                        reader
                                ? entry.event()
                                : PublishedChannels.asPublished(event, unpublished).toString())
                .build();
    }

    /** What each type's data withholds from anonymous readers, as the services' contracts say. */
    private Map<String, List<String>> unpublishedByType() {
        Map<String, ObjectNode> documents = new HashMap<>();
        sources.current().forEach(e -> documents.put(e.getKey(), e.getValue().document()));
        return PublishedChannels.unpublishedByType(PublishedChannels.of(documents));
    }

    private JsonNode parse(String event) {
        try {
            return json.readTree(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
