package org.innoreg.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code changedSince} means on every list of the suite, checked the same way for each: the
 * records changed at or after the instant, whatever offset spells it, with the list's other
 * filters, its sort and its cursor (the next links carry the filter).
 */
public final class ChangedSinceContract {

    /** Values that are not RFC 3339 instants: no offset, no time, impossible dates, SQL. */
    private static final List<String> NOT_INSTANTS =
            List.of(
                    "yesterday",
                    "2026-12-01",
                    "2026-12-01T08:00:00",
                    "2026-02-30T00:00:00Z",
                    "2026-12-01T24:61:00Z",
                    "1764547200",
                    "2026-12-01T08:00:00+19:00",
                    "' OR 1=1 --");

    private ChangedSinceContract() {}

    /**
     * Each of {@code lists} answers a {@code changedSince} that is not an instant with a 400 naming
     * it.
     */
    public static void assertRefusesWhatIsNotAnInstant(String... lists) {
        for (String list : lists) {
            for (String bad : NOT_INSTANTS) {
                given().queryParam("changedSince", bad)
                        .get(list)
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("status", equalTo(400))
                        .body("errors[0].field", equalTo("changedSince"))
                        .body("detail", containsString("changedSince"));
            }
        }
    }

    /**
     * Checks {@code collection} (e.g. {@code /api/v1/platforms}) after its caller created three
     * records named {@code tag + "A"}, {@code "B"} and {@code "C"} in that order, A and B in Wuling
     * (430703, inside Changde 430700), C in Hengyang (430400); {@code secondAt} is B's {@code
     * updatedAt}. {@code name} is the field the list names its records by.
     */
    public static void assertHolds(
            String collection, String name, String tag, OffsetDateTime secondAt) {
        String items = "items." + name;
        given().queryParam("q", tag)
                .queryParam("changedSince", secondAt.toString())
                .get(collection)
                .then()
                .statusCode(200)
                .body(items, containsInAnyOrder(tag + "B", tag + "C"));
        given().queryParam("q", tag)
                .queryParam("changedSince", secondAt.plusNanos(1000).toString())
                .get(collection)
                .then()
                .statusCode(200)
                .body(items, contains(tag + "C"));
        // The same instant in Beijing time reads the same.
        given().queryParam("q", tag)
                .queryParam(
                        "changedSince",
                        secondAt.withOffsetSameInstant(ZoneOffset.ofHours(8)).toString())
                .get(collection)
                .then()
                .statusCode(200)
                .body(items, containsInAnyOrder(tag + "B", tag + "C"));
        // With the region filter (a subtree) and facets.
        given().queryParam("q", tag)
                .queryParam("changedSince", secondAt.toString())
                .queryParam("region", "430700")
                .queryParam("facets", true)
                .get(collection)
                .then()
                .statusCode(200)
                .body(items, contains(tag + "B"))
                .body("total", equalTo(1));
        // Sorted by -updatedAt, one a page: the next links carry changedSince and stop before A.
        var page =
                given().queryParam("q", tag)
                        .queryParam("changedSince", secondAt.toString())
                        .queryParam("sort", "-updatedAt")
                        .queryParam("limit", 1)
                        .get(collection)
                        .then()
                        .statusCode(200)
                        .extract();
        assertThat((String) page.path("next")).contains("changedSince=");
        List<String> seen = new ArrayList<>(page.path(items));
        for (String next = page.path("next"); next != null; next = page.path("next")) {
            page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract();
            seen.addAll(page.path(items));
        }
        assertThat(seen).containsExactly(tag + "C", tag + "B");
    }
}
