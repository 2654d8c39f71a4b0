package org.innoreg.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.innoreg.deploy.k8s.Repo.Service;
import org.junit.jupiter.api.Test;

/**
 * One image actually runs, with no container engine: projects-service's tarball unpacked layer by
 * layer into a directory, which becomes the root (read-only, with a tmpfs /tmp as the Deployment
 * mounts one) of its entrypoint, started with the image's own environment, working directory and
 * user (185), in a mount namespace of its own; the service reaches the local PostgreSQL (a database
 * made for this and dropped after) and no Kafka. Passes when /q/health/started and /q/health/live
 * answer 200 and the process is not root. Needs root (for the mounts) and the image tarball
 * (-Pimages); skipped otherwise, saying so.
 */
class ImageRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Service SERVICE = Service.PROJECTS;

    @Test
    void theProjectsImageStartsOnAReadOnlyRootAsItsOwnUser() throws Exception {
        Path tar = ImageTarTest.tarOrSkip(SERVICE);
        assumeTrue(
                "0".equals(Tools.run(Repo.WORK, 10, List.of("id", "-u")).stdout().trim()),
                "SKIPPED, IMAGE NOT STARTED: mounting the image's root read-only needs root");
        for (String tool : List.of("unshare", "mount", "psql", "tar")) {
            Tools.require(tool, "util-linux, mount, postgresql-client, tar");
        }

        Path dir = Repo.work("run/" + SERVICE.module);
        Path rootfs = dir.resolve("rootfs");
        Tools.run(dir, 60, List.of("rm", "-rf", rootfs.toString()));
        Files.createDirectories(rootfs);
        ImageTarTest.untar(tar, dir, "manifest.json");
        JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile()).get(0);
        ImageTarTest.untar(tar, dir, manifest.path("Config").asText());
        JsonNode config =
                JSON.readTree(dir.resolve(manifest.path("Config").asText()).toFile())
                        .path("config");
        for (JsonNode layer : manifest.path("Layers")) {
            ImageTarTest.untar(tar, dir, layer.asText());
            Tools.Result x =
                    Tools.run(
                            dir,
                            120,
                            List.of(
                                    "tar",
                                    "--warning=no-unknown-keyword",
                                    "-xzf",
                                    layer.asText(),
                                    "-C",
                                    rootfs.toString()));
            assertThat(x.exitCode()).as("unpack " + layer.asText() + ": " + x.stderr()).isZero();
            Files.delete(dir.resolve(layer.asText()));
        }
        Files.createDirectories(rootfs.resolve("proc"));

        String database = "innoreg_image_check_p" + ProcessHandle.current().pid();
        psql("DROP DATABASE IF EXISTS " + database);
        psql("CREATE DATABASE " + database);
        int port = freePort();
        List<String> env = new ArrayList<>();
        config.path("Env").forEach(e -> env.add(e.asText()));
        env.addAll(
                List.of(
                        "JDK_JAVA_OPTIONS=-Xmx256m",
                        "QUARKUS_HTTP_PORT=" + port,
                        "PGHOST=" + System.getenv().getOrDefault("PGHOST", "127.0.0.1"),
                        "PGPORT=" + System.getenv().getOrDefault("PGPORT", "5432"),
                        "PGUSER=" + System.getenv().getOrDefault("PGUSER", "postgres"),
                        "PGPASSWORD=" + System.getenv().getOrDefault("PGPASSWORD", ""),
                        "INNOREG_PROJECTS_DB=" + database,
                        "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9")); // no broker: readiness says so,
        // liveness does not care
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        String user = config.path("User").asText();

        String r = rootfs.toString();
        String mounts =
                "mount --bind "
                        + r
                        + " "
                        + r
                        + " && mount -o remount,bind,ro "
                        + r
                        + " && mount -t tmpfs -o size=256m tmpfs "
                        + r
                        + "/tmp && mount -t proc proc "
                        + r
                        + "/proc && exec \"$@\"";
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "unshare",
                                "--mount",
                                "--propagation",
                                "private",
                                "sh",
                                "-c",
                                mounts,
                                "sh",
                                "env",
                                "-i"));
        command.addAll(env);
        command.addAll(
                List.of(
                        "unshare",
                        "--root=" + r,
                        "--wd=" + config.path("WorkingDir").asText(),
                        "--setuid",
                        user,
                        "--setgid",
                        "0",
                        "--"));
        command.addAll(entrypoint);

        Path log = dir.resolve("service.log");
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            int started = -1;
            while (System.nanoTime() < deadline && process.isAlive()) {
                started = status(http, port, "/q/health/started");
                if (started == 200) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(started)
                    .as("/q/health/started of the image's service; log:\n" + tail(log))
                    .isEqualTo(200);
            assertThat(status(http, port, "/q/health/live")).isEqualTo(200);
            long javaPid =
                    process.descendants()
                            .filter(p -> p.info().command().orElse("").endsWith("/java"))
                            .findFirst()
                            .map(ProcessHandle::pid)
                            .orElse(process.pid());
            String uid =
                    Files.readAllLines(Path.of("/proc/" + javaPid + "/status")).stream()
                            .filter(l -> l.startsWith("Uid:"))
                            .findFirst()
                            .orElse("");
            assertThat(uid.split("\\s+")[1]).as("the service's uid").isEqualTo(user);
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            psql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static int status(HttpClient http, int port, String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void psql(String sql) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "psql",
                                "-X",
                                "-q",
                                "-v",
                                "ON_ERROR_STOP=1",
                                "-d",
                                "postgres",
                                "-c",
                                sql));
        if (System.getenv("PGHOST") == null) {
            command.addAll(1, List.of("-h", "127.0.0.1"));
        }
        if (System.getenv("PGUSER") == null) {
            command.addAll(1, List.of("-U", "postgres"));
        }
        Tools.Result result = Tools.run(Repo.WORK, 60, command);
        assertThat(result.exitCode()).as(sql + ": " + result.stderr()).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
