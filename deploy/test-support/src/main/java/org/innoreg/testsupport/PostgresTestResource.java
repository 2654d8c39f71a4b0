package org.innoreg.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the service under test a clean database of its own on the local PostgreSQL server:
 * {@code <innoreg.database>_test} (or the {@code database} argument) is dropped if present and created
 * again before the application starts, so a running suite's own database is never touched. The
 * server is found through the usual libpq variables PGHOST, PGPORT, PGUSER and PGPASSWORD (default
 * 127.0.0.1:5432, user postgres, trust authentication).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database",
                ConfigProvider.getConfig().getValue("innoreg.database", String.class) + "_test");
        if (database == null || !database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("PostgresTestResource needs a database name of [a-z0-9_], got " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        String server = "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432") + "/";
        String user = env("PGUSER", "postgres");
        String password = env("PGPASSWORD", "");
        try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare test database " + database + " on " + server
                    + " (is PostgreSQL running? pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
        }
        return Map.of(
                "innoreg.database", database, // what the reactive client's URL (registry) is made from
                "quarkus.datasource.jdbc.url", server + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        // The database is left for inspection after the run and dropped at the next start.
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
