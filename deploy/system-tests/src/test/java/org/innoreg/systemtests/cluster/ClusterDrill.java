package org.innoreg.systemtests.cluster;

import static org.innoreg.testsupport.Waiting.sleep;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.innoreg.systemtests.consistency.ReadModels;
import org.innoreg.systemtests.harness.ClusterStack;
import org.innoreg.testsupport.KafkaBroker;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.suite.Api;
import org.innoreg.testsupport.suite.CatchUp;
import org.innoreg.testsupport.suite.ServiceProcess;
import org.innoreg.testsupport.suite.Suite.Service;

/**
 * The fault drill of deploy/cluster: under steady writes through both gateways ({@link
 * SteadyLoad}), in turn kill -9 one Kafka node (back after 30 s), one replica of each service, one
 * gateway, and stop the database primary and promote its standby. Then reconcile, printing one line
 * per check and {@code N passed, M failed}. Run by {@code deploy/cluster/drill} and by {@link
 * ClusterDrillIT} in the build.
 */
public final class ClusterDrill {

    private static final Duration CALM = Duration.ofSeconds(180);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final List<Service> BACKENDS =
            List.of(Service.REGISTRY, Service.PROJECTS, Service.INDICATORS);

    /** The drill's findings: each check's line, and the measured fault windows. */
    public record Result(List<String> lines, int passed, int failed) {}

    private final ClusterStack stack;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, long[]> faults =
            new LinkedHashMap<>(); // name → [start, end] ms of the load's clock
    private final Map<String, String> recoveries = new LinkedHashMap<>();
    private int passed;
    private int failed;

    ClusterDrill(ClusterStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args.length > 0 ? args[0] : "target/cluster-drill").toAbsolutePath();
        Files.createDirectories(run);
        Result result;
        try (ClusterStack stack =
                ClusterStack.start(run.resolve("stack-" + System.currentTimeMillis()), null)) {
            result = new ClusterDrill(stack).run();
        }
        Files.writeString(
                run.resolve("drill-output.txt"),
                String.join("\n", result.lines()) + "\n",
                StandardCharsets.UTF_8);
        System.exit(result.failed() == 0 ? 0 : 1);
    }

    public Result run() throws Exception {
        String token = TestTokens.token("cluster-drill", List.of("admin"), List.of());
        try (CatchUp catchUp = new CatchUp(stack);
                SteadyLoad load = new SteadyLoad(stack, token, 4, 10).start()) {
            pause(15);
            fault(
                    load,
                    "kill -9 Kafka node 2, back after 30 s",
                    () -> {
                        KafkaBroker node = stack.kafka().node(2);
                        node.stop();
                        pause(30);
                        node.start();
                    });
            recoveries.put(
                    "relay after Kafka node 2 returned",
                    seconds(() -> catchUp.pending().isEmpty()));
            pause(10);
            fault(
                    load,
                    "kill -9 the replica of registry, projects and indicators whose relay publishes",
                    () -> {
                        List<ServiceProcess> killed = new ArrayList<>();
                        Map<Service, ServiceProcess> standbys = new EnumMap<>(Service.class);
                        for (Service service : BACKENDS) {
                            int active = relayActive(service);
                            killed.add(stack.replica(service, active));
                            standbys.put(service, stack.replica(service, 3 - active));
                        }
                        killed.forEach(ServiceProcess::kill);
                        long killedAt = System.nanoTime();
                        recoveries.put(
                                "relay standbys took over",
                                seconds(
                                        () ->
                                                standbys.values().stream()
                                                        .allMatch(ClusterDrill::publishes)));
                        recoveries.put(
                                "relays and consumers caught up after the kill",
                                seconds(() -> catchUp.pending().isEmpty()));
                        restart(killed, "killed replicas restarted", killedAt);
                        recoveries.put(
                                "consumers caught up after their restart",
                                seconds(() -> catchUp.pending().isEmpty()));
                    });
            pause(10);
            fault(
                    load,
                    "kill -9 gateway 1",
                    () -> {
                        ServiceProcess gateway = stack.replica(Service.GATEWAY, 1);
                        gateway.kill();
                        long killed = System.nanoTime();
                        pause(5);
                        restart(List.of(gateway), "gateway 1 restarted", killed);
                        // static membership: back within the session timeout, it is given its
                        // partitions again at once
                        recoveries.put(
                                "feed and search consumers caught up after gateway 1's restart",
                                seconds(() -> catchUp.pending().isEmpty()));
                    });
            pause(10);
            fault(
                    load,
                    "stop the PostgreSQL primary, promote the standby",
                    () -> {
                        double promoted = stack.failover();
                        recoveries.put(
                                "standby promoted and writable",
                                String.format(Locale.ROOT, "%.1f s", promoted));
                        recoveries.put(
                                "every replica ready on the new primary",
                                seconds(
                                        () ->
                                                stack.all().stream()
                                                        .allMatch(p -> p.readiness() == 200)));
                        recoveries.put(
                                "relays and consumers caught up on the new primary",
                                seconds(() -> catchUp.pending().isEmpty()));
                    });
            pause(15);
            load.close();
            String pending = catchUp.await(CALM);
            check(
                    "everything published and consumed after the drill",
                    pending.isEmpty(),
                    pending.isEmpty() ? "outboxes empty, no consumer lag" : pending);
            reconcile(load);
        }
        lines.add(passed + " passed, " + failed + " failed");
        lines.forEach(line -> System.out.println("[drill] " + line));
        return new Result(List.copyOf(lines), passed, failed);
    }

    // --- faults
    // -----------------------------------------------------------------------------------

    private interface Step {
        void run() throws Exception;
    }

    private void fault(SteadyLoad load, String name, Step step) throws Exception {
        long start = load.elapsedMillis();
        System.out.println("[drill] " + Instant.now() + " " + name);
        step.run();
        faults.put(name, new long[] {start, load.elapsedMillis()});
    }

    private void restart(List<ServiceProcess> processes, String what, long killedNanos) {
        long launched = System.nanoTime();
        processes.forEach(ServiceProcess::launch);
        processes.forEach(p -> p.awaitReady(Duration.ofSeconds(180)));
        recoveries.put(
                what + ": ready",
                String.format(
                        Locale.ROOT,
                        "%.1f s after launch (%.1f s after the kill)",
                        (System.nanoTime() - launched) / 1e9,
                        (System.nanoTime() - killedNanos) / 1e9));
    }

    private int relayActive(Service service) {
        for (int n = 1; n <= ClusterStack.REPLICAS; n++) {
            if (publishes(stack.replica(service, n))) {
                return n;
            }
        }
        throw new IllegalStateException(
                "no replica of " + service.module + " says its relay is active");
    }

    /**
     * Whether the replica's readiness answer says its outbox relay holds the lock (chassis
     * EventsReadiness).
     */
    private static boolean publishes(ServiceProcess replica) {
        try {
            HttpResponse<String> answer =
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(replica.url("/q/health/ready")))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return answer.body().contains("\"active (this replica publishes)\"");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private static String seconds(BooleanSupplier done) {
        long start = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - start > CALM.toNanos()) {
                return "not within " + CALM.toSeconds() + " s";
            }
            sleep(250);
        }
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
    }

    private static void pause(int seconds) {
        sleep(seconds * 1000L);
    }

    // --- reconciliation
    // ----------------------------------------------------------------------------

    private void reconcile(SteadyLoad load) throws Exception {
        Api api =
                new Api(
                        path -> stack.gateway(1, path),
                        TestTokens.token("cluster-drill", List.of("admin"), List.of()));
        List<SteadyLoad.Outcome> outcomes = load.outcomes();
        long writes = outcomes.stream().filter(o -> o.write() && o.ok()).count();
        // (1) every acknowledged write is stored
        List<String> lost = new ArrayList<>();
        List<SteadyLoad.Acknowledged> acknowledged = load.acknowledged();
        for (SteadyLoad.Acknowledged write : acknowledged) {
            Api.Reply read = api.get(write.path());
            JsonNode value = read.json().path(write.field());
            boolean kept =
                    read.status() == 200
                            && (write.field().equals("value")
                                    ? value.decimalValue()
                                                    .compareTo(
                                                            new java.math.BigDecimal(write.value()))
                                            == 0
                                    : value.asText().equals(write.value()));
            if (!kept) {
                lost.add(
                        write.kind()
                                + " "
                                + write.path()
                                + ": "
                                + read.status()
                                + " "
                                + write.field()
                                + "="
                                + value);
            }
        }
        check(
                "acknowledged writes stored",
                lost.isEmpty(),
                writes
                        + " acknowledged writes, "
                        + acknowledged.size()
                        + " records and cells in their last acknowledged state, "
                        + lost.size()
                        + " lost "
                        + shown(lost));

        // (2) every stored change has exactly one event id on its topic; (3) consumers applied each
        // once
        Map<String, Set<String>> topicIds = new HashMap<>();
        int repeats = 0;
        List<String> twoIds = new ArrayList<>();
        for (Service service : BACKENDS) {
            Map<String, Set<String>> idsByChange = new HashMap<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode event : readTopics(service.shortName + ".")) {
                String id = event.path("id").asText();
                if (!ids.add(id)) {
                    repeats++;
                }
                idsByChange
                        .computeIfAbsent(
                                event.path("subject").asText()
                                        + "@"
                                        + event.path("sequence").asText(),
                                k -> new HashSet<>())
                        .add(id);
            }
            idsByChange.forEach(
                    (change, of) -> {
                        if (of.size() > 1) {
                            twoIds.add(service.shortName + " " + change + " " + of);
                        }
                    });
            Set<String> audited = column(service, "SELECT CAST(event_id AS text) FROM audit_log");
            Set<String> missing = new HashSet<>(audited);
            missing.removeAll(ids);
            Set<String> extra = new HashSet<>(ids);
            extra.removeAll(audited);
            check(
                    service.shortName
                            + ": every stored change has one event on its topic, and every event a change",
                    missing.isEmpty() && extra.isEmpty(),
                    audited.size()
                            + " changes, "
                            + ids.size()
                            + " event ids; missing "
                            + missing.size()
                            + " "
                            + shown(missing)
                            + ", without a change "
                            + extra.size()
                            + " "
                            + shown(extra));
            topicIds.put(service.shortName, ids);
        }
        check(
                "no change published under two event ids",
                twoIds.isEmpty(),
                twoIds.size()
                        + " "
                        + shown(twoIds)
                        + "; records published twice under the same id (at-least-once, dropped by consumers): "
                        + repeats);
        Set<String> all = new HashSet<>();
        topicIds.values().forEach(all::addAll);
        Set<String> fed = column(Service.GATEWAY, "SELECT CAST(event_id AS text) FROM feed_event");
        long feedRows = count(Service.GATEWAY, "SELECT count(*) FROM feed_event");
        check(
                "gateway consumers applied every event once",
                fed.equals(all) && feedRows == all.size(),
                feedRows
                        + " feed rows, "
                        + fed.size()
                        + " distinct, "
                        + all.size()
                        + " events on the topics");
        Set<String> indicatorInputs = new HashSet<>(topicIds.get("registry"));
        indicatorInputs.addAll(topicIds.get("projects"));
        Set<String> consumed =
                column(Service.INDICATORS, "SELECT CAST(event_id AS text) FROM consumed_event");
        Set<String> notConsumed = new HashSet<>();
        for (String id : indicatorInputs) {
            if (!consumed.contains(id)) {
                notConsumed.add(id);
            }
        }
        // indicators reads registry.platform.v1 and projects.project.v1 only; organisations' events
        // are not its input
        Set<String> platformAndProjectIds = new HashSet<>();
        readTopics("registry.platform.v1")
                .forEach(e -> platformAndProjectIds.add(e.path("id").asText()));
        readTopics("projects.project.v1")
                .forEach(e -> platformAndProjectIds.add(e.path("id").asText()));
        notConsumed.retainAll(platformAndProjectIds);
        check(
                "indicators consumed every platform and project event",
                notConsumed.isEmpty(),
                platformAndProjectIds.size()
                        + " events, "
                        + notConsumed.size()
                        + " not consumed "
                        + shown(notConsumed));

        // (4) the feed through either gateway lists every event once
        for (int gateway = 1; gateway <= 2; gateway++) {
            List<String> listed = feed(gateway);
            Set<String> distinct = new HashSet<>(listed);
            check(
                    "feed through gateway " + gateway + " lists every event once",
                    distinct.equals(all) && listed.size() == all.size(),
                    listed.size()
                            + " listed, "
                            + distinct.size()
                            + " distinct, "
                            + all.size()
                            + " on the topics");
        }

        // (5) search and derived indicators equal the owners' data
        ReadModels.Result models = new ReadModels(stack).check();
        check(
                "search, feed order and derived indicators equal the owners' data",
                models.ok(),
                models.ok()
                        ? models.searchEntries()
                                + " search entries, "
                                + models.feedSubjects()
                                + " feed subjects, "
                                + models.cells()
                                + " derived cells ("
                                + models.nonZeroCells()
                                + " non-zero), "
                                + models.projectCells()
                                + " project cells"
                        : String.join("; ", models.failures()));

        // (6) a fault is answered as one: 502, 503 or 504 problems or a refused connection, never a
        // 500
        List<String> errors =
                outcomes.stream()
                        .filter(
                                o ->
                                        o.status() >= 500
                                                && o.status() != 502
                                                && o.status() != 503
                                                && o.status() != 504)
                        .map(SteadyLoad.Outcome::what)
                        .toList();
        check(
                "no request answered with a server error other than 502, 503 or 504",
                errors.isEmpty(),
                errors.size() + " " + shown(errors));

        // (7) how long reads and writes failed around each fault, and the recoveries
        List<Map.Entry<String, long[]>> inOrder = new ArrayList<>(faults.entrySet());
        for (int i = 0; i < inOrder.size(); i++) {
            long[] span = inOrder.get(i).getValue();
            // a fault's window: from its start to 30 s after its end, or to the next fault's start
            long end =
                    Math.min(
                            span[1] + 30_000,
                            i + 1 < inOrder.size()
                                    ? inOrder.get(i + 1).getValue()[0]
                                    : Long.MAX_VALUE);
            long[] window = {span[0], end};
            lines.add(
                    "unavailable around '"
                            + inOrder.get(i).getKey()
                            + "': writes "
                            + window(outcomes, true, window)
                            + ", reads "
                            + window(outcomes, false, window));
        }
        recoveries.forEach((what, took) -> lines.add("recovery: " + what + ": " + took));
        long failedWrites = outcomes.stream().filter(o -> o.write() && !o.ok()).count();
        long failedReads = outcomes.stream().filter(o -> !o.write() && !o.ok()).count();
        lines.add(
                "requests: "
                        + outcomes.size()
                        + " ("
                        + failedWrites
                        + " writes and "
                        + failedReads
                        + " reads failed) "
                        + failures(outcomes));
    }

    /**
     * Seconds from the first to the last failed request within the window, and how many of how many
     * failed.
     */
    private static String window(List<SteadyLoad.Outcome> outcomes, boolean writes, long[] span) {
        long first = -1;
        long last = -1;
        int count = 0;
        int total = 0;
        for (SteadyLoad.Outcome o : outcomes) {
            if (o.write() != writes || o.atMillis() < span[0] || o.atMillis() >= span[1]) {
                continue;
            }
            total++;
            if (!o.ok()) {
                count++;
                first = first < 0 ? o.atMillis() : first;
                last = o.atMillis();
            }
        }
        return count == 0
                ? "0 s (0 of " + total + " failed)"
                : String.format(
                        Locale.ROOT,
                        "%.1f s (%d of %d failed)",
                        (last - first) / 1000.0,
                        count,
                        total);
    }

    private static String failures(List<SteadyLoad.Outcome> outcomes) {
        Map<String, Integer> kinds = new TreeMap<>();
        outcomes.stream()
                .filter(o -> !o.ok())
                .forEach(
                        o ->
                                kinds.merge(
                                        o.what().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "…"),
                                        1,
                                        Integer::sum));
        return kinds.isEmpty()
                ? ""
                : shown(
                        kinds.entrySet().stream()
                                .map(e -> e.getValue() + "× " + e.getKey())
                                .toList());
    }

    private List<String> feed(int gateway) {
        Api api = new Api(path -> stack.gateway(gateway, path), null);
        List<String> ids = new ArrayList<>();
        String next = "/api/v1/events?after=0&limit=1000";
        while (true) {
            JsonNode page = api.get(next).expect(200).json();
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            if (page.path("items").isEmpty()) {
                return ids;
            }
            next = page.path("next").asText();
        }
    }

    private List<JsonNode> readTopics(String prefix) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                stack.bootstrapServers(),
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(Duration.ofSeconds(10))
                    .forEach(
                            (topic, infos) -> {
                                if (topic.startsWith(prefix)) {
                                    infos.forEach(
                                            info ->
                                                    partitions.add(
                                                            new TopicPartition(
                                                                    topic, info.partition())));
                                }
                            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends =
                    consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    events.add(Api.JSON.readTree(record.value()));
                }
            }
        }
        return events;
    }

    private Set<String> column(Service service, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection c = stack.connect(service);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private long count(Service service, String sql) throws SQLException {
        try (Connection c = stack.connect(service);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void check(String name, boolean ok, String detail) {
        if (ok) {
            passed++;
        } else {
            failed++;
        }
        lines.add((ok ? "PASS " : "FAIL ") + name + ": " + detail);
    }

    private static String shown(java.util.Collection<String> items) {
        return items.isEmpty()
                ? ""
                : items.stream().limit(5).toList() + (items.size() > 5 ? " …" : "");
    }
}
