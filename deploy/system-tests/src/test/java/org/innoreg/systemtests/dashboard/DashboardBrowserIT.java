package org.innoreg.systemtests.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.innoreg.systemtests.harness.Demo;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.suite.Api;
import org.innoreg.testsupport.suite.CatchUp;
import org.innoreg.testsupport.suite.Suite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's dashboard ({@code /}) in a real browser, on the demo data: {@code
 * src/test/node/dashboard-check.mjs} (playwright-core, pinned by its package-lock.json) drives
 * Debian's chromium through the page as a director would: Changde (430700), as of 2018-12-31. It
 * reports what the page shows, and this class compares it with what the API answers for the same
 * question: the funnel's totals by tier with {@code /api/v1/projects/stats}, every scorecard row's
 * status with {@code /api/v1/scorecards/430700}, the platform counts with {@code
 * /api/v1/platforms/stats}. It also creates a platform through the API and times its arrival in
 * "what changed" (at most 2 s), records every request the page makes (none may leave this machine)
 * and every console error (none allowed), saves screenshots at 1280×800 and at a phone's width and
 * the scorecard printed to PDF under {@code target/dashboard/}, and counts that PDF's A4 pages
 * (one).
 *
 * <p>{@code -Dinnoreg.dashboard.hold=true} keeps the suite running after the check (until {@code
 * target/dashboard/stop} exists), for looking at the page by hand.
 */
class DashboardBrowserIT {

    private static final String CITY = "430700";
    private static final String AS_OF = "2018-12-31";
    private static final Duration CATCH_UP = Duration.ofSeconds(45);

    private static Suite suite;
    private static Api api;
    private static Path out;

    @BeforeAll
    static void startSuiteWithDemoData() throws Exception {
        out = Path.of("target", "dashboard").toAbsolutePath();
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("stop"));
        suite = Suite.start("dashboard");
        api = new Api(suite::gateway, null);
        System.out.println("[dashboard] demo data loaded:\n" + Demo.load(suite).strip());
        try (CatchUp catchUp = new CatchUp(suite)) {
            String pending = catchUp.await(CATCH_UP);
            assertThat(pending).as("consumers caught up with the demo load").isEmpty();
        }
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (suite == null) {
            return;
        }
        if (Boolean.getBoolean("innoreg.dashboard.hold")) {
            System.out.printf(
                    "[dashboard] holding: %s (editor token: %s); touch %s to stop%n",
                    suite.gateway("/"), editorToken(), out.resolve("stop"));
            while (!Files.exists(out.resolve("stop"))) {
                Thread.sleep(1000);
            }
        }
        suite.close();
    }

    private static String editorToken() {
        return TestTokens.token(
                "dashboard-check", List.of("registry-editor", "projects-editor"), List.of(CITY));
    }

    @Test
    void theDashboardShowsWhatTheApiSaysAndFollowsTheFeed() throws Exception {
        JsonNode seen = DashboardCheck.run(out, suite.gateway(""), CITY, AS_OF, editorToken());
        assertThat(seen.path("failure").asText(""))
                .as("the browser check ran to its end")
                .isEmpty();
        SoftAssertions soft = new SoftAssertions();

        // The funnel's totals by tier: the seed's 214 / 36 / 13, as the projects service counts
        // them.
        JsonNode stats =
                api.get(
                                "/api/v1/projects/stats?groupBy=tier&year=2018&region="
                                        + CITY
                                        + "&asOf="
                                        + AS_OF)
                        .expect(200)
                        .json();
        Map<String, Long> expectedTiers = new TreeMap<>();
        stats.path("atLeast")
                .fields()
                .forEachRemaining(e -> expectedTiers.put(e.getKey(), e.getValue().asLong()));
        soft.assertThat(expectedTiers)
                .as("the API's atLeast for 2018")
                .containsEntry("FROM_100M", 214L)
                .containsEntry("FROM_500M", 36L)
                .containsEntry("FROM_1B", 13L);
        soft.assertThat(longs(seen.path("funnelTotals")))
                .as("funnel totals by tier on the page")
                .isEqualTo(expectedTiers);

        // Each funnel stage equals the API's funnel for that stage and tier.
        JsonNode funnel = stats.path("funnel");
        Map<String, Long> expectedStages = new TreeMap<>();
        funnel.forEach(
                stage ->
                        stage.path("atLeast")
                                .fields()
                                .forEachRemaining(
                                        tier ->
                                                expectedStages.put(
                                                        stage.path("stage").asText()
                                                                + "/"
                                                                + tier.getKey(),
                                                        tier.getValue().path("count").asLong())));
        soft.assertThat(expectedStages).as("the API's funnel").isNotEmpty();
        soft.assertThat(longs(seen.path("funnelStages")))
                .as("funnel stages on the page")
                .isEqualTo(expectedStages);

        // The scorecard: every target of the Changde plans, each with the status the API gives it.
        JsonNode scorecard =
                api.get("/api/v1/scorecards/" + CITY + "?asOf=" + AS_OF).expect(200).json();
        Map<String, String> expectedStatuses = new TreeMap<>();
        scorecard
                .path("items")
                .forEach(
                        p ->
                                expectedStatuses.put(
                                        p.path("target").path("id").asText(),
                                        p.path("status").asText()));
        soft.assertThat(expectedStatuses).as("targets on the API's scorecard").isNotEmpty();
        Map<String, String> shownStatuses = new TreeMap<>();
        seen.path("scorecard")
                .forEach(
                        row ->
                                shownStatuses.put(
                                        row.path("id").asText(), row.path("status").asText()));
        soft.assertThat(shownStatuses)
                .as("scorecard rows on the page (target id → status)")
                .isEqualTo(expectedStatuses);
        seen.path("scorecard")
                .forEach(
                        row ->
                                soft.assertThat(row.path("label").asText())
                                        .as("status label of %s", row.path("id").asText())
                                        .isNotBlank());

        // The platforms by type × level, as /api/v1/platforms/stats counts them on that day.
        JsonNode platforms =
                api.get(
                                "/api/v1/platforms/stats?groupBy=type,level&asOf="
                                        + AS_OF
                                        + "&region="
                                        + CITY)
                        .expect(200)
                        .json();
        Map<String, Long> expectedPlatforms = new TreeMap<>();
        platforms
                .path("groups")
                .forEach(
                        g ->
                                expectedPlatforms.put(
                                        g.path("type").asText() + "/" + g.path("level").asText(),
                                        g.path("count").asLong()));
        soft.assertThat(longs(seen.path("platforms")))
                .as("platform counts on the page (type/level)")
                .isEqualTo(expectedPlatforms);
        soft.assertThat(seen.path("platformTotal").asLong())
                .as("platform total on the page")
                .isEqualTo(platforms.path("total").asLong());

        // "What changed": a platform created through the API shows within 2 s.
        soft.assertThat(seen.path("feed").path("shown").asBoolean())
                .as("the new platform appeared in what changed: %s", seen.path("feed"))
                .isTrue();
        soft.assertThat(seen.path("feed").path("millis").asLong())
                .as("ms from the API's 201 to the row in what changed")
                .isBetween(0L, 2000L);

        // A signed-in reader sees what anonymous readers do not (the supervising officials of
        // overdue reviews).
        soft.assertThat(seen.path("signedIn").path("officialsShownAnonymous").asInt())
                .as("officials shown without a token")
                .isZero();
        soft.assertThat(seen.path("signedIn").path("officialsShownSignedIn").asInt())
                .as("officials shown with a token")
                .isPositive();

        // At a phone's width: the same numbers, and nothing wider than the screen (wide tables
        // scroll inside their box).
        soft.assertThat(longs(seen.path("phone").path("funnelTotals")))
                .as("funnel totals on a phone")
                .isEqualTo(expectedTiers);
        soft.assertThat(seen.path("phone").path("scorecard").size())
                .as("scorecard rows on a phone")
                .isEqualTo(expectedStatuses.size());
        soft.assertThat(seen.path("phone").path("scrollWidth").asInt())
                .as("page width on a 390 px screen")
                .isBetween(1, 390);
        // English on the switch, every control named for a screen reader.
        soft.assertThat(seen.path("english").path("lang").asText())
                .as("html lang after the switch")
                .isEqualTo("en");
        soft.assertThat(seen.path("english").path("title").asText())
                .as("heading after the switch")
                .isEqualTo("Innovation Registry dashboard");
        soft.assertThat(strings(seen.path("unlabelled")))
                .as("controls and images without an accessible name")
                .isEmpty();

        // The browser's own record: nothing left this machine, nothing went wrong, the pictures are
        // there.
        soft.assertThat(strings(seen.path("offMachineRequests")))
                .as("requests to other hosts")
                .isEmpty();
        soft.assertThat(strings(seen.path("consoleErrors")))
                .as("console errors and page errors")
                .isEmpty();
        soft.assertThat(seen.path("errorsShown").asText())
                .as("API failures the page shows (desktop)")
                .isEmpty();
        soft.assertThat(seen.path("phone").path("errorsShown").asText())
                .as("API failures the page shows (phone)")
                .isEmpty();
        soft.assertThat(seen.path("localRequests").asInt())
                .as("requests the page made to the gateway")
                .isPositive();
        soft.assertThat(seen.path("scorecardPrintPages").asInt())
                .as("A4 pages of the printed scorecard")
                .isEqualTo(1);
        for (String picture :
                List.of(
                        "desktop-1280x800.png",
                        "desktop-full.png",
                        "desktop-english.png",
                        "desktop-what-changed.png",
                        "phone-390x844.png",
                        "phone-full.png",
                        "scorecard-a4.pdf")) {
            soft.assertThat(out.resolve(picture)).as(picture).isNotEmptyFile();
        }
        soft.assertAll();
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> values = new TreeMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asLong()));
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
