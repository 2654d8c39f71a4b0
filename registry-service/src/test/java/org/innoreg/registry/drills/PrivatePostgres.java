package org.innoreg.registry.drills;

import java.io.IOException;
import java.net.ServerSocket;
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
 * A PostgreSQL cluster of a drill's own (initdb into target/, a free port, trust auth), so that a drill can
 * stop and start it without touching the machine's shared server. Uses the server binaries of the local
 * PostgreSQL installation (Debian: /usr/lib/postgresql/N/bin); as root it runs them as the postgres user,
 * since PostgreSQL refuses to run as root.
 */
final class PrivatePostgres implements AutoCloseable {

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

    /** A new, empty cluster, not yet started. */
    static PrivatePostgres create(Path parent) throws Exception {
        Files.createDirectories(parent);
        Path dataDir = Files.createTempDirectory(parent, "pgdata-");
        PrivatePostgres postgres = new PrivatePostgres(binaries(), dataDir, parent.resolve(dataDir.getFileName() + ".log"),
                freePort());
        if (runningAsRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dataDir.toString()));
            run(List.of("chmod", "o+rx", parent.toString())); // postgres must reach its data directory
        }
        postgres.asServerUser(List.of(postgres.bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres",
                "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"));
        return postgres;
    }

    int port() {
        return port;
    }

    /** Starts the server and waits until it accepts connections. */
    void start() throws Exception {
        if (runningAsRoot()) {
            run(List.of("touch", log.toString()));
            run(List.of("chown", "postgres:postgres", log.toString()));
        }
        asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(), "-w",
                "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** Stops the server the way an operator's restart does: fast shutdown, open connections terminated. */
    void stop() throws Exception {
        asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    @Override
    public void close() throws Exception {
        try {
            asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "stop"));
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
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries under " + root));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
