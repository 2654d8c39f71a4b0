package org.innoreg.partner;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.openapitools.client.ApiClient;
import org.openapitools.client.ApiException;
import org.openapitools.client.ApiResponse;
import org.openapitools.client.api.EventFeedApi;
import org.openapitools.client.api.OrganizationsApi;
import org.openapitools.client.api.PlatformsApi;
import org.openapitools.client.api.RegionsApi;
import org.openapitools.client.api.SearchApi;
import org.openapitools.client.model.CloudEventPage;
import org.openapitools.client.model.CloudEventPageItemsInner;
import org.openapitools.client.model.Organization;
import org.openapitools.client.model.OrganizationInput;
import org.openapitools.client.model.OrganizationKind;
import org.openapitools.client.model.Platform;
import org.openapitools.client.model.PlatformEvent;
import org.openapitools.client.model.PlatformInput;
import org.openapitools.client.model.PlatformLevel;
import org.openapitools.client.model.PlatformPage;
import org.openapitools.client.model.PlatformType;
import org.openapitools.client.model.Region;
import org.openapitools.client.model.SearchHit;

/**
 * What a partner system writes against the Java {@code native} client that openapi-generator makes
 * from the gateway's {@code /q/openapi}, unchanged: read the registry, create an organisation and
 * platforms with a token, update one with the ETag it read (and see a stale ETag refused), find it
 * by search, read its events from the feed as typed CloudEvents, page with the cursors the answers
 * give, and delete it.
 *
 * <p>This file is not compiled by Maven: the client it uses exists only once the check has
 * generated it. {@code GeneratedClientsIT} compiles the two together and calls {@link #apply} with
 * {@code baseUri} (where the client sends its requests: Prism's validating proxy) and {@code token}
 * (an editor's bearer token for region 430700); the answer is the list of steps done. A failed
 * step throws {@link AssertionError}, an unexpected status {@link ApiException}.
 */
public final class PartnerWorkflow implements Function<Map<String, String>, List<String>> {

    private static final String CITY = "430700";
    private static final String DISTRICT = "430702";
    private final List<String> steps = new ArrayList<>();

    @Override
    public List<String> apply(Map<String, String> settings) {
        try {
            run(settings.get("baseUri"), settings.get("token"));
        } catch (ApiException e) {
            throw new AssertionError(
                    "after "
                            + steps
                            + ": "
                            + e.getCode()
                            + " "
                            + e.getMessage()
                            + "\n"
                            + e.getResponseBody(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted after " + steps, e);
        }
        return steps;
    }

    private void run(String baseUri, String token) throws ApiException, InterruptedException {
        ApiClient anonymous = client(baseUri, null);
        ApiClient editor = client(baseUri, token);

        Region city = new RegionsApi(anonymous).getRegion(CITY);
        check(CITY.equals(city.getCode()) && city.getNameZh() != null, "region " + city);
        step("getRegion " + CITY + ": " + city.getNameZh());

        Organization host =
                new OrganizationsApi(editor)
                        .createOrganization(
                                new OrganizationInput()
                                        .uscc("91430702183870013F")
                                        .nameZh("湖南金健米业股份有限公司")
                                        .kind(OrganizationKind.ENTERPRISE)
                                        .regionCode(DISTRICT),
                                UUID.randomUUID().toString());
        check(host.getNameEn() == null, "nameEn was not sent, so it is null: " + host.getNameEn());
        step("createOrganization: " + host.getId());

        PlatformsApi platforms = new PlatformsApi(editor);
        List<UUID> created = new ArrayList<>();
        for (String name : List.of("金健米业孵化器", "鼎城科技孵化器", "武陵众创孵化器")) {
            ApiResponse<Platform> answer =
                    platforms.createPlatformWithHttpInfo(
                            new PlatformInput()
                                    .nameZh(name)
                                    .type(PlatformType.TECH_BUSINESS_INCUBATOR)
                                    .level(PlatformLevel.MUNICIPAL)
                                    .regionCode(DISTRICT)
                                    .hostIds(List.of(host.getId()))
                                    .accreditedOn(LocalDate.of(2021, 6, 15)),
                            UUID.randomUUID().toString());
            check(answer.getStatusCode() == 201, "create answered " + answer.getStatusCode());
            UUID id = answer.getData().getId();
            String location = header(answer, "location");
            check(
                    location != null
                            && location.endsWith("/api/v1/platforms/" + id)
                            && URI.create(location).isAbsolute(),
                    "Location " + location);
            check("\"1\"".equals(header(answer, "etag")), "ETag " + header(answer, "etag"));
            created.add(id);
        }
        UUID id = created.get(0);
        step("createPlatform ×3 (201, Location, ETag \"1\")");

        ApiResponse<Platform> read = new PlatformsApi(anonymous).getPlatformWithHttpInfo(id);
        String etag = header(read, "etag");
        check(read.getData().getVersion() == 1 && "\"1\"".equals(etag), "read " + etag);
        Platform upgraded =
                platforms.updatePlatform(
                        id,
                        etag,
                        new PlatformInput()
                                .nameZh(read.getData().getNameZh())
                                .type(read.getData().getType())
                                .level(PlatformLevel.PROVINCIAL)
                                .regionCode(read.getData().getRegionCode())
                                .hostIds(read.getData().getHostIds())
                                .accreditedOn(read.getData().getAccreditedOn())
                                .changedOn(LocalDate.of(2023, 1, 10)));
        check(
                upgraded.getVersion() == 2 && upgraded.getLevel() == PlatformLevel.PROVINCIAL,
                "update " + upgraded);
        step("updatePlatform with its ETag: version 2, " + upgraded.getLevelLabel());
        try {
            platforms.updatePlatform(
                    id,
                    etag,
                    new PlatformInput()
                            .nameZh("过期的修改")
                            .type(PlatformType.TECH_BUSINESS_INCUBATOR)
                            .level(PlatformLevel.NATIONAL)
                            .regionCode(DISTRICT));
            throw new AssertionError("an update with the stale ETag " + etag + " was accepted");
        } catch (ApiException stale) {
            check(stale.getCode() == 412, "stale ETag answered " + stale.getCode());
        }
        step("updatePlatform with the stale ETag: 412");

        Set<UUID> seen = new HashSet<>();
        PlatformPage page =
                new PlatformsApi(anonymous)
                        .listPlatforms(
                                null, null, null, null, true, null, null, null, 2, null, CITY, null,
                                null, null);
        page.getItems().forEach(p -> seen.add(p.getId()));
        check(page.getItems().size() == 2 && page.getNext() != null, "first page " + page);
        PlatformPage second =
                new PlatformsApi(anonymous)
                        .listPlatforms(
                                null,
                                null,
                                null,
                                queryParameter(page.getNext(), "cursor"),
                                null,
                                null,
                                null,
                                null,
                                2,
                                null,
                                CITY,
                                null,
                                null,
                                null);
        second.getItems().forEach(p -> seen.add(p.getId()));
        check(seen.equals(new HashSet<>(created)), "two pages of region " + CITY + ": " + seen);
        step("listPlatforms region " + CITY + ", 2 pages by cursor: " + seen.size() + " platforms");

        List<SearchHit> hits =
                eventually(
                        () -> new SearchApi(anonymous).search("金健米业孵化器", null, 10, null).getItems(),
                        found -> found.stream().anyMatch(hit -> id.toString().equals(hit.getId())),
                        "search finds the new platform");
        step("search 金健米业孵化器: " + hits.size() + " hits, the platform among them");

        EventFeedApi feed = new EventFeedApi(anonymous);
        CloudEventPage first =
                eventually(
                        () -> feed.listEvents(null, 1, null, null, id.toString(), null),
                        found -> !found.getItems().isEmpty(),
                        "the feed has the platform's first event");
        PlatformEvent created1 = platformEvent(first.getItems().get(0));
        check(
                created1.getData().getId().equals(id)
                        && created1.getSequence().endsWith("1")
                        && created1.getType().getValue().endsWith(".created"),
                "first event " + created1);
        CloudEventPage next =
                eventually(
                        () ->
                                feed.listEvents(
                                        Long.valueOf(queryParameter(first.getNext(), "after")),
                                        1,
                                        null,
                                        null,
                                        id.toString(),
                                        null),
                        found -> !found.getItems().isEmpty(),
                        "the feed has the platform's second event");
        PlatformEvent updated = platformEvent(next.getItems().get(0));
        check(
                updated.getSequence().endsWith("2")
                        && updated.getData().getLevel() == PlatformLevel.PROVINCIAL,
                "second event " + updated);
        step("listEvents subject " + id + ": " + created1.getType() + ", " + updated.getType());

        ApiResponse<Platform> current = platforms.getPlatformWithHttpInfo(id);
        platforms.deletePlatform(id, header(current, "etag"));
        try {
            new PlatformsApi(anonymous).getPlatform(id);
            throw new AssertionError("a deleted platform is still read");
        } catch (ApiException gone) {
            check(gone.getCode() == 404, "deleted platform answered " + gone.getCode());
        }
        step("deletePlatform with its ETag, then getPlatform: 404");
    }

    private static ApiClient client(String baseUri, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        if (token != null) {
            client.setRequestInterceptor(
                    request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static PlatformEvent platformEvent(CloudEventPageItemsInner item) {
        check(item.getActualInstance() instanceof PlatformEvent, "feed item " + item);
        return item.getPlatformEvent();
    }

    private static String header(ApiResponse<?> answer, String name) {
        List<String> values = answer.getHeaders().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A parameter of a {@code next} link (relative or absolute), decoded. */
    private static String queryParameter(String link, String name) {
        String query = URI.create(link).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + link);
    }

    private interface Call<T> {
        T call() throws ApiException;
    }

    /** Read models (search, feed) follow the records within seconds: ask again until they do. */
    private static <T> T eventually(
            Call<T> call, java.util.function.Predicate<T> done, String what)
            throws ApiException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        T answer = call.call();
        while (!done.test(answer)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 30 s; last answer " + answer);
            }
            Thread.sleep(200);
            answer = call.call();
        }
        return answer;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private void step(String done) {
        steps.add(done);
    }
}
