package org.innoreg.indicators.derived;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.indicators.service.DerivedIndicatorService;
import org.innoreg.testsupport.EventWriter;
import org.innoreg.testsupport.InjectKafkaBroker;
import org.innoreg.testsupport.KafkaBroker;
import org.junit.jupiter.api.Test;

/**
 * Derived indicators follow the registry's and the projects service's events, published here as
 * their relays would publish them (structured CloudEvents, keyed by aggregate id). Each test uses
 * regions of its own so their totals do not mix.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class DerivedIndicatorTest {

    /** The regions beyond the registry's seed that these tests name. */
    @org.junit.jupiter.api.BeforeEach
    void regions() {
        org.innoreg.indicators.TestRegions.known(bootstrapServers, "840101", "850100");
    }

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String PLATFORMS = "registry.platform.v1";
    private static final String PROJECTS = "projects.project.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject EntityManager entityManager;

    @Inject DerivedIndicatorService derived;

    @InjectKafkaBroker KafkaBroker broker;

    /**
     * The walk-through: a provincial incubator in Wuling (430702) accredited on 2019-06-15,
     * upgraded to national on 2021-12-20, then deleted. Counted by its own dates in the district,
     * the city and the province; redelivered and older events change nothing; a rebuild finds the
     * same cells; the delete takes it out of every year.
     */
    @Test
    void platformCountsFollowTheDatedHistoryInEveryRegionAbove() {
        String id = UUID.randomUUID().toString();
        String accredited = step("2019-06-15", "ACCREDITED", "PROVINCIAL", "ACTIVE", "430702");
        String upgraded = step("2021-12-20", "LEVEL_CHANGED", "NATIONAL", "ACTIVE", "430702");
        String now = String.valueOf(DerivedIndicatorService.currentYear());
        String incubators = "platforms.tech_business_incubator";
        List<String> regions = List.of("430702", "430700", "430000");

        publish(
                PLATFORMS,
                id,
                platformEvent(
                        "created",
                        id,
                        1,
                        "PROVINCIAL",
                        "ACTIVE",
                        "430702",
                        "2019-06-15",
                        accredited));
        awaitValue(incubators + ".provincial", "430702", now, 1);
        for (String region : regions) {
            assertAbsent(incubators + ".provincial", region, "2018");
            assertAbsent(incubators + ".national", region, "2018");
            assertAbsent("platforms", region, "2018");
            for (String year : List.of("2019", "2020", "2021", now)) {
                assertValue(incubators + ".provincial", region, year, 1);
                assertValue(incubators, region, year, 1);
                assertValue("platforms", region, year, 1);
            }
        }

        String upgrade =
                platformEvent(
                        "updated",
                        id,
                        2,
                        "NATIONAL",
                        "ACTIVE",
                        "430702",
                        "2019-06-15",
                        accredited,
                        upgraded);
        publish(PLATFORMS, id, upgrade);
        awaitValue(incubators + ".national", "430702", "2021", 1);
        for (String region : regions) {
            assertAbsent(incubators + ".provincial", region, "2018");
            assertValue(incubators + ".provincial", region, "2019", 1);
            assertValue(incubators + ".provincial", region, "2020", 1);
            assertAbsent(incubators + ".national", region, "2020");
            for (String year : List.of("2021", now)) {
                assertValue(incubators + ".national", region, year, 1);
                assertValue(incubators + ".provincial", region, year, 0);
                assertValue(incubators, region, year, 1);
                assertValue("platforms", region, year, 1);
            }
        }

        // The same event redelivered, the same state under a new id, and the first state arriving
        // late.
        publish(PLATFORMS, id, upgrade);
        publish(
                PLATFORMS,
                id,
                platformEvent(
                        "updated",
                        id,
                        2,
                        "NATIONAL",
                        "ACTIVE",
                        "430702",
                        "2019-06-15",
                        accredited,
                        upgraded));
        Map<String, BigDecimal> before = cells("4307", "43");
        awaitConsumed(
                publish(
                        PLATFORMS,
                        id,
                        platformEvent(
                                "created",
                                id,
                                1,
                                "PROVINCIAL",
                                "ACTIVE",
                                "430702",
                                "2019-06-15",
                                accredited)));
        assertThat(cells("4307", "43")).isEqualTo(before);
        assertRevisions(incubators + ".national/430702/2021", 1);
        assertRevisions(incubators + ".provincial/430702/2021", 2); // 1, then 0

        // A rebuild from the topics' beginning reaches exactly the state live consumption reached:
        // the same
        // cells, and the same sources and running totals behind them.
        Map<String, String> live = derivedState();
        given().post("/api/v1/indicators/derived/rebuild")
                .then()
                .statusCode(200)
                .body("cellsChanged", equalTo(0));
        assertThat(cells("4307", "43")).isEqualTo(before);
        assertThat(derivedState()).isEqualTo(live);

        // Deleted (the next sequence, carrying its last state): it counts in no year, anywhere.
        publish(
                PLATFORMS,
                id,
                platformEvent(
                        "deleted",
                        id,
                        3,
                        "NATIONAL",
                        "ACTIVE",
                        "430702",
                        "2019-06-15",
                        accredited,
                        upgraded));
        awaitValue("platforms", "430000", "2019", 0);
        for (String region : regions) {
            assertAbsent("platforms", region, "2018");
            for (String year : List.of("2019", "2020", "2021", now)) {
                assertValue(incubators + ".provincial", region, year, 0);
                assertValue(incubators, region, year, 0);
                assertValue("platforms", region, year, 0);
            }
            assertValue(incubators + ".national", region, "2021", 0);
            assertValue(incubators + ".national", region, now, 0);
        }
        Map<String, BigDecimal> deleted = cells("4307", "43");
        assertThat(deleted.values()).allMatch(value -> value.signum() == 0);
        // After the delete, an older state arriving late (or again) changes nothing; nor does a
        // rebuild.
        awaitConsumed(
                publish(
                        PLATFORMS,
                        id,
                        platformEvent(
                                "updated",
                                id,
                                2,
                                "NATIONAL",
                                "ACTIVE",
                                "430702",
                                "2019-06-15",
                                accredited,
                                upgraded)));
        assertThat(cells("4307", "43")).isEqualTo(deleted);
        Map<String, String> afterDelete = derivedState();
        assertThat(afterDelete.keySet())
                .noneMatch(key -> key.startsWith("total/") && key.contains("/4307"));
        given().post("/api/v1/indicators/derived/rebuild")
                .then()
                .statusCode(200)
                .body("cellsChanged", equalTo(0));
        assertThat(cells("4307", "43")).isEqualTo(deleted);
        assertThat(derivedState()).isEqualTo(afterDelete);
    }

    /**
     * Revoked and reinstated within a year (31 December decides), moved to another city, merged:
     * each year counts what held on its last day, in the region it was in.
     */
    @Test
    void revocationReinstatementMoveAndMergerFollowTheirDates() {
        String id = UUID.randomUUID().toString();
        String now = String.valueOf(DerivedIndicatorService.currentYear());
        String provincial = "platforms.tech_business_incubator.provincial";
        List<String> steps =
                new ArrayList<>(
                        List.of(
                                step(
                                        "2019-06-01",
                                        "ACCREDITED",
                                        "PROVINCIAL",
                                        "ACTIVE",
                                        "810101")));
        publish(
                PLATFORMS,
                id,
                platformEvent(
                        "created", id, 1, "PROVINCIAL", "ACTIVE", "810101", "2019-06-01", steps));
        awaitValue(provincial, "810101", now, 1);

        steps.add(step("2020-09-01", "STATUS_CHANGED", "PROVINCIAL", "REVOKED", "810101"));
        publish(
                PLATFORMS,
                id,
                platformEvent(
                        "updated", id, 2, "PROVINCIAL", "REVOKED", "810101", "2019-06-01", steps));
        awaitValue(provincial, "810101", now, 0);
        assertValue(provincial, "810101", "2019", 1);
        assertValue(provincial, "810101", "2020", 0);

        steps.add(step("2020-10-01", "STATUS_CHANGED", "PROVINCIAL", "UNDER_REVIEW", "810101"));
        String reinstated =
                platformEvent(
                        "updated",
                        id,
                        3,
                        "PROVINCIAL",
                        "UNDER_REVIEW",
                        "810101",
                        "2019-06-01",
                        steps);
        publish(PLATFORMS, id, reinstated);
        awaitValue(provincial, "810101", now, 1);
        assertValue(provincial, "810101", "2020", 1);

        steps.add(step("2021-04-01", "RECLASSIFIED", "PROVINCIAL", "ACTIVE", "810201"));
        publish(
                PLATFORMS,
                id,
                platformEvent(
                        "updated", id, 4, "PROVINCIAL", "ACTIVE", "810201", "2019-06-01", steps));
        awaitValue(provincial, "810201", "2021", 1);
        assertValue(provincial, "810101", "2020", 1);
        assertValue(provincial, "810100", "2020", 1);
        assertValue(provincial, "810101", "2021", 0);
        assertValue(provincial, "810100", "2021", 0);
        assertValue(provincial, "810200", "2021", 1);
        assertAbsent(provincial, "810201", "2020");
        for (String year : List.of("2019", "2020", "2021", now)) {
            assertValue(provincial, "810000", year, 1);
        }

        steps.add(step("2022-02-01", "STATUS_CHANGED", "PROVINCIAL", "MERGED", "810201"));
        publish(
                PLATFORMS,
                id,
                platformEvent(
                        "updated", id, 5, "PROVINCIAL", "MERGED", "810201", "2019-06-01", steps));
        awaitValue(provincial, "810000", "2022", 0);
        assertValue(provincial, "810000", "2021", 1);
        assertValue(provincial, "810201", "2021", 1);
        assertValue(provincial, "810201", now, 0);
        assertValue("platforms", "810000", now, 0);

        // the reinstated state arriving again, late: ignored
        awaitConsumed(publish(PLATFORMS, id, reinstated));
        assertValue(provincial, "810000", "2022", 0);
        assertValue(provincial, "810101", now, 0);
    }

    /**
     * A project that reached SIGNED in 2018 and LANDED in 2019 counts in tier.signed for 2018 and
     * tier.landed for 2019.
     */
    @Test
    void projectsCountInTheYearTheyReachedEachStage() {
        String id = UUID.randomUUID().toString();
        List<String> transitions =
                new ArrayList<>(
                        List.of(
                                transition(null, "NEGOTIATING", "2017-11-02"),
                                transition("NEGOTIATING", "SIGNED", "2018-05-02"),
                                transition("SIGNED", "LANDED", "2019-03-10")));
        publish(
                PROJECTS,
                id,
                projectEvent(
                        "created",
                        id,
                        1,
                        "LANDED",
                        "150000000",
                        "20000000",
                        "2018-05-02",
                        "2019-03-10",
                        "820201",
                        transitions));
        awaitValue("projects.count.from_100m.landed", "820201", "2019", 1);
        assertValue("projects.count.from_100m.signed", "820201", "2018", 1);
        assertValue("projects.count.from_100m.negotiating", "820201", "2017", 1);
        assertValue("projects.planned_investment.from_100m.signed", "820200", "2018", 150_000_000);
        assertValue("projects.completed_investment.from_100m.landed", "820000", "2019", 20_000_000);
        // The totals by the project's year: it landed in 2019.
        assertValue("projects.count", "820201", "2019", 1);
        assertValue("projects.count.from_100m", "820000", "2019", 1);
        assertAbsent("projects.count", "820201", "2018");
        assertAbsent("projects.count.from_100m.signed", "820201", "2019");

        // Stalled in 2020 and resumed: it reached STALLED in 2020, but did not land a second time.
        transitions.add(transition("LANDED", "STALLED", "2020-01-05"));
        transitions.add(transition("STALLED", "LANDED", "2020-06-01"));
        publish(
                PROJECTS,
                id,
                projectEvent(
                        "stage-changed",
                        id,
                        2,
                        "LANDED",
                        "150000000",
                        "20000000",
                        "2018-05-02",
                        "2019-03-10",
                        "820201",
                        transitions));
        awaitValue("projects.count.from_100m.stalled", "820201", "2020", 1);
        assertAbsent("projects.count.from_100m.landed", "820201", "2020");
        assertValue("projects.count.from_100m.landed", "820201", "2019", 1);

        // Re-tiered by a larger plan: every stage cell moves to the new tier.
        String retiered =
                projectEvent(
                        "updated",
                        id,
                        3,
                        "LANDED",
                        "600000000",
                        "20000000",
                        "2018-05-02",
                        "2019-03-10",
                        "820201",
                        transitions);
        publish(PROJECTS, id, retiered);
        awaitValue("projects.count.from_500m.signed", "820201", "2018", 1);
        assertValue("projects.count.from_100m.signed", "820201", "2018", 0);
        assertValue("projects.count.from_500m.landed", "820201", "2019", 1);
        assertValue("projects.planned_investment", "820000", "2019", 600_000_000);

        publish(
                PROJECTS,
                id,
                projectEvent(
                        "deleted",
                        id,
                        4,
                        "LANDED",
                        "600000000",
                        "20000000",
                        "2018-05-02",
                        "2019-03-10",
                        "820201",
                        transitions));
        awaitValue("projects.count", "820000", "2019", 0);
        assertValue("projects.count.from_500m.signed", "820201", "2018", 0);
        assertValue("projects.count.from_500m.stalled", "820201", "2020", 0);
        assertValue("projects.planned_investment.from_500m.negotiating", "820000", "2017", 0);
        awaitConsumed(publish(PROJECTS, id, retiered));
        assertValue("projects.count.from_500m.signed", "820201", "2018", 0);
    }

    /**
     * Events from before {@code history} and {@code transitions} were published (still on the
     * topics): a platform counts from its accreditation date, else from the day it was registered
     * in Beijing, with the classification the event carries; a project reaches SIGNED on signedOn,
     * LANDED on landedOn and its current stage on stageSince, and its year is the one it landed,
     * else signed, else was registered.
     */
    @Test
    void eventsWithoutHistoryFallBackToTheDatesTheyCarry() {
        String now = String.valueOf(DerivedIndicatorService.currentYear());
        String accredited = UUID.randomUUID().toString();
        publish(
                PLATFORMS,
                accredited,
                legacyPlatformEvent(
                        "created",
                        accredited,
                        1,
                        "2025-05-01T09:00:00+08:00",
                        "NATIONAL",
                        "ACTIVE",
                        "860101",
                        "2017-03-01",
                        "2025-05-01T01:00:00Z"));
        // registered at 01:30 on 1 January 2021 in Beijing (still 2020 in UTC), no accreditation
        // date
        String registered = UUID.randomUUID().toString();
        publish(
                PLATFORMS,
                registered,
                legacyPlatformEvent(
                        "created",
                        registered,
                        1,
                        "2021-01-01T09:00:00+08:00",
                        "PROVINCIAL",
                        "ACTIVE",
                        "860101",
                        null,
                        "2020-12-31T17:30:00Z"));
        awaitValue("platforms.tech_business_incubator.provincial", "860101", "2021", 1);
        assertAbsent("platforms.tech_business_incubator.provincial", "860101", "2020");
        assertAbsent("platforms.tech_business_incubator.national", "860101", "2016");
        for (String year : List.of("2017", "2020", now)) {
            assertValue("platforms.tech_business_incubator.national", "860101", year, 1);
        }
        assertValue("platforms", "860000", "2020", 1);
        assertValue("platforms", "860000", now, 2);
        // Without a history, an update says only what holds now: revoked, it counts in no year.
        publish(
                PLATFORMS,
                accredited,
                legacyPlatformEvent(
                        "updated",
                        accredited,
                        2,
                        "2025-06-01T09:00:00+08:00",
                        "NATIONAL",
                        "REVOKED",
                        "860101",
                        "2017-03-01",
                        "2025-05-01T01:00:00Z"));
        awaitValue("platforms.tech_business_incubator.national", "860101", "2017", 0);
        assertValue("platforms", "860000", now, 1);

        String project = UUID.randomUUID().toString();
        publish(
                PROJECTS,
                project,
                legacyProjectEvent(
                        "created",
                        project,
                        1,
                        "SIGNED",
                        "150000000",
                        null,
                        "2018-03-01",
                        null,
                        "820101"));
        awaitValue("projects.count.from_100m.signed", "820101", "2018", 1);
        assertValue("projects.planned_investment.from_100m.signed", "820101", "2018", 150_000_000);
        assertValue("projects.count", "820000", "2018", 1);

        // Landed in 2019 with investment reported: its year moves to 2019; it still reached SIGNED
        // in 2018.
        publish(
                PROJECTS,
                project,
                legacyProjectEvent(
                        "stage-changed",
                        project,
                        2,
                        "LANDED",
                        "150000000",
                        "20000000",
                        "2018-03-01",
                        "2019-02-01",
                        "820101"));
        awaitValue("projects.count.from_100m.landed", "820101", "2019", 1);
        assertValue("projects.count.from_100m.signed", "820101", "2018", 1);
        assertValue("projects.count", "820000", "2018", 0);
        assertValue("projects.count", "820000", "2019", 1);
        assertValue("projects.completed_investment.from_100m.landed", "820101", "2019", 20_000_000);
        assertValue("projects.planned_investment", "820100", "2019", 150_000_000);

        // The older state arrives late: ignored.
        awaitConsumed(
                publish(
                        PROJECTS,
                        project,
                        legacyProjectEvent(
                                "created",
                                project,
                                1,
                                "SIGNED",
                                "150000000",
                                null,
                                "2018-03-01",
                                null,
                                "820101")));
        assertValue("projects.count.from_100m.landed", "820101", "2019", 1);
        assertValue("projects.count", "820000", "2018", 0);
        // Re-tiered by a larger plan, then deleted.
        publish(
                PROJECTS,
                project,
                legacyProjectEvent(
                        "updated",
                        project,
                        3,
                        "LANDED",
                        "600000000",
                        "20000000",
                        "2018-03-01",
                        "2019-02-01",
                        "820101"));
        awaitValue("projects.count.from_500m.landed", "820101", "2019", 1);
        assertValue("projects.count.from_500m.signed", "820101", "2018", 1);
        assertValue("projects.count.from_100m.landed", "820101", "2019", 0);
        assertValue("projects.count.from_100m.signed", "820101", "2018", 0);
        assertValue("projects.planned_investment", "820000", "2019", 600_000_000);

        publish(
                PROJECTS,
                project,
                legacyProjectEvent(
                        "deleted",
                        project,
                        4,
                        "LANDED",
                        "600000000",
                        "20000000",
                        "2018-03-01",
                        "2019-02-01",
                        "820101"));
        awaitValue("projects.count", "820000", "2019", 0);
        assertValue("projects.planned_investment", "820000", "2019", 0);
        assertValue("projects.count.from_500m.signed", "820101", "2018", 0);
    }

    /**
     * A platform in force "from 2019 on" counts in the current year without any new event: when the
     * year turns, the roll-forward writes the new year's cells from the open-ended contributions
     * (one that ended gets none); a rebuild afterwards agrees, and later events keep the new year
     * too.
     */
    @Test
    void theCurrentYearRollsForwardWithoutAnEvent() {
        int now = DerivedIndicatorService.currentYear();
        String next = String.valueOf(now + 1);
        String code = "platforms.maker_space.municipal";
        String open = UUID.randomUUID().toString();
        publish(
                PLATFORMS,
                open,
                platformEvent(
                                "created",
                                open,
                                1,
                                "MUNICIPAL",
                                "ACTIVE",
                                "880101",
                                "2019-03-01",
                                step("2019-03-01", "ACCREDITED", "MUNICIPAL", "ACTIVE", "880101"))
                        .replace("TECH_BUSINESS_INCUBATOR", "MAKER_SPACE"));
        String ended = UUID.randomUUID().toString();
        publish(
                PLATFORMS,
                ended,
                platformEvent(
                                "created",
                                ended,
                                1,
                                "MUNICIPAL",
                                "REVOKED",
                                "880101",
                                "2019-03-01",
                                step("2019-03-01", "ACCREDITED", "MUNICIPAL", "ACTIVE", "880101"),
                                step(
                                        now + "-02-01",
                                        "STATUS_CHANGED",
                                        "MUNICIPAL",
                                        "REVOKED",
                                        "880101"))
                        .replace("TECH_BUSINESS_INCUBATOR", "MAKER_SPACE"));
        awaitValue(code, "880101", String.valueOf(now - 1), 2);
        assertValue(code, "880101", String.valueOf(now), 1);
        assertAbsent(code, "880101", next);

        assertThat(QuarkusTransaction.requiringNew().call(() -> derived.rollForward(now + 1)))
                .isPositive();
        assertValue(code, "880101", next, 1);
        assertValue("platforms", "880000", next, 1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> derived.rollForward(now + 1)))
                .isZero();

        given().post("/api/v1/indicators/derived/rebuild")
                .then()
                .statusCode(200)
                .body("cellsChanged", equalTo(0));
        assertValue(code, "880101", next, 1);
        // an event after New Year writes the new year's cells as well
        publish(
                PLATFORMS,
                open,
                platformEvent(
                                "deleted",
                                open,
                                2,
                                "MUNICIPAL",
                                "ACTIVE",
                                "880101",
                                "2019-03-01",
                                step("2019-03-01", "ACCREDITED", "MUNICIPAL", "ACTIVE", "880101"))
                        .replace("TECH_BUSINESS_INCUBATOR", "MAKER_SPACE"));
        awaitValue(code, "880101", next, 0);
        assertValue(code, "880101", "2019", 1);
    }

    /**
     * After an upgrade from the event-year form (the migration empties the old state and marks a
     * rebuild as owed), the upkeep rebuilds from the topics by itself, once.
     */
    @Test
    void anOwedRebuildRunsByItself() {
        String id = UUID.randomUUID().toString();
        awaitConsumed(
                publish(
                        PLATFORMS,
                        id,
                        platformEvent(
                                "created",
                                id,
                                1,
                                "NATIONAL",
                                "ACTIVE",
                                "890101",
                                "2020-08-01",
                                step("2020-08-01", "ACCREDITED", "NATIONAL", "ACTIVE", "890101"))));
        awaitValue("platforms", "890000", "2020", 1);
        Map<String, String> state = derivedState();
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            entityManager
                                    .createNativeQuery("TRUNCATE derived_source, derived_total")
                                    .executeUpdate();
                            entityManager
                                    .createNativeQuery(
                                            "UPDATE derived_state SET rebuild_needed = true")
                                    .executeUpdate();
                            entityManager
                                    .createNativeQuery(
                                            """
                    UPDATE observation SET value = 3 WHERE indicator_code = 'platforms' AND region_code = '890000'
                       AND period = '2020'""")
                                    .executeUpdate();
                        });
        derived.upkeep();
        assertValue("platforms", "890000", "2020", 1);
        assertThat(derivedState()).isEqualTo(state);
        assertThat(
                        entityManager
                                .createNativeQuery("SELECT rebuild_needed FROM derived_state")
                                .getSingleResult())
                .isEqualTo(false);
    }

    /**
     * A derived count target gets its status from the registry's dated history, read with today's
     * knowledge for the years up to asOf: before any platform, the count is 0 (a real value, so the
     * target is not met rather than NO_DATA); a platform registered today but accredited in 2019
     * meets a 2020 target as of 2020-12-31. A sum of derived counts (academician workstations and
     * post-doctoral stations) too.
     */
    @Test
    void aDerivedCountTargetGetsAStatusFromTheDatedHistory() {
        for (String body :
                List.of(
                        """
                {"indicator":"platforms.tech_business_incubator.provincial","region":"850100","kind":"LEVEL","targetValue":1,
                 "targetPeriod":"2020","plan":"test plan"}""",
                        """
                {"indicator":"academician_and_postdoctoral_stations","region":"850100","kind":"LEVEL","targetValue":2,
                 "targetPeriod":"2020","plan":"test plan"}""")) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/targets")
                    .then()
                    .statusCode(201);
        }
        String incubatorTarget =
                "items.find { it.target.indicator == 'platforms.tech_business_incubator.provincial' }";
        String stationsTarget =
                "items.find { it.target.indicator == 'academician_and_postdoctoral_stations' }";
        given().queryParam("asOf", "2020-12-31")
                .get("/api/v1/scorecards/850100")
                .then()
                .statusCode(200)
                .body(incubatorTarget + ".status", equalTo("OFF_TRACK"))
                .body(incubatorTarget + ".value", equalTo(0))
                .body(incubatorTarget + ".period", equalTo("2020"))
                .body(stationsTarget + ".status", equalTo("OFF_TRACK"))
                .body(stationsTarget + ".value", equalTo(0));

        String incubator = UUID.randomUUID().toString();
        publish(
                PLATFORMS,
                incubator,
                platformEvent(
                        "created",
                        incubator,
                        1,
                        "PROVINCIAL",
                        "ACTIVE",
                        "850101",
                        "2019-06-15",
                        step("2019-06-15", "ACCREDITED", "PROVINCIAL", "ACTIVE", "850101")));
        String workstation = UUID.randomUUID().toString();
        publish(
                PLATFORMS,
                workstation,
                platformEvent(
                                "created",
                                workstation,
                                1,
                                "PROVINCIAL",
                                "ACTIVE",
                                "850102",
                                "2018-04-01",
                                step("2018-04-01", "ACCREDITED", "PROVINCIAL", "ACTIVE", "850102"))
                        .replace("TECH_BUSINESS_INCUBATOR", "ACADEMICIAN_WORKSTATION"));
        awaitValue("platforms.academician_workstation", "850100", "2020", 1);
        awaitValue("platforms.tech_business_incubator.provincial", "850100", "2020", 1);
        given().queryParam("asOf", "2020-12-31")
                .get("/api/v1/scorecards/850100")
                .then()
                .statusCode(200)
                .body(incubatorTarget + ".status", equalTo("ACHIEVED"))
                .body(incubatorTarget + ".value", equalTo(1))
                .body(stationsTarget + ".status", equalTo("OFF_TRACK"))
                .body(stationsTarget + ".value", equalTo(1));
        // A year earlier the incubator already counted (accredited 2019), and 2020 had not been
        // reached yet.
        given().queryParam("asOf", "2019-12-31")
                .get("/api/v1/scorecards/850100")
                .then()
                .statusCode(200)
                .body(incubatorTarget + ".status", equalTo("ACHIEVED"))
                .body(incubatorTarget + ".period", equalTo("2019"))
                .body(stationsTarget + ".status", equalTo("AT_RISK"));
        given().queryParam("asOf", "2018-12-31")
                .get("/api/v1/scorecards/850100")
                .then()
                .statusCode(200)
                .body(incubatorTarget + ".value", equalTo(0))
                .body(stationsTarget + ".value", equalTo(1));
    }

    @Test
    void derivedCellsAreNotWritableAndARebuildRestoresThemFromTheTopics() {
        String id = UUID.randomUUID().toString();
        String accredited = step("2021-05-01", "ACCREDITED", "NATIONAL", "ACTIVE", "830101");
        String reviewed =
                step("2021-06-01", "STATUS_CHANGED", "NATIONAL", "UNDER_REVIEW", "830101");
        publish(
                PLATFORMS,
                id,
                platformEvent(
                        "created",
                        id,
                        1,
                        "NATIONAL",
                        "ACTIVE",
                        "830101",
                        "2021-05-01",
                        accredited));
        awaitConsumed(
                publish(
                        PLATFORMS,
                        id,
                        platformEvent(
                                "updated",
                                id,
                                2,
                                "NATIONAL",
                                "UNDER_REVIEW",
                                "830101",
                                "2021-05-01",
                                accredited,
                                reviewed)));
        awaitValue("platforms.tech_business_incubator.national", "830101", "2021", 1);

        given().contentType(ContentType.JSON)
                .body("{\"value\":7}")
                .put(
                        "/api/v1/indicators/platforms.tech_business_incubator.national/observations/830101/2021")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("DERIVED"));

        // Drift (as after restoring an old backup): a rebuild from the topics puts the counts right
        // again,
        // and says honestly that it changed that one cell.
        Map<String, BigDecimal> live = cells("8301", "83");
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                entityManager
                                        .createNativeQuery(
                                                """
                UPDATE observation SET value = 5 WHERE indicator_code = 'platforms.tech_business_incubator.national'
                   AND region_code = '830101' AND period = '2021'""")
                                        .executeUpdate());
        assertValue("platforms.tech_business_incubator.national", "830101", "2021", 5);
        given().post("/api/v1/indicators/derived/rebuild")
                .then()
                .statusCode(200)
                .body("cellsChanged", equalTo(1));
        assertValue("platforms.tech_business_incubator.national", "830101", "2021", 1);
        assertThat(cells("8301", "83")).isEqualTo(live);
        // The running state lost (sources and totals): the rebuild finds it again and changes no
        // cell.
        Map<String, String> state = derivedState();
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                entityManager
                                        .createNativeQuery("TRUNCATE derived_source, derived_total")
                                        .executeUpdate());
        given().post("/api/v1/indicators/derived/rebuild")
                .then()
                .statusCode(200)
                .body("cellsChanged", equalTo(0));
        assertThat(cells("8301", "83")).isEqualTo(live);
        assertThat(derivedState()).isEqualTo(state);
        // Live events still apply after it.
        publish(
                PLATFORMS,
                id,
                platformEvent(
                        "updated",
                        id,
                        3,
                        "PROVINCIAL",
                        "ACTIVE",
                        "830101",
                        "2021-05-01",
                        accredited,
                        reviewed,
                        step("2021-07-01", "LEVEL_CHANGED", "PROVINCIAL", "ACTIVE", "830101")));
        awaitValue("platforms.tech_business_incubator.provincial", "830101", "2021", 1);
        assertValue("platforms.tech_business_incubator.national", "830101", "2021", 0);
    }

    @Test
    void aComputedSumTreatsAMissingDerivedCountAsZero() {
        String id = UUID.randomUUID().toString();
        publish(
                PLATFORMS,
                id,
                legacyPlatformEvent(
                                "created",
                                id,
                                1,
                                "2020-05-01T09:00:00+08:00",
                                "PROVINCIAL",
                                "ACTIVE",
                                "840101",
                                "2020-05-01",
                                "2020-05-01T01:00:00Z")
                        .replace("TECH_BUSINESS_INCUBATOR", "ACADEMICIAN_WORKSTATION"));
        awaitValue("platforms.academician_workstation", "840101", "2020", 1);
        given().queryParam("region", "840101")
                .get("/api/v1/indicators/academician_and_postdoctoral_stations/series")
                .then()
                .statusCode(200)
                .body("items[0].value", equalTo(1))
                .body("items[0].period", equalTo("2020"));
    }

    /**
     * R1 from the consumer's side: Kafka is stopped for 30 s after the consumer has applied half of
     * the platforms' events; once it is back the relay publishes what waited in its outbox, and
     * repeats some events it had already sent (as it may after a failure). Every platform is
     * counted once: the count equals the platforms sent, and the cell has one revision per
     * platform, none for the repeats.
     */
    @Test
    void aThirtySecondBrokerOutageLosesNothingAndAppliesNothingTwice() throws Exception {
        String region = "870101";
        List<String> ids = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int n = 0; n < 80; n++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            events.add(
                    legacyPlatformEvent(
                            "created",
                            id,
                            1,
                            "2022-04-01T09:00:00+08:00",
                            "MUNICIPAL",
                            "ACTIVE",
                            region,
                            "2022-04-01",
                            "2022-04-01T01:00:00Z"));
        }
        RecordMetadata last = null;
        for (int n = 0; n < 40; n++) {
            last = publish("registry.platform.v1", ids.get(n), events.get(n));
        }
        awaitConsumed(last);
        broker.stop();
        try {
            Thread.sleep(Duration.ofSeconds(30).toMillis());
        } finally {
            broker.start();
        }
        EventWriter.reconnect(bootstrapServers);
        for (int n = 40; n < 80; n++) {
            publish(PLATFORMS, ids.get(n), events.get(n));
            if (n % 2 == 0) { // a repeat of an event sent before the outage, byte for byte
                publish(PLATFORMS, ids.get(n - 40), events.get(n - 40));
            }
        }
        awaitConsumed(publish(PLATFORMS, ids.get(0), events.get(0)));
        awaitValue("platforms", region, "2022", 80);
        Number revisions =
                (Number)
                        entityManager
                                .createNativeQuery(
                                        """
                SELECT count(*) FROM observation_revision
                 WHERE indicator_code = 'platforms' AND region_code = ?1 AND period = '2022'""")
                                .setParameter(1, region)
                                .getSingleResult();
        assertThat(revisions.longValue())
                .as("one revision per platform, none for a repeat")
                .isEqualTo(80);
        Number sources =
                (Number)
                        entityManager
                                .createNativeQuery(
                                        "SELECT count(*) FROM derived_source WHERE source_id IN (?1)")
                                .setParameter(
                                        1,
                                        ids.stream()
                                                .map(id -> "registry.platform.v1/" + id)
                                                .toList())
                                .getSingleResult();
        assertThat(sources.longValue()).as("platforms the consumer keeps").isEqualTo(80);
    }

    private RecordMetadata publish(String topic, String key, String json) {
        return EventWriter.on(bootstrapServers).write(topic, key, json);
    }

    /**
     * A platform event as the registry publishes it now: the view plus its dated history, oldest
     * first.
     */
    private static String platformEvent(
            String action,
            String id,
            long sequence,
            String level,
            String status,
            String region,
            String accreditedOn,
            String... history) {
        return platformEvent(
                action, id, sequence, level, status, region, accreditedOn, List.of(history));
    }

    private static String platformEvent(
            String action,
            String id,
            long sequence,
            String level,
            String status,
            String region,
            String accreditedOn,
            List<String> history) {
        return envelope(
                "registry",
                "platform",
                action,
                id,
                sequence,
                OffsetDateTime.now().toString(),
                """
                {"id":"%s","nameZh":"测试孵化器","type":"TECH_BUSINESS_INCUBATOR","level":"%s","status":"%s","regionCode":"%s",
                 "accreditedOn":%s,"createdAt":"%s","version":%d,"history":[%s],"someFieldAddedLater":{"ignored":true}}"""
                        .formatted(
                                id,
                                level,
                                status,
                                region,
                                quoted(accreditedOn),
                                OffsetDateTime.now(),
                                sequence,
                                String.join(",", history)));
    }

    /**
     * One step of a platform's dated history (an incubator's, unless the event's type is replaced).
     */
    private static String step(
            String effectiveOn, String change, String level, String status, String region) {
        return """
                {"effectiveOn":"%s","change":"%s","type":"TECH_BUSINESS_INCUBATOR","level":"%s","status":"%s","regionCode":"%s",
                 "note":null,"recordedAt":"%s"}"""
                .formatted(effectiveOn, change, level, status, region, OffsetDateTime.now());
    }

    /** A platform event from before the history was published: the view alone. */
    private static String legacyPlatformEvent(
            String action,
            String id,
            long sequence,
            String time,
            String level,
            String status,
            String region,
            String accreditedOn,
            String createdAt) {
        return envelope(
                "registry",
                "platform",
                action,
                id,
                sequence,
                time,
                """
                {"id":"%s","nameZh":"测试孵化器","type":"TECH_BUSINESS_INCUBATOR","level":"%s","status":"%s","regionCode":"%s",
                 "accreditedOn":%s,"createdAt":"%s","version":%d,"someFieldAddedLater":{"ignored":true}}"""
                        .formatted(
                                id,
                                level,
                                status,
                                region,
                                quoted(accreditedOn),
                                createdAt,
                                sequence));
    }

    /**
     * A project event as the projects service publishes it now: the view plus its stage
     * transitions.
     */
    private static String projectEvent(
            String action,
            String id,
            long sequence,
            String stage,
            String planned,
            String completed,
            String signedOn,
            String landedOn,
            String region,
            List<String> transitions) {
        String legacy =
                legacyProjectEvent(
                        action, id, sequence, stage, planned, completed, signedOn, landedOn,
                        region);
        String stageSince =
                transitions
                        .get(transitions.size() - 1)
                        .replaceAll(".*\"on\":\"([0-9-]+)\".*", "$1");
        return legacy.substring(0, legacy.length() - 2)
                + ",\"stageSince\":\""
                + stageSince
                + "\",\"transitions\":["
                + String.join(",", transitions)
                + "]}}";
    }

    private static String transition(String from, String to, String on) {
        return """
                {"from":%s,"to":"%s","on":"%s","note":null,"recordedAt":"%s"}"""
                .formatted(quoted(from), to, on, OffsetDateTime.now());
    }

    /** A project event from before the transitions were published. */
    private static String legacyProjectEvent(
            String action,
            String id,
            long sequence,
            String stage,
            String planned,
            String completed,
            String signedOn,
            String landedOn,
            String region) {
        String tier =
                new BigDecimal(planned).compareTo(new BigDecimal("1000000000")) >= 0
                        ? "FROM_1B"
                        : new BigDecimal(planned).compareTo(new BigDecimal("500000000")) >= 0
                                ? "FROM_500M"
                                : new BigDecimal(planned).compareTo(new BigDecimal("100000000"))
                                                >= 0
                                        ? "FROM_100M"
                                        : "BELOW_100M";
        return envelope(
                "projects",
                "project",
                action,
                id,
                sequence,
                "2019-02-01T10:00:00+08:00",
                """
                {"id":"%s","name":"测试项目","regionCode":"%s","plannedInvestment":%s,"tier":"%s","completedInvestment":%s,
                 "stage":"%s","signedOn":%s,"landedOn":%s,"createdAt":"2018-01-05T10:00:00+08:00","version":%d}"""
                        .formatted(
                                id,
                                region,
                                planned,
                                tier,
                                completed,
                                stage,
                                quoted(signedOn),
                                quoted(landedOn),
                                sequence));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String envelope(
            String service,
            String aggregate,
            String action,
            String id,
            long sequence,
            String time,
            String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"urn:innoreg:%s","type":"org.innoreg.%s.%s.%s","subject":"%s",
                 "time":"%s","sequence":"%020d","datacontenttype":"application/json","data":%s}"""
                .formatted(
                        UUID.randomUUID(),
                        service,
                        service,
                        aggregate,
                        action,
                        id,
                        time,
                        sequence,
                        data);
    }

    private static void awaitValue(String code, String region, String period, long expected) {
        await().atMost(WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertValue(code, region, period, expected));
    }

    private static void assertValue(String code, String region, String period, long expected) {
        given().get("/api/v1/indicators/" + code + "/observations/" + region + "/" + period)
                .then()
                .statusCode(200)
                .body("value", equalTo((int) expected));
    }

    private static void assertAbsent(String code, String region, String period) {
        given().get("/api/v1/indicators/" + code + "/observations/" + region + "/" + period)
                .then()
                .statusCode(404);
    }

    /**
     * Every derived cell of regions starting with one of these prefixes: code/region/period →
     * value.
     */
    @SuppressWarnings("unchecked")
    private Map<String, BigDecimal> cells(String... prefixes) {
        Map<String, BigDecimal> cells = new TreeMap<>();
        for (String prefix : prefixes) {
            List<Object[]> rows =
                    entityManager
                            .createNativeQuery(
                                    """
                    SELECT o.indicator_code, o.region_code, o.period, o.value FROM observation o
                      JOIN indicator i ON i.code = o.indicator_code AND i.kind = 'DERIVED'
                     WHERE o.region_code LIKE ?1""")
                            .setParameter(1, prefix + "%")
                            .getResultList();
            rows.forEach(
                    r ->
                            cells.put(
                                    r[0] + "/" + r[1] + "/" + r[2],
                                    ((BigDecimal) r[3]).stripTrailingZeros()));
        }
        return cells;
    }

    /**
     * The state behind every derived cell: each source's sequence and contributions, each running
     * total.
     */
    @SuppressWarnings("unchecked")
    private Map<String, String> derivedState() {
        Map<String, String> state = new TreeMap<>();
        ((List<Object[]>)
                        entityManager
                                .createNativeQuery(
                                        "SELECT source_id, sequence, CAST(contributions AS text) FROM derived_source")
                                .getResultList())
                .forEach(r -> state.put("source/" + r[0], r[1] + " " + r[2]));
        ((List<Object[]>)
                        entityManager
                                .createNativeQuery(
                                        "SELECT indicator_code, region_code, period, value FROM derived_total")
                                .getResultList())
                .forEach(
                        r ->
                                state.put(
                                        "total/" + r[0] + "/" + r[1] + "/" + r[2],
                                        ((BigDecimal) r[3]).stripTrailingZeros().toPlainString()));
        return state;
    }

    private static void assertRevisions(String cell, int count) {
        String[] parts = cell.split("/");
        given().get(
                        "/api/v1/indicators/"
                                + parts[0]
                                + "/observations/"
                                + parts[1]
                                + "/"
                                + parts[2]
                                + "/revisions")
                .then()
                .body("items.size()", equalTo(count));
    }

    /**
     * Waits until the service's consumer group has committed past this record: it was applied or
     * recognised.
     */
    private void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(WITHIN)
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(
                            () -> {
                                OffsetAndMetadata committed =
                                        admin.listConsumerGroupOffsets("indicators-service")
                                                .partitionsToOffsetAndMetadata()
                                                .get()
                                                .get(partition);
                                assertThat(committed).isNotNull();
                                assertThat(committed.offset()).isGreaterThan(record.offset());
                            });
        }
    }
}
