package org.innoreg.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What a service shows the outside, as text to compare before and after requests that must change
 * nothing: its database's content and its topics' end offsets, once they have stopped moving.
 */
public final class ServiceState {

    private ServiceState() {}

    /** The state of a service's database and of every topic of the broker. */
    public static Supplier<String> of(DataSource dataSource, String bootstrapServers) {
        return () -> fingerprint(dataSource, Set.of()) + topicOffsets(bootstrapServers);
    }

    /** Waits until the state stops moving (a consumer or relay finishing earlier tests' work). */
    public static String stable(Supplier<String> state) throws InterruptedException {
        String last = state.get();
        for (int i = 0; i < 60; i++) {
            Thread.sleep(500);
            String now = state.get();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the database kept changing for 30 s before the security matrix");
    }

    /**
     * Every table's content as one digest; {@code outbox_event} by its row count only (the relay
     * stamps rows as it publishes them, which is not a change of the service's data).
     */
    public static String fingerprint(DataSource dataSource, Set<String> skipped) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    statement.executeQuery(
                            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            StringBuilder digest = new StringBuilder();
            for (String table : tables) {
                if (skipped.contains(table)) {
                    continue;
                }
                String sql =
                        table.equals("outbox_event")
                                ? "SELECT count(*)::text FROM outbox_event"
                                : "SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) FROM \""
                                        + table
                                        + "\" t";
                try (ResultSet rs = statement.executeQuery(sql)) {
                    rs.next();
                    digest.append(table).append('=').append(rs.getString(1)).append(';');
                }
            }
            return digest.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every topic's end offsets: what a partner reading Kafka could see. */
    public static String topicOffsets(String bootstrapServers) {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get();
            Map<TopicPartition, OffsetSpec> latest =
                    new TreeMap<>(Comparator.comparing(TopicPartition::toString));
            for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
                description
                        .partitions()
                        .forEach(
                                p ->
                                        latest.put(
                                                new TopicPartition(
                                                        description.name(), p.partition()),
                                                OffsetSpec.latest()));
            }
            Map<String, Long> offsets = new TreeMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get()
                    .forEach((partition, info) -> offsets.put(partition.toString(), info.offset()));
            return offsets.toString();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
