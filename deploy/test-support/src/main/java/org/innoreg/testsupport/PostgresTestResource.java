package org.innoreg.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives the service under test a clean database of its own on the local PostgreSQL server: {@code
 * <innoreg.database>_test_p<pid>} (or the {@code database} argument, with the test JVM's pid) is
 * dropped if present and created again before the application starts, so a running suite's own
 * database is never touched. The server is found through the usual libpq variables PGHOST, PGPORT,
 * PGUSER and PGPASSWORD (default 127.0.0.1:5432, user postgres, trust authentication).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        // One per test JVM (its pid in the name), so two test runs on one machine never share a
        // database.
        database =
                initArgs.getOrDefault(
                                "database",
                                ConfigProvider.getConfig()
                                                .getValue("innoreg.database", String.class)
                                        + "_test")
                        + "_p"
                        + ProcessHandle.current().pid();
        if (database == null || !database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "PostgresTestResource needs a database name of [a-z0-9_], got " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        String server =
                "jdbc:postgresql://"
                        + env("PGHOST", "127.0.0.1")
                        + ":"
                        + env("PGPORT", "5432")
                        + "/";
        String user = env("PGUSER", "postgres");
        String password = env("PGPASSWORD", "");
        try (Connection connection =
                        DriverManager.getConnection(server + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            dropLeftovers(statement);
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot prepare test database "
                            + database
                            + " on "
                            + server
                            + " (is PostgreSQL running? pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)",
                    e);
        }
        return Map.of(
                "innoreg.database",
                        database, // what the reactive client's URL (registry) is made from
                "quarkus.datasource.jdbc.url", server + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    /**
     * The databases of this kind whose test JVM is gone: left for inspection after a run (see
     * {@link #stop}), dropped by the next run of the same tests.
     */
    private void dropLeftovers(Statement statement) throws SQLException {
        String kind = database.substring(0, database.lastIndexOf("_p") + 2);
        List<String> leftovers = new ArrayList<>();
        try (ResultSet rs =
                statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE starts_with(datname, '"
                                + kind
                                + "')")) {
            while (rs.next()) {
                leftovers.add(rs.getString(1));
            }
        }
        for (String name : leftovers) {
            String pid = name.substring(kind.length());
            if (pid.matches("[0-9]+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Override
    public void stop() {
        // The database is left for inspection after the run and dropped by the next run
        // (dropLeftovers).
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
