package org.innoreg.indicators.derived;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.indicators.domain.Contribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What one event contributes, without Kafka or a database: the dated rules of {@link
 * PlatformCounts} and {@link ProjectTotals}, read as the cells of the years 2015 to 2030.
 */
@Tag("fast")
class DerivedContributionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HORIZON = 2030;

    private final PlatformCounts platforms = new PlatformCounts();
    private final ProjectTotals projects = new ProjectTotals();

    @Test
    void aPlatformCountsByTheClassificationItHeldOnTheLastDayOfEachYear() {
        Map<String, BigDecimal> cells =
                cells(
                        platforms,
                        platform(
                                "updated",
                                "NATIONAL",
                                "ACTIVE",
                                "430702",
                                null,
                                """
                [{"effectiveOn":"2019-06-15","change":"ACCREDITED","type":"TECH_BUSINESS_INCUBATOR","level":"PROVINCIAL","status":"ACTIVE","regionCode":"430702"},
                 {"effectiveOn":"2021-12-20","change":"LEVEL_CHANGED","type":"TECH_BUSINESS_INCUBATOR","level":"NATIONAL","status":"ACTIVE","regionCode":"430702"}]"""));
        String provincial = "platforms.tech_business_incubator.provincial/";
        String national = "platforms.tech_business_incubator.national/";
        assertThat(cells)
                .doesNotContainKey(provincial + "430702/2018")
                .containsEntry(provincial + "430702/2019", BigDecimal.ONE)
                .containsEntry(provincial + "430000/2020", BigDecimal.ONE)
                .doesNotContainKey(provincial + "430702/2021")
                .doesNotContainKey(national + "430702/2020")
                .containsEntry(national + "430700/2021", BigDecimal.ONE)
                .containsEntry(national + "430702/2030", BigDecimal.ONE)
                .containsEntry("platforms/430000/2025", BigDecimal.ONE)
                .doesNotContainKey("platforms/430702/2031");
        assertThat(cells.values())
                .allMatch(v -> v.equals(BigDecimal.ONE)); // never twice in one cell
        // one span per classification: provincial 2019-2020, national from 2021 on (× 3 codes × 3
        // regions)
        assertThat(
                        platforms.contributions(
                                platformEvent(
                                        "updated",
                                        "NATIONAL",
                                        "ACTIVE",
                                        "430702",
                                        null,
                                        """
                [{"effectiveOn":"2019-06-15","change":"ACCREDITED","type":"TECH_BUSINESS_INCUBATOR","level":"PROVINCIAL","status":"ACTIVE","regionCode":"430702"},
                 {"effectiveOn":"2021-12-20","change":"LEVEL_CHANGED","type":"TECH_BUSINESS_INCUBATOR","level":"NATIONAL","status":"ACTIVE","regionCode":"430702"}]""")))
                .hasSize(18)
                .contains(
                        Contribution.during(
                                "platforms.tech_business_incubator.provincial",
                                "430702",
                                2019,
                                2020,
                                BigDecimal.ONE),
                        Contribution.during(
                                "platforms.tech_business_incubator.national",
                                "430000",
                                2021,
                                null,
                                BigDecimal.ONE));
    }

    @Test
    void revocationMergerAndMovesEndOrMoveTheCountFromTheirYear() {
        Map<String, BigDecimal> cells =
                cells(
                        platforms,
                        platform(
                                "updated",
                                "PROVINCIAL",
                                "MERGED",
                                "430103",
                                null,
                                """
                [{"effectiveOn":"2016-03-01","change":"ACCREDITED","type":"KEY_LABORATORY","level":"PROVINCIAL","status":"ACTIVE","regionCode":"430702"},
                 {"effectiveOn":"2017-05-01","change":"STATUS_CHANGED","type":"KEY_LABORATORY","level":"PROVINCIAL","status":"REVOKED","regionCode":"430702"},
                 {"effectiveOn":"2017-11-01","change":"STATUS_CHANGED","type":"KEY_LABORATORY","level":"PROVINCIAL","status":"UNDER_REVIEW","regionCode":"430702"},
                 {"effectiveOn":"2019-01-01","change":"RECLASSIFIED","type":"KEY_LABORATORY","level":"PROVINCIAL","status":"ACTIVE","regionCode":"430103"},
                 {"effectiveOn":"2018-08-08","change":"STATUS_CHANGED","type":"KEY_LABORATORY","level":"PROVINCIAL","status":"REVOKED","regionCode":"430702"},
                 {"effectiveOn":"2022-12-31","change":"STATUS_CHANGED","type":"KEY_LABORATORY","level":"PROVINCIAL","status":"MERGED","regionCode":"430103"}]"""));
        String lab = "platforms.key_laboratory/";
        // revoked and back under review within 2017: 31 December decides; revoked in 2018 (steps
        // sorted by date)
        assertThat(cells)
                .containsKeys(lab + "430702/2016", lab + "430702/2017")
                .doesNotContainKey(lab + "430702/2018")
                .doesNotContainKey(lab + "430000/2018")
                // moved to Changsha (430103) on 1 January 2019, merged on 31 December 2022
                .doesNotContainKey(lab + "430702/2019")
                .doesNotContainKey(lab + "430700/2019")
                .containsKeys(lab + "430103/2019", lab + "430100/2021", lab + "430000/2021")
                .doesNotContainKey(lab + "430103/2022")
                .doesNotContainKey(lab + "430000/2023");
    }

    @Test
    void aDeletedPlatformCountsInNoYearAndAStepLeavesOutWhatDidNotChange() {
        assertThat(
                        platforms.contributions(
                                platformEvent(
                                        "deleted",
                                        "PROVINCIAL",
                                        "ACTIVE",
                                        "430702",
                                        "2019-06-15",
                                        null)))
                .isEmpty();
        // a step without a level keeps the one before; a step with a malformed date is malformed
        // data
        Map<String, BigDecimal> cells =
                cells(
                        platforms,
                        platform(
                                "updated",
                                "PROVINCIAL",
                                "ACTIVE",
                                "430702",
                                null,
                                """
                [{"effectiveOn":"2019-06-15","change":"ACCREDITED","type":"MAKER_SPACE","level":"MUNICIPAL","status":"ACTIVE","regionCode":"430702"},
                 {"effectiveOn":"2020-02-02","change":"STATUS_CHANGED","status":"UNDER_REVIEW"}]"""));
        assertThat(cells)
                .containsKeys(
                        "platforms.maker_space.municipal/430702/2020",
                        "platforms.maker_space.municipal/430702/2030");
        assertThat(
                        platforms.read(
                                platformEvent(
                                        "updated",
                                        "PROVINCIAL",
                                        "ACTIVE",
                                        "430702",
                                        null,
                                        """
                [{"effectiveOn":"2019-02-30","change":"ACCREDITED","type":"MAKER_SPACE","level":"MUNICIPAL","status":"ACTIVE","regionCode":"430702"}]""")))
                .isEmpty();
        // a region that is no GB/T 2260 code counts nowhere (rather than failing the consumer for
        // ever)
        assertThat(
                        platforms.contributions(
                                platformEvent(
                                        "created",
                                        "PROVINCIAL",
                                        "ACTIVE",
                                        "43",
                                        "2019-06-15",
                                        null)))
                .isEmpty();
    }

    @Test
    void withoutHistoryAPlatformCountsFromItsAccreditationOrRegistrationDay() {
        assertThat(
                        cells(
                                platforms,
                                platform(
                                        "created",
                                        "PROVINCIAL",
                                        "ACTIVE",
                                        "430702",
                                        "2017-03-01",
                                        null)))
                .containsKey("platforms/430702/2017")
                .doesNotContainKey("platforms/430702/2016");
        // registered at 01:30 on 1 January 2021 in Beijing: 2021, although it was still 2020 in UTC
        assertThat(
                        cells(
                                platforms,
                                platform("created", "PROVINCIAL", "ACTIVE", "430702", null, null)
                                        .replace(
                                                "\"createdAt\":\"2026-03-01T08:00:00+08:00\"",
                                                "\"createdAt\":\"2020-12-31T17:30:00Z\"")))
                .containsKey("platforms/430702/2021")
                .doesNotContainKey("platforms/430702/2020");
        assertThat(
                        platforms.contributions(
                                platformEvent(
                                        "updated",
                                        "PROVINCIAL",
                                        "REVOKED",
                                        "430702",
                                        "2017-03-01",
                                        null)))
                .isEmpty();
    }

    @Test
    void aProjectCountsInEachStageItReachedInThatYearAndOnceInItsYear() {
        Map<String, BigDecimal> cells =
                cells(
                        projects,
                        project(
                                "LANDED",
                                "2018-05-02",
                                "2019-03-10",
                                """
                [{"from":null,"to":"NEGOTIATING","on":"2017-11-02"},{"from":"NEGOTIATING","to":"SIGNED","on":"2018-05-02"},
                 {"from":"SIGNED","to":"LANDED","on":"2019-03-10"},{"from":"LANDED","to":"STALLED","on":"2020-01-05"},
                 {"from":"STALLED","to":"LANDED","on":"2020-06-01"}]"""));
        String tier = "projects.count.from_100m.";
        assertThat(cells)
                .containsEntry(tier + "negotiating/430702/2017", BigDecimal.ONE)
                .containsEntry(tier + "signed/430702/2018", BigDecimal.ONE)
                .containsEntry(tier + "landed/430700/2019", BigDecimal.ONE)
                .containsEntry(tier + "stalled/430000/2020", BigDecimal.ONE)
                .doesNotContainKey(tier + "landed/430702/2020") // resumed, not landed again
                .containsEntry("projects.count/430702/2019", BigDecimal.ONE)
                .containsEntry("projects.count.from_100m/430702/2019", BigDecimal.ONE)
                .doesNotContainKey("projects.count/430702/2018")
                .containsEntry(
                        "projects.planned_investment.from_100m.signed/430702/2018",
                        new BigDecimal("150000000"))
                .containsEntry(
                        "projects.completed_investment/430702/2019", new BigDecimal("20000000"));
        assertThat(cells.keySet()).noneMatch(key -> key.endsWith("/2021"));
        // not signed nor landed: its year is the one it entered the pipeline
        assertThat(
                        cells(
                                projects,
                                project(
                                        "NEGOTIATING",
                                        null,
                                        null,
                                        """
                [{"from":null,"to":"LEAD","on":"2016-04-01"},{"from":"LEAD","to":"NEGOTIATING","on":"2017-02-01"}]""")))
                .containsKeys(
                        "projects.count/430702/2016",
                        "projects.count.from_100m.lead/430702/2016",
                        "projects.count.from_100m.negotiating/430702/2017")
                .doesNotContainKey("projects.count/430702/2017");
    }

    @Test
    void withoutTransitionsAProjectReachesTheStagesItsDatesSay() {
        Map<String, BigDecimal> cells =
                cells(
                        projects,
                        project("UNDER_CONSTRUCTION", "2018-03-01", "2019-02-01", null)
                                .replace("\"stageSince\":null", "\"stageSince\":\"2020-07-01\""));
        assertThat(cells)
                .containsKeys(
                        "projects.count.from_100m.signed/430702/2018",
                        "projects.count.from_100m.landed/430702/2019",
                        "projects.count.from_100m.under_construction/430702/2020",
                        "projects.count/430702/2019");
        // nothing but the registration: the year it was registered (in Beijing)
        assertThat(cells(projects, project("LEAD", null, null, null)))
                .containsKeys(
                        "projects.count/430702/2018", "projects.count.from_100m.lead/430702/2018");
    }

    private static Map<String, BigDecimal> cells(ContributionRule rule, String json) {
        Map<String, BigDecimal> cells = new TreeMap<>();
        for (Contribution contribution : rule.read(event(json, rule.topic())).orElseThrow()) {
            contribution
                    .cells(HORIZON)
                    .forEach(
                            cell ->
                                    cells.merge(
                                            cell.indicator()
                                                    + "/"
                                                    + cell.region()
                                                    + "/"
                                                    + cell.period(),
                                            contribution.amount(),
                                            BigDecimal::add));
        }
        return cells;
    }

    private static ReceivedEvent event(String json, String topic) {
        return ReceivedEvent.parse(json, topic, JSON);
    }

    private static ReceivedEvent platformEvent(
            String action,
            String level,
            String status,
            String region,
            String accreditedOn,
            String history) {
        return event(
                platform(action, level, status, region, accreditedOn, history),
                "registry.platform.v1");
    }

    private static String platform(
            String action,
            String level,
            String status,
            String region,
            String accreditedOn,
            String history) {
        return envelope(
                "registry.platform." + action,
                """
                {"type":"TECH_BUSINESS_INCUBATOR","level":"%s","status":"%s","regionCode":"%s","accreditedOn":%s,
                 "createdAt":"2026-03-01T08:00:00+08:00"%s}"""
                        .formatted(
                                level,
                                status,
                                region,
                                accreditedOn == null ? "null" : "\"" + accreditedOn + "\"",
                                history == null ? "" : ",\"history\":" + history));
    }

    private static String project(
            String stage, String signedOn, String landedOn, String transitions) {
        return envelope(
                "projects.project.updated",
                """
                {"tier":"FROM_100M","stage":"%s","stageSince":null,"regionCode":"430702","plannedInvestment":150000000,
                 "completedInvestment":20000000,"signedOn":%s,"landedOn":%s,"createdAt":"2017-12-31T16:30:00Z"%s}"""
                        .formatted(
                                stage,
                                signedOn == null ? "null" : "\"" + signedOn + "\"",
                                landedOn == null ? "null" : "\"" + landedOn + "\"",
                                transitions == null ? "" : ",\"transitions\":" + transitions));
    }

    private static String envelope(String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"urn:innoreg:test","type":"org.innoreg.%s","subject":"%s",
                 "time":"2026-03-01T08:00:00+08:00","sequence":"00000000000000000001","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, UUID.randomUUID(), data);
    }
}
