package org.innoreg.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a drill's own (initdb, a free port, trust auth), so that a drill can
 * stop, start, replicate and promote it without touching the machine's shared server. Uses the
 * server binaries of the local PostgreSQL installation (Debian: /usr/lib/postgresql/N/bin); as root
 * it runs them as the postgres user, since PostgreSQL refuses to run as root. Its data lives in a
 * new directory under the system's temporary directory unless told otherwise, and there too when
 * told a directory the postgres user cannot reach: that user must be able to enter every parent,
 * which a checkout under a 0700 home directory does not allow.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dataDir;
    private final Path log;
    private final int port;

    private PrivatePostgres(Path bin, Path dataDir, Path log, int port) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
    }

    /** A new, empty cluster in a new directory under the temporary directory, not yet started. */
    public static PrivatePostgres create() throws Exception {
        return create(null);
    }

    /**
     * A new, empty cluster in a new directory under {@code parent} (null, or a directory the
     * postgres user cannot reach: the temporary directory), not yet started.
     */
    public static PrivatePostgres create(Path parent) throws Exception {
        PrivatePostgres postgres = allocate(parent);
        postgres.asServerUser(
                List.of(
                        postgres.bin.resolve("initdb").toString(),
                        "-D",
                        postgres.dataDir.toString(),
                        "-U",
                        "postgres",
                        "--auth=trust",
                        "--encoding=UTF8",
                        "--locale=C.UTF-8",
                        "--no-sync"));
        return postgres;
    }

    /**
     * A streaming standby of {@code primary} (running): {@code pg_basebackup -R} copies it,
     * configuration included, and writes the connection back to it; not yet started.
     */
    public static PrivatePostgres standbyOf(PrivatePostgres primary, Path parent) throws Exception {
        PrivatePostgres standby = allocate(parent);
        standby.asServerUser(
                List.of(
                        standby.bin.resolve("pg_basebackup").toString(),
                        "-h",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(primary.port),
                        "-U",
                        "postgres",
                        "-D",
                        standby.dataDir.toString(),
                        "-R",
                        "-X",
                        "stream",
                        "--checkpoint=fast",
                        "--no-sync",
                        // a slot: the primary keeps the WAL its standby has not received yet,
                        // however far it falls behind
                        "--create-slot",
                        "--slot="
                                + standby.dataDir
                                        .getFileName()
                                        .toString()
                                        .replaceAll("[^a-z0-9]", "_")));
        return standby;
    }

    /**
     * {@code directory} (created) when the server's user can enter it and every directory above it,
     * else null: the data then goes under the temporary directory, e.g. for a checkout under a 0700
     * home.
     */
    private static Path reachable(Path directory) throws Exception {
        Files.createDirectories(directory);
        if (runningAsRoot()) {
            run(List.of("chmod", "o+rx", directory.toString()));
        }
        return serverUserCanEnter(directory) ? directory : null;
    }

    /** Whether the server's user can enter the directory, i.e. every directory above it too. */
    private static boolean serverUserCanEnter(Path directory) throws Exception {
        if (!runningAsRoot()) {
            return Files.isExecutable(directory); // the server runs as this user
        }
        String path = directory.toAbsolutePath().toString();
        Process probe =
                new ProcessBuilder("runuser", "-u", "postgres", "--", "test", "-x", path)
                        .directory(new java.io.File("/"))
                        .redirectErrorStream(true)
                        .start();
        return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }

    private static PrivatePostgres allocate(Path parent) throws Exception {
        Path base = parent != null ? reachable(parent) : null;
        if (base == null) {
            base = reachableTemporaryDirectory();
        }
        Path dataDir = Files.createTempDirectory(base, "innoreg-pgdata-");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        if (runningAsRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dataDir.toString()));
            run(List.of("chmod", "0700", dataDir.toString()));
        }
        return new PrivatePostgres(binaries(), dataDir, log, FreePorts.next());
    }

    /**
     * java.io.tmpdir if the server's user can reach it, else /tmp or /var/tmp: a TMPDIR under a
     * 0700 home is no better than the checkout there.
     */
    private static Path reachableTemporaryDirectory() throws Exception {
        List<Path> candidates =
                List.of(
                        Paths.get(System.getProperty("java.io.tmpdir")),
                        Paths.get("/tmp"),
                        Paths.get("/var/tmp"));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate) && serverUserCanEnter(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException(
                "the postgres user can enter none of " + candidates + " for a data directory");
    }

    public int port() {
        return port;
    }

    /** host:port, as a JDBC URL names it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Starts the server and waits until it accepts connections. */
    public void start() throws Exception {
        if (runningAsRoot()) {
            run(List.of("touch", log.toString()));
            run(List.of("chown", "postgres:postgres", log.toString()));
        }
        asServerUser(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dataDir.toString(),
                        "-l",
                        log.toString(),
                        "-w",
                        // TCP only: a socket under a deep data directory would pass the 107-byte
                        // limit of its path
                        "-o",
                        "-p " + port + " -k '' -c listen_addresses=127.0.0.1 -c fsync=off",
                        "start"));
    }

    /**
     * Stops the server the way an operator's restart does: fast shutdown, open connections
     * terminated.
     */
    public void stop() throws Exception {
        asServerUser(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dataDir.toString(),
                        "-m",
                        "fast",
                        "-w",
                        "stop"));
    }

    /** Promotes a standby to primary and waits until it accepts writes. */
    public void promote() throws Exception {
        asServerUser(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dataDir.toString(),
                        "-w",
                        "promote"));
    }

    /** Runs one statement in the {@code postgres} database. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = connect("postgres");
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public Path log() {
        return log;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    @Override
    public void close() throws Exception {
        try {
            asServerUser(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            dataDir.toString(),
                            "-m",
                            "immediate",
                            "stop"));
        } catch (IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void asServerUser(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws Exception {
        // Not in the test's working directory (the checkout): the server's user may not be able to
        // enter it, and initdb and pg_ctl look up where they are run from.
        Process process =
                new ProcessBuilder(command)
                        .directory(new java.io.File("/"))
                        .redirectErrorStream(true)
                        .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed server's binaries. */
    private static Path binaries() throws IOException {
        Path root = Paths.get("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(
                            Comparator.comparing(
                                    b ->
                                            Integer.parseInt(
                                                    b.getParent()
                                                            .getFileName()
                                                            .toString()
                                                            .replaceAll("\\D", "0"))))
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "no PostgreSQL server binaries under " + root));
        }
    }
}
