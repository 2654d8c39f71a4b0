package org.innoreg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.assertj.core.api.SoftAssertions;
import org.innoreg.systemtests.harness.Demo;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.suite.Api;
import org.innoreg.testsupport.suite.CatchUp;
import org.innoreg.testsupport.suite.EventContractCheck;
import org.innoreg.testsupport.suite.Eventually;
import org.innoreg.testsupport.suite.Suite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The suite as a bureau meets it, through the gateway, on the demo data (deploy/demo/load): the
 * scorecard of Changde's plan has a status for every platform target, and one incubator's life
 * (accredited, upgraded, deleted) shows in the feed, the search and the derived counts by the dates
 * it carries.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayScenarioIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * How long a read model may lag once the consumers have caught up with Kafka (they commit after
     * applying).
     */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private static final Duration CATCH_UP = Duration.ofSeconds(45);
    private static final String PROVINCIAL = "platforms.tech_business_incubator.provincial";
    private static final String NATIONAL = "platforms.tech_business_incubator.national";
    private static final String CITY = "430700";

    private static Suite suite;
    private static Api api;
    private static CatchUp catchUp;
    private static String demoLoad;
    private static RuntimeException demoFailure;

    @BeforeAll
    static void startSuiteWithDemoData() {
        suite = Suite.start("scenario");
        api = new Api(suite::gateway, TestTokens.admin());
        try {
            demoLoad = Demo.load(suite);
            System.out.println("[system-tests] demo data loaded:\n" + demoLoad.strip());
        } catch (RuntimeException e) {
            demoFailure =
                    e; // the scorecard test reports it; the incubator's life does not need the demo
            // data
            System.out.println("[system-tests] demo data NOT loaded: " + e.getMessage());
        }
        catchUp = new CatchUp(suite);
        settle("the demo load");
    }

    /**
     * Waits until every event so far has reached the gateway and indicators-service (reported, not
     * failed, if not).
     */
    private static void settle(String after) {
        String pending = catchUp.await(CATCH_UP);
        if (!pending.isEmpty()) {
            System.out.println(
                    "[system-tests] not caught up "
                            + CATCH_UP.toSeconds()
                            + " s after "
                            + after
                            + ": "
                            + pending);
        }
    }

    @AfterAll
    static void stopSuite() {
        if (catchUp != null) {
            catchUp.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * D: GET /api/v1/scorecards/430700?asOf=2020-12-31 has a status other than NO_DATA for every
     * platform target.
     */
    @Test
    @Order(1)
    void everyPlatformTargetOfChangdeHasAStatusFromTheRegistry() {
        assertThat(demoFailure).as("deploy/demo/load").isNull();
        JsonNode scorecard =
                Eventually.until(
                        SETTLE,
                        () ->
                                api.get("/api/v1/scorecards/" + CITY + "?asOf=2020-12-31")
                                        .expect(200)
                                        .json(),
                        card ->
                                platformTargets(card).stream()
                                        .noneMatch(
                                                p -> "NO_DATA".equals(p.path("status").asText())));
        List<JsonNode> targets = platformTargets(scorecard);
        List<String> shown = targets.stream().map(GatewayScenarioIT::describe).toList();
        System.out.println(
                "[system-tests] scorecard 430700 asOf 2020-12-31, platform targets:\n  "
                        + String.join("\n  ", shown));
        assertThat(targets)
                .as("platform targets on the Changde scorecard (demo data)")
                .isNotEmpty();
        assertThat(
                        targets.stream()
                                .filter(p -> "NO_DATA".equals(p.path("status").asText()))
                                .map(GatewayScenarioIT::describe)
                                .toList())
                .as("platform targets of 430700 that are NO_DATA as of 2020-12-31")
                .isEmpty();
    }

    private static String describe(JsonNode progress) {
        JsonNode target = progress.path("target");
        return target.path("indicator").asText()
                + " (target "
                + target.path("targetValue").asText()
                + " in "
                + target.path("targetPeriod").asText()
                + "): "
                + progress.path("status").asText()
                + ", value "
                + progress.path("value").asText("none")
                + " for "
                + progress.path("period").asText("no period")
                + " - "
                + progress.path("reason").asText("");
    }

    private static List<JsonNode> platformTargets(JsonNode scorecard) {
        List<JsonNode> targets = new ArrayList<>();
        scorecard
                .path("items")
                .forEach(
                        progress -> {
                            String indicator = progress.path("target").path("indicator").asText();
                            if (indicator.startsWith("platforms.")
                                    || indicator.equals("academician_and_postdoctoral_stations")) {
                                targets.add(progress);
                            }
                        });
        return targets;
    }

    /**
     * C: a provincial incubator in 430700 accredited 2019-06-15, upgraded to national on
     * 2021-12-20, deleted. Its events have sequences 1, 2, 3; search finds it, then no longer; the
     * derived counts for 2019 to the current year move as its dates say and return to where they
     * were after the delete.
     */
    @Test
    @Order(2)
    void anIncubatorsLifeShowsInTheFeedTheSearchAndTheDerivedCounts() {
        int thisYear = LocalDate.now(BEIJING).getYear();
        List<Integer> years = List.of(2019, 2020, 2021, thisYear).stream().distinct().toList();
        Map<String, Map<Integer, BigDecimal>> baseline = counts(years);
        System.out.println("[system-tests] incubator counts in 430700 before: " + baseline);
        SoftAssertions soft = new SoftAssertions();

        long tag = System.nanoTime() % 100000;
        String name = "系统测试科技企业孵化器" + tag;
        ObjectNode input =
                Api.JSON
                        .createObjectNode()
                        .put("nameZh", name)
                        .put("nameEn", "System test incubator " + tag)
                        .put("type", "TECH_BUSINESS_INCUBATOR")
                        .put("level", "PROVINCIAL")
                        .put("regionCode", CITY)
                        .put("accreditedOn", "2019-06-15");
        Api.Reply created = api.post("/api/v1/platforms", input).expect(201);
        String id = created.json().path("id").asText();
        soft.assertThat(created.json().path("version").asLong())
                .as("version of the created platform")
                .isEqualTo(1);

        settle("the create");
        JsonNode found = Eventually.until(SETTLE, () -> search(name), hits -> hasHit(hits, id));
        soft.assertThat(hasHit(found, id))
                .as("search q=%s finds the new platform %s; got %s", name, id, found)
                .isTrue();

        expectCounts(
                soft,
                "after the create (provincial from 2019-06-15)",
                years,
                baseline,
                Map.of(PROVINCIAL, y -> y >= 2019, NATIONAL, y -> false));

        input.put("level", "NATIONAL").put("changedOn", "2021-12-20");
        Api.Reply upgraded = api.put("/api/v1/platforms/" + id, input, created.etag()).expect(200);
        settle("the upgrade");
        soft.assertThat(upgraded.json().path("version").asLong())
                .as("version after the upgrade")
                .isEqualTo(2);

        expectCounts(
                soft,
                "after the upgrade (national from 2021-12-20)",
                years,
                baseline,
                Map.of(PROVINCIAL, y -> y >= 2019 && y < 2021, NATIONAL, y -> y >= 2021));

        api.delete("/api/v1/platforms/" + id, upgraded.etag()).expect(204);
        soft.assertThat(api.get("/api/v1/platforms/" + id).status())
                .as("GET after the delete")
                .isEqualTo(404);
        settle("the delete");

        JsonNode events =
                Eventually.until(
                        SETTLE,
                        () ->
                                api.anonymous()
                                        .get("/api/v1/events?subject=" + id)
                                        .expect(200)
                                        .json(),
                        page -> page.path("items").size() >= 3);
        List<Long> sequences = new ArrayList<>();
        List<String> types = new ArrayList<>();
        events.path("items")
                .forEach(
                        e -> {
                            sequences.add(
                                    e.path("sequence").asText().isEmpty()
                                            ? -1
                                            : Long.parseLong(e.path("sequence").asText()));
                            types.add(e.path("type").asText());
                        });
        System.out.println(
                "[system-tests] feed of " + id + ": sequences " + sequences + ", types " + types);
        soft.assertThat(sequences)
                .as("sequences of the platform's events in the feed (types %s)", types)
                .containsExactly(1L, 2L, 3L);
        soft.assertThat(types).as("types of the platform's events in the feed").hasSize(3);
        if (types.size() == 3) {
            soft.assertThat(types.get(0))
                    .as("first event")
                    .isEqualTo("org.innoreg.registry.platform.created");
            soft.assertThat(types.get(2))
                    .as("last event")
                    .isEqualTo("org.innoreg.registry.platform.deleted");
        }

        JsonNode gone = Eventually.until(SETTLE, () -> search(name), hits -> !hasHit(hits, id));
        soft.assertThat(hasHit(gone, id))
                .as("search q=%s after the delete still finds %s: %s", name, id, gone)
                .isFalse();

        expectCounts(
                soft,
                "after the delete (back to before)",
                years,
                baseline,
                Map.of(PROVINCIAL, y -> false, NATIONAL, y -> false));
        soft.assertAll();
    }

    /**
     * Waits until each code's counts for the years equal the baseline plus one where {@code
     * counted} says the incubator counts, then asserts them (softly, so every stage of the life
     * reports).
     */
    private void expectCounts(
            SoftAssertions soft,
            String when,
            List<Integer> years,
            Map<String, Map<Integer, BigDecimal>> baseline,
            Map<String, IntPredicate> counted) {
        Map<String, Map<Integer, BigDecimal>> expected = new TreeMap<>();
        counted.forEach(
                (code, predicate) -> {
                    Map<Integer, BigDecimal> byYear = new TreeMap<>();
                    for (int year : years) {
                        byYear.put(
                                year,
                                baseline.get(code)
                                        .get(year)
                                        .add(
                                                predicate.test(year)
                                                        ? BigDecimal.ONE
                                                        : BigDecimal.ZERO));
                    }
                    expected.put(code, byYear);
                });
        Map<String, Map<Integer, BigDecimal>> actual =
                Eventually.until(SETTLE, () -> counts(years), expected::equals);
        System.out.println(
                "[system-tests] incubator counts in 430700 "
                        + when
                        + ": "
                        + actual
                        + (actual.equals(expected) ? "" : " expected " + expected));
        for (String code : expected.keySet()) {
            for (int year : years) {
                soft.assertThat(actual.get(code).get(year))
                        .as(
                                "%s: %s in %s for %d (before: %s)",
                                when, code, CITY, year, baseline.get(code).get(year))
                        .isEqualByComparingTo(expected.get(code).get(year));
            }
        }
    }

    /** The two incubator counts in 430700 for the years; a cell without a value is 0. */
    private Map<String, Map<Integer, BigDecimal>> counts(List<Integer> years) {
        Map<String, Map<Integer, BigDecimal>> counts = new TreeMap<>();
        for (String code : List.of(PROVINCIAL, NATIONAL)) {
            JsonNode series =
                    api.get("/api/v1/indicators/" + code + "/series?region=" + CITY)
                            .expect(200)
                            .json();
            Map<String, BigDecimal> byPeriod = new LinkedHashMap<>();
            series.path("items")
                    .forEach(
                            o ->
                                    byPeriod.put(
                                            o.path("period").asText(),
                                            o.path("value").decimalValue()));
            Map<Integer, BigDecimal> byYear = new TreeMap<>();
            for (int year : years) {
                byYear.put(
                        year, plain(byPeriod.getOrDefault(String.valueOf(year), BigDecimal.ZERO)));
            }
            counts.put(code, byYear);
        }
        return counts;
    }

    /** 16.000000 and 1.6E+1 → 16: counts compare by value with equals(). */
    private static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    private JsonNode search(String name) {
        return api.anonymous().get("/api/v1/search?q=" + Api.encode(name)).expect(200).json();
    }

    private static boolean hasHit(JsonNode hits, String id) {
        for (JsonNode hit : hits.path("items")) {
            if (id.equals(hit.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Every event the demo data and the scenario published is one the AsyncAPI document allows. */
    @Test
    @Order(99)
    void everyEventOnTheTopicsKeepsTheAsyncApiContract() {
        assertThat(catchUp.await(CATCH_UP)).as("still pending").isEmpty();
        EventContractCheck.Report report =
                EventContractCheck.of(api.get("/asyncapi.yaml").expect(200).body())
                        .check(suite.bootstrapServers());
        System.out.printf(
                "[system-tests] %d events against /asyncapi.yaml: %s%n",
                report.events(), report.eventsByType());
        assertThat(report.events()).isPositive();
        assertThat(report.violations()).isEmpty();
    }
}
