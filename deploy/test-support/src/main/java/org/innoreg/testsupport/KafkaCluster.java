package org.innoreg.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * Three real Kafka nodes in KRaft mode, each a broker and a voter of the controller quorum, in
 * child JVMs on free ports: topics replicated to all three with {@code min.insync.replicas=2}
 * (LocalKafkaBroker), so {@code acks=all} writes go on with one node killed. For the cluster stack
 * and its drill (deploy/cluster).
 */
public final class KafkaCluster implements AutoCloseable {

    private final List<KafkaBroker> nodes;

    private KafkaCluster(List<KafkaBroker> nodes) {
        this.nodes = nodes;
    }

    /**
     * Three nodes on free ports under {@code parent} (a new temporary directory when null); not
     * started yet.
     */
    public static KafkaCluster ofThree(Path parent) {
        try {
            Path root =
                    parent != null
                            ? Files.createDirectories(parent)
                            : Files.createTempDirectory("innoreg-kafka-cluster-");
            int[][] ports = new int[3][2];
            for (int[] pair : ports) {
                pair[0] = FreePorts.next();
                pair[1] = FreePorts.next();
            }
            StringBuilder voters = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                voters.append(i == 0 ? "" : ",")
                        .append(i + 1)
                        .append("@127.0.0.1:")
                        .append(ports[i][1]);
            }
            String clusterId = Uuid.randomUuid().toString();
            List<KafkaBroker> nodes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                nodes.add(
                        KafkaBroker.node(
                                root.resolve("node-" + (i + 1)),
                                ports[i][0],
                                ports[i][1],
                                i + 1,
                                voters.toString(),
                                clusterId));
            }
            return new KafkaCluster(nodes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the three processes together (a quorum needs two to elect a leader), then waits for
     * each.
     */
    public KafkaCluster start() {
        nodes.forEach(KafkaBroker::launch);
        nodes.forEach(KafkaBroker::awaitReady);
        return this;
    }

    /** All three brokers, as a client's bootstrap list. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /**
     * Node 1, 2 or 3: {@link KafkaBroker#stop()} kills it, {@link KafkaBroker#start()} brings it
     * back with its data.
     */
    public KafkaBroker node(int number) {
        return nodes.get(number - 1);
    }

    @Override
    public void close() {
        nodes.forEach(KafkaBroker::close);
    }
}
