package org.innoreg.systemtests.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.innoreg.systemtests.harness.ClusterStack;
import org.innoreg.testsupport.suite.Api;

/**
 * Steady writes and reads through the two gateways while the drill breaks things: {@code writers}
 * threads, each creating and renaming platforms, creating projects and reporting observations of
 * cells of its own, at {@code writesPerSecond} in all, and one reader. A client of a load balancer:
 * a request whose connection is refused goes once to the other gateway (what a load balancer does
 * for a dead backend), anything else counts as it came. Every outcome is recorded with its time, so
 * the drill can tell how long writes and reads failed around each fault; every acknowledged write
 * is remembered, so it can check they were kept.
 */
final class SteadyLoad implements AutoCloseable {

    /**
     * One request's outcome at a time (ms since the load started); status -1 when no answer came.
     */
    record Outcome(long atMillis, boolean write, boolean ok, String what, int status) {}

    /**
     * An acknowledged write the drill must find stored: kind, path to read it, and what it must
     * show.
     */
    record Acknowledged(String kind, String path, String field, String value, long version) {}

    static final String INDICATOR = "drill_reported_count";

    private final Api[] gateways;
    private final int writers;
    private final double writesPerSecond;
    private final long started = System.nanoTime();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Map<String, Acknowledged> acknowledged =
            new ConcurrentHashMap<>(); // by path: the last one counts
    private final List<String> platformIds = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    SteadyLoad(ClusterStack stack, String token, int writers, double writesPerSecond) {
        this.gateways =
                new Api[] {
                    new Api(path -> stack.gateway(1, path), token).timeout(Duration.ofSeconds(10)),
                    new Api(path -> stack.gateway(2, path), token).timeout(Duration.ofSeconds(10))
                };
        this.writers = writers;
        this.writesPerSecond = writesPerSecond;
    }

    /** The indicator the observations are reported for, then the threads. */
    SteadyLoad start() {
        ObjectNode indicator =
                Api.JSON
                        .createObjectNode()
                        .put("code", INDICATOR)
                        .put("nameZh", "演练上报数")
                        .put("nameEn", "Drill reported count")
                        .put("unit", "COUNT")
                        .put("frequency", "ANNUAL");
        gateways[0].post("/api/v1/indicators", indicator).expect(201, 409);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> write(writer), "drill-writer-" + w);
            threads.add(thread);
        }
        threads.add(new Thread(this::read, "drill-reader"));
        threads.forEach(Thread::start);
        return this;
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged.values());
    }

    private void write(int writer) {
        Random random = new Random(20261201L + writer);
        long pauseNanos = (long) (1e9 * writers / writesPerSecond);
        long next = System.nanoTime();
        int serial = 0;
        List<String> mine = new ArrayList<>();
        Map<String, String> etags = new HashMap<>();
        while (running) {
            serial++;
            String tag = "w" + writer + "-" + serial;
            int choice = random.nextInt(10);
            if (choice < 4 || mine.isEmpty()) {
                createPlatform(tag, mine);
            } else if (choice < 6) {
                renamePlatform(tag, mine.get(random.nextInt(mine.size())));
            } else if (choice < 8) {
                createProject(tag);
            } else {
                observe(writer, serial, etags);
            }
            next += pauseNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            } else {
                next = System.nanoTime(); // behind: don't burst to catch up
            }
        }
    }

    private void createPlatform(String tag, List<String> mine) {
        ObjectNode body =
                Api.JSON
                        .createObjectNode()
                        .put("nameZh", "演练平台" + tag)
                        .put("nameEn", "Drill platform " + tag)
                        .put("type", "MAKER_SPACE")
                        .put("level", "MUNICIPAL")
                        .put("status", "ACTIVE")
                        .put("regionCode", "430702");
        Api.Reply reply =
                send(true, "platform.create", api -> api.post("/api/v1/platforms", body), 201);
        if (reply != null) {
            String id = reply.json().path("id").asText();
            mine.add(id);
            platformIds.add(id);
            remember(
                    new Acknowledged(
                            "platform.create",
                            "/api/v1/platforms/" + id,
                            "nameZh",
                            "演练平台" + tag,
                            reply.version()));
        }
    }

    private void renamePlatform(String tag, String id) {
        String path = "/api/v1/platforms/" + id;
        Api.Reply read = send(false, "platform.read-for-update", api -> api.get(path), 200);
        if (read == null) {
            return;
        }
        ObjectNode body = Api.JSON.createObjectNode();
        for (String field :
                List.of(
                        "nameZh",
                        "nameEn",
                        "type",
                        "level",
                        "status",
                        "regionCode",
                        "accreditedOn")) {
            if (read.json().hasNonNull(field)) {
                body.set(field, read.json().get(field));
            }
        }
        body.put("nameZh", "演练平台" + tag + "·更名");
        Api.Reply reply =
                send(true, "platform.rename", api -> api.put(path, body, read.etag()), 200);
        if (reply != null) {
            remember(
                    new Acknowledged(
                            "platform.rename",
                            path,
                            "nameZh",
                            "演练平台" + tag + "·更名",
                            reply.version()));
        }
    }

    private void createProject(String tag) {
        ObjectNode body =
                Api.JSON
                        .createObjectNode()
                        .put("name", "演练项目" + tag)
                        .put("investorName", "演练投资方" + tag)
                        .put("origin", "DOMESTIC")
                        .put("kind", "INDUSTRIAL_INVESTMENT")
                        .put("regionCode", "430702")
                        .put("plannedInvestment", 12000)
                        .put("stage", "LEAD")
                        .put("stageSince", "2025-03-01");
        Api.Reply reply =
                send(true, "project.create", api -> api.post("/api/v1/projects", body), 201);
        if (reply != null) {
            String id = reply.json().path("id").asText();
            remember(
                    new Acknowledged(
                            "project.create",
                            "/api/v1/projects/" + id,
                            "name",
                            "演练项目" + tag,
                            reply.version()));
        }
    }

    /**
     * Cells of its own per writer (a region each, 25 years in turn), values that grow slowly: a
     * first report of a cell, then revisions with the cell's ETag. After a request whose outcome
     * the writer did not learn, its ETag may be stale (412): it reads the cell again and revises
     * once more.
     */
    private void observe(int writer, int serial, Map<String, String> etags) {
        String region =
                List.of(
                                "430702", "430703", "430721", "430722", "430723", "430724",
                                "430725", "430726")
                        .get(writer % 8);
        String path =
                "/api/v1/indicators/"
                        + INDICATOR
                        + "/observations/"
                        + region
                        + "/"
                        + (2000 + serial % 25);
        ObjectNode body = Api.JSON.createObjectNode().put("value", 1000 + serial);
        Api.Reply reply =
                send(
                        true,
                        "observation.put",
                        api -> {
                            Api.Reply put = api.put(path, body, etags.get(path));
                            if (put.status() == 412 || put.status() == 428) {
                                Api.Reply current = api.get(path);
                                return current.ok() ? api.put(path, body, current.etag()) : put;
                            }
                            return put;
                        },
                        200,
                        201);
        if (reply != null) {
            etags.put(path, reply.etag());
            remember(
                    new Acknowledged(
                            "observation.put", path, "value", String.valueOf(1000 + serial), -1));
        }
    }

    private void read() {
        Random random = new Random(7);
        while (running) {
            String id;
            synchronized (platformIds) {
                id =
                        platformIds.isEmpty()
                                ? null
                                : platformIds.get(random.nextInt(platformIds.size()));
            }
            if (id != null) {
                send(false, "platform.get", api -> api.get("/api/v1/platforms/" + id), 200);
            }
            sleepNanos(100_000_000L);
        }
    }

    private void remember(Acknowledged write) {
        acknowledged.merge(
                write.path(),
                write,
                (old, now) -> now); // one writer per path: the later is the newer
    }

    /** The reply when its status is expected; else null, recorded as a failure. */
    private Api.Reply send(
            boolean write, String what, Function<Api, Api.Reply> request, int... expected) {
        int first = (int) (Thread.currentThread().getId() % 2);
        long at = elapsedMillis();
        String failure;
        int status = -1;
        for (int attempt = 0; ; attempt++) {
            Api api = gateways[(first + attempt) % 2];
            try {
                Api.Reply reply = request.apply(api);
                for (int wanted : expected) {
                    if (reply.status() == wanted) {
                        outcomes.add(new Outcome(at, write, true, what, wanted));
                        return reply;
                    }
                }
                status = reply.status();
                failure = reply.status() + " " + reply.json().path("title").asText(reply.body());
                break;
            } catch (RuntimeException e) {
                failure = String.valueOf(e.getCause() != null ? e.getCause() : e);
                if (attempt == 0 && failure.contains("ConnectException")) {
                    continue; // the gateway is not there: a load balancer would have sent it to the
                    // other one
                }
                break;
            }
        }
        outcomes.add(new Outcome(at, write, false, what + ": " + failure, status));
        return null;
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
