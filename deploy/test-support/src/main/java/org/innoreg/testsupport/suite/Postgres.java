package org.innoreg.testsupport.suite;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local PostgreSQL server the services and the tests share, found through the libpq variables
 * (PGHOST, PGPORT, PGUSER, PGPASSWORD; default 127.0.0.1:5432, user postgres, trust). The system
 * tests create databases named {@code innoreg_st_<yyyyMMddHHmmss>_<random>_<service>}, so that they
 * never meet a running suite's or another run's, and drop them afterwards.
 */
public final class Postgres {

    public static final String PREFIX = "innoreg_st_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern OURS = Pattern.compile(PREFIX + "([0-9]{14})_[a-z0-9]+_[a-z_]+");

    private Postgres() {}

    public static String host() {
        return env("PGHOST", "127.0.0.1");
    }

    public static String port() {
        return env("PGPORT", "5432");
    }

    public static String user() {
        return env("PGUSER", "postgres");
    }

    public static String password() {
        return env("PGPASSWORD", "");
    }

    /** What a service needs to reach the same server (its application.properties read these). */
    public static Map<String, String> serviceEnvironment() {
        return Map.of(
                "PGHOST", host(), "PGPORT", port(), "PGUSER", user(), "PGPASSWORD", password());
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), password());
    }

    /** A fresh name for this run: the time (for leftover clean-up) and a random part. */
    public static String runStamp() {
        return STAMP.format(LocalDateTime.now())
                + "_"
                + String.format("%06x", new SecureRandom().nextInt(0x1000000));
    }

    public static void create(String database) {
        check(database);
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create database "
                            + database
                            + " on "
                            + host()
                            + ":"
                            + port()
                            + " (is PostgreSQL running? pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)",
                    e);
        }
    }

    /** Drops a database of this run, ending its connections (its services are stopped by then). */
    public static void drop(String database) {
        check(database);
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println(
                    "[suite] could not drop database " + database + ": " + e.getMessage());
        }
    }

    /**
     * Drops what killed runs left behind: system-test databases older than {@code hours} that
     * nobody is connected to (a run that is still going has its services connected, and is younger
     * anyway).
     */
    public static void dropLeftovers(int hours) {
        String cutoff = STAMP.format(LocalDateTime.now().minusHours(hours));
        List<String> stale = new ArrayList<>();
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery(
                            "SELECT datname FROM pg_database WHERE datname LIKE 'innoreg\\_st\\_%'")) {
                while (rs.next()) {
                    Matcher m = OURS.matcher(rs.getString(1));
                    if (m.matches() && m.group(1).compareTo(cutoff) < 0) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            for (String database : stale) {
                try {
                    s.execute(
                            "DROP DATABASE IF EXISTS "
                                    + database); // not FORCE: leave one in use alone
                } catch (SQLException inUse) {
                    // someone still uses it
                }
            }
        } catch (SQLException e) {
            // clean-up is best effort; create() reports a server that is not there
        }
    }

    private static void check(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a database name of ours: " + database);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
