package org.innoreg.deploy.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * Runs one real Apache Kafka broker in KRaft mode (broker and controller in one process), the way
 * {@code kafka-server-start.sh} would, but from Maven Central jars only.
 *
 * <pre>
 * java -cp ... org.innoreg.deploy.kafka.LocalKafkaBroker --data-dir DIR [--port 9092]
 *      [--controller-port 9093] [--exit-with-parent]
 *      [--node-id N --voters 1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097 --cluster-id ID]
 * </pre>
 *
 * Alone (the default), a node of one. With {@code --voters} of three, one of a cluster of three
 * (deploy/cluster): each node a broker and a voter of the controller quorum, every topic replicated
 * to all three with {@code min.insync.replicas=2}, so the cluster keeps accepting {@code acks=all}
 * writes with one node down. The nodes of one cluster share {@code --cluster-id}.
 *
 * <p>The data directory is formatted on first start and reused afterwards, so topics and offsets
 * survive a restart. With {@code --exit-with-parent} the broker stops when its standard input
 * closes, which is how a test JVM makes sure no broker outlives it.
 */
public final class LocalKafkaBroker {

    private LocalKafkaBroker() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path dataDir = Path.of(required(options, "--data-dir")).toAbsolutePath();
        int port = Integer.parseInt(options.getOrDefault("--port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("--controller-port", "9093"));

        int nodeId = Integer.parseInt(options.getOrDefault("--node-id", "1"));
        String voters = options.getOrDefault("--voters", nodeId + "@127.0.0.1:" + controllerPort);

        Files.createDirectories(dataDir);
        Path config = writeServerProperties(dataDir, nodeId, port, controllerPort, voters);
        formatStorageOnce(
                dataDir,
                config,
                options.getOrDefault("--cluster-id", Uuid.randomUuid().toString()));

        if (options.containsKey("--exit-with-parent")) {
            exitWhenStdinCloses();
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Path writeServerProperties(
            Path dataDir, int nodeId, int port, int controllerPort, String voters)
            throws IOException {
        int nodes = voters.split(",").length;
        // Every replica on another node: one node (a test, the local suite) cannot replicate at
        // all; three
        // keep acks=all writes going with one node down (RF 3, min ISR 2), as on Kubernetes
        // (deploy/k8s).
        int replication = Math.min(nodes, 3);
        int minInSync = replication == 1 ? 1 : replication - 1;
        String properties =
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=" + nodeId,
                        "controller.quorum.voters=" + voters,
                        "listeners=PLAINTEXT://127.0.0.1:"
                                + port
                                + ",CONTROLLER://127.0.0.1:"
                                + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "log.dirs=" + dataDir.resolve("logs"),
                        "offsets.topic.replication.factor=" + replication,
                        "share.coordinator.state.topic.replication.factor=" + replication,
                        "share.coordinator.state.topic.min.isr=" + minInSync,
                        "transaction.state.log.replication.factor=" + replication,
                        "transaction.state.log.min.isr=" + minInSync,
                        "default.replication.factor=" + replication,
                        "min.insync.replicas=" + minInSync,
                        "num.partitions=3",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=true",
                        "log.retention.hours=-1",
                        "");
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, properties, StandardCharsets.UTF_8);
        return config;
    }

    /** KRaft needs its log directory formatted with a cluster id before the first start. */
    static void formatStorageOnce(Path dataDir, Path config, String clusterId) {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        int exit =
                kafka.tools.StorageTool.execute(
                        new String[] {
                            "format", "--cluster-id", clusterId, "--config", config.toString()
                        },
                        new PrintStream(System.out, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("kafka storage format failed with exit code " + exit);
        }
    }

    private static void exitWhenStdinCloses() {
        Thread watcher =
                new Thread(
                        () -> {
                            try {
                                while (System.in.read() != -1) {
                                    // nothing to read: the parent only holds the pipe open
                                }
                            } catch (IOException ignored) {
                                // a broken pipe means the parent is gone as well
                            }
                            System.exit(0);
                        },
                        "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (!key.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + key);
            }
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(key, hasValue ? args[++i] : "true");
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }
}
