package org.innoreg.systemtests.consistency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.suite.Api;
import org.innoreg.testsupport.suite.CatchUp;
import org.innoreg.testsupport.suite.EventContractCheck;
import org.innoreg.testsupport.suite.Suite;

/**
 * Read models stay true (issue 14, "What it must show"): a fixed-seed jqwik run of a few hundred
 * random operations through the gateway (create, update, move between regions, upgrade, revoke,
 * delete, CSV import; over platforms, organisations and projects) with redelivered and reordered
 * events mixed in. After the consumers catch up, and again after each rebuild, the gateway's search
 * entries, the feed's latest state per subject and every derived platform cell equal what SQL over
 * the owning services' databases says ({@link ReadModels}). Checkpoints in the chain look at the
 * same things half-way.
 *
 * <p>One try, no shrinking: each operation is real I/O against one suite, so a shrunk chain could
 * not be replayed against a fresh state. The operations count is {@code
 * -Dinnoreg.consistency.operations} (300).
 */
class ReadModelConsistencyIT {

    static final String SEED = "20261201";
    private static final int OPERATIONS = Integer.getInteger("innoreg.consistency.operations", 300);
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private static Suite suite;
    private static Api api;
    private static Redelivery redelivery;
    private static CatchUp catchUp;
    private static ReadModels readModels;
    private static World world;

    @BeforeContainer
    static void startSuite() {
        suite = Suite.start("consistency");
        api = new Api(suite::gateway, TestTokens.admin());
        redelivery = new Redelivery(suite.bootstrapServers());
        catchUp = new CatchUp(suite);
        readModels = new ReadModels(suite);
    }

    @AfterContainer
    static void stopSuite() {
        if (redelivery != null) {
            redelivery.close();
        }
        if (catchUp != null) {
            catchUp.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Property(tries = 1, seed = SEED, shrinking = ShrinkingMode.OFF)
    void readModelsAgreeWithTheRecordsTheyAreBuiltFrom(
            @ForAll("operations") ActionChain<World> chain) {
        long started = System.nanoTime();
        chain.run();
        long operated = System.nanoTime();
        Map<String, ReadModels.Result> phases = new LinkedHashMap<>();
        phases.put("after the consumers caught up", look("the operations"));
        api.post("/api/v1/search/rebuild", "{}").expect(200);
        phases.put("after POST /api/v1/search/rebuild", look("the search rebuild"));
        api.post("/api/v1/indicators/derived/rebuild", "{}").expect(200);
        phases.put("after POST /api/v1/indicators/derived/rebuild", look("the derived rebuild"));

        StringBuilder summary =
                new StringBuilder("\n[system-tests] read model consistency, seed ")
                        .append(SEED)
                        .append(", ")
                        .append(chain.transformations().size())
                        .append(" operations in ")
                        .append(
                                String.format(
                                        "%.1f s (checks %.1f s)",
                                        (operated - started) / 1e9,
                                        (System.nanoTime() - operated) / 1e9))
                        .append(
                                "\n  operations (count, and those whose answer was not the expected one):\n")
                        .append(world.stats.summary())
                        .append("  events redelivered: ")
                        .append(redelivery.copies)
                        .append(" copies (")
                        .append(redelivery.freshIdCopies)
                        .append(" of them with a fresh event id) of ")
                        .append(redelivery.redeliveredOriginals.size())
                        .append(" published events\n  records left: ")
                        .append(world.sizes())
                        .append('\n');
        world.stats.notes.forEach(note -> summary.append("  note: ").append(note).append('\n'));
        List<String> failures = new ArrayList<>();
        world.checkpointFailures.forEach(
                (phase, found) -> found.forEach(f -> failures.add("[" + phase + "] " + f)));
        phases.forEach(
                (phase, result) -> {
                    summary.append(
                            String.format(
                                    "  %-48s search entries %d, feed subjects %d, derived platform cells %d (%d non-zero),"
                                            + " project stage cells %d: %s%n",
                                    phase,
                                    result.searchEntries(),
                                    result.feedSubjects(),
                                    result.cells(),
                                    result.nonZeroCells(),
                                    result.projectCells(),
                                    result.ok()
                                            ? "all agree"
                                            : result.failures().size() + " kinds of disagreement"));
                    result.failures().forEach(f -> failures.add("[" + phase + "] " + f));
                });
        EventContractCheck.Report events =
                EventContractCheck.of(api.get("/asyncapi.yaml").expect(200).body())
                        .check(suite.bootstrapServers());
        summary.append(
                String.format(
                        "  events on the topics against /asyncapi.yaml: %d, %d violations (%s)%n",
                        events.events(), events.violations().size(), events.eventsByType()));
        events.violations().forEach(v -> failures.add("[AsyncAPI] " + v));
        world.stats.unexpected.stream().limit(20).forEach(u -> failures.add("[operation] " + u));
        if (world.stats.unexpected.size() > 20) {
            failures.add(
                    "[operation] … and "
                            + (world.stats.unexpected.size() - 20)
                            + " more unexpected answers");
        }
        System.out.println(summary);
        if (!failures.isEmpty()) {
            throw new AssertionError(
                    failures.size()
                            + " findings (seed "
                            + SEED
                            + ", logs "
                            + suite.runDirectory()
                            + "):\n  "
                            + String.join("\n  ", failures));
        }
    }

    /**
     * Catches up, then checks; a disagreement is looked at again for a few seconds before it
     * counts.
     */
    private static ReadModels.Result look(String after) {
        String pending = catchUp.await(CATCH_UP);
        ReadModels.Result result = readModels.check();
        for (int i = 0; i < 10 && !result.ok(); i++) {
            sleep(500);
            result = readModels.check();
        }
        if (!pending.isEmpty()) {
            List<String> failures = new ArrayList<>(result.failures());
            failures.add(
                    0,
                    "not caught up " + CATCH_UP.toSeconds() + " s after " + after + ": " + pending);
            result =
                    new ReadModels.Result(
                            failures,
                            result.searchEntries(),
                            result.feedSubjects(),
                            result.cells(),
                            result.nonZeroCells(),
                            result.projectCells());
        }
        return result;
    }

    @Provide
    Arbitrary<ActionChain<World>> operations() {
        ActionChainArbitrary<World> chain =
                ActionChain.startWith(() -> world = new World(suite, api, redelivery));
        chain =
                chain.withAction(6, always("create organisation", World::createOrganization))
                        .withAction(
                                2,
                                when(
                                        "rename organisation",
                                        w -> !w.orgs.isEmpty(),
                                        World::renameOrganization))
                        .withAction(
                                2,
                                when(
                                        "move organisation",
                                        w -> !w.orgs.isEmpty(),
                                        World::moveOrganization))
                        .withAction(
                                1,
                                when(
                                        "delete organisation",
                                        w -> !w.orgs.isEmpty(),
                                        World::deleteOrganization))
                        .withAction(2, always("import organisations", World::importOrganizations))
                        .withAction(10, always("create platform", World::createPlatform))
                        .withAction(
                                3,
                                when(
                                        "rename platform",
                                        w -> !w.platforms.isEmpty(),
                                        World::renamePlatform))
                        .withAction(
                                4,
                                when(
                                        "move platform",
                                        w -> !w.platforms.isEmpty(),
                                        World::movePlatform))
                        .withAction(
                                5,
                                when(
                                        "upgrade platform",
                                        w -> !w.platforms.isEmpty(),
                                        World::upgradePlatform))
                        .withAction(
                                4,
                                when(
                                        "revoke platform",
                                        w -> !w.platforms.isEmpty(),
                                        World::revokePlatform))
                        .withAction(
                                3,
                                when(
                                        "delete platform",
                                        w -> !w.platforms.isEmpty(),
                                        World::deletePlatform))
                        .withAction(3, always("import platforms", World::importPlatforms))
                        .withAction(6, always("create project", World::createProject))
                        .withAction(
                                2,
                                when(
                                        "update project",
                                        w -> !w.projects.isEmpty(),
                                        World::updateProject))
                        .withAction(
                                2,
                                when(
                                        "move project",
                                        w -> !w.projects.isEmpty(),
                                        World::moveProject))
                        .withAction(
                                4,
                                when(
                                        "advance project",
                                        w -> !w.projects.isEmpty(),
                                        World::advanceProject))
                        .withAction(
                                1,
                                when(
                                        "cancel project",
                                        w -> !w.projects.isEmpty(),
                                        World::cancelProject))
                        .withAction(
                                1,
                                when(
                                        "delete project",
                                        w -> !w.projects.isEmpty() && w.projectDeletes,
                                        World::deleteProject))
                        .withAction(2, always("import projects", World::importProjects))
                        .withAction(4, always("redeliver events", World::redeliver))
                        .withAction(1, always("rebuild search", (w, r) -> w.rebuildSearch()))
                        .withAction(1, always("rebuild derived", (w, r) -> w.rebuildDerived()))
                        .withAction(1, always("checkpoint", (w, r) -> checkpoint(w)));
        return chain.withMaxTransformations(OPERATIONS);
    }

    /** Half-way: catch up and look (the first findings of each kind are kept). */
    private static void checkpoint(World w) {
        w.stats.count("checkpoint", true);
        ReadModels.Result result = look("a checkpoint");
        if (!result.ok() && w.checkpointFailures.size() < 3) {
            w.checkpointFailures.put(
                    "checkpoint after "
                            + w.stats.operations.values().stream().mapToInt(n -> n[0] + n[1]).sum()
                            + " operations",
                    result.failures());
        }
    }

    private static Action.Independent<World> always(
            String description, BiConsumer<World, Random> operation) {
        return new Action.Independent<>() {
            @Override
            public Arbitrary<Transformer<World>> transformer() {
                return Arbitraries.longs()
                        .map(
                                seed ->
                                        Transformer.mutate(
                                                description,
                                                w -> operation.accept(w, new Random(seed))));
            }
        };
    }

    private static Action.Independent<World> when(
            String description,
            Predicate<World> precondition,
            BiConsumer<World, Random> operation) {
        return new Action.Independent<>() {
            @Override
            public boolean precondition(World w) {
                return precondition.test(w);
            }

            @Override
            public Arbitrary<Transformer<World>> transformer() {
                return Arbitraries.longs()
                        .map(
                                seed ->
                                        Transformer.mutate(
                                                description,
                                                w -> operation.accept(w, new Random(seed))));
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
