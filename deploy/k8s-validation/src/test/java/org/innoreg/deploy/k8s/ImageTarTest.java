package org.innoreg.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.innoreg.deploy.k8s.Repo.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With -Pimages (what .ci/run runs) each service's package phase wrote
 * target/&lt;service&gt;-image.tar through Quarkus' Jib extension, with no daemon and no registry:
 * this checks what Kubernetes will run from it - entrypoint, a user that is not root, the port the
 * service listens on, the labels, and that the base is the tarball built here
 * (deploy/images/build-base-image), not something pulled. Without -Pimages the test is skipped,
 * saying so (a tarball left by an earlier build may be stale).
 */
class ImageTarTest {

    static final boolean EXPECTED = "true".equals(System.getProperty("innoreg.images"));
    static final Path BASE = Repo.ROOT.resolve("deploy/images/target/innoreg-jre17-base.tar");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path tarOrSkip(Service s) {
        Path tar = s.imageTar();
        if (EXPECTED) {
            assertThat(tar).as("-Pimages is on: the image tarball of " + s.module).exists();
        } else {
            // a tarball left by an earlier -Pimages build may be stale: only this build's are
            // checked
            assumeTrue(
                    false,
                    "SKIPPED, NO IMAGE CHECKED: images are built and checked with -Pimages (.ci/run), not in this build");
        }
        return tar;
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void imageTarballHasTheConfigKubernetesRunsIt(Service s) throws IOException {
        Path tar = tarOrSkip(s);
        Path dir = Repo.work("images/" + s.module);
        untar(tar, dir, "manifest.json");
        JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest).hasSize(1);
        assertThat(manifest.get(0).path("RepoTags").get(0).asText())
                .isEqualTo(s.image() + ":" + Repo.VERSION);
        String configName = manifest.get(0).path("Config").asText();
        untar(tar, dir, configName);
        JsonNode image = JSON.readTree(dir.resolve(configName).toFile());
        JsonNode config = image.path("config");
        ServiceConfig service = ServiceConfig.of(s);

        assertThat(image.path("os").asText()).isEqualTo("linux");
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        assertThat(entrypoint)
                .as("entrypoint")
                .startsWith("java")
                .endsWith("-jar", "quarkus-run.jar")
                .contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
                .noneMatch(
                        arg ->
                                arg.startsWith(
                                        "-Xmx")); // the heap is the Deployment's (JDK_JAVA_OPTIONS)
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/home/jboss");
        String user = config.path("User").asText();
        assertThat(user)
                .as("image user")
                .isNotBlank()
                .isNotIn("0", "root", "0:0", "root:root")
                .matches("[1-9][0-9]*(:[0-9]+)?");
        assertThat(config.path("Env").toString())
                .contains("JAVA_HOME=/opt/java", "PATH=/opt/java/bin");
        assertThat(config.path("ExposedPorts").has(service.httpPort() + "/tcp"))
                .as("exposes " + service.httpPort())
                .isTrue();
        assertThat(config.path("ExposedPorts")).hasSize(1);
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo(s.module);
        assertThat(labels.path("org.opencontainers.image.version").asText())
                .isEqualTo(Repo.VERSION);
        assertThat(labels.path("org.opencontainers.image.licenses").asText())
                .isEqualTo("Apache-2.0");
        assertThat(labels.path("org.opencontainers.image.description").asText()).isNotBlank();
        assertThat(labels.path("org.opencontainers.image.base.name").asText())
                .isEqualTo("innoreg/jre17-base");
        assertThat(labels.path("org.innoreg.base.jdk").asText())
                .as("base image label")
                .contains("17");

        // the first layer is the base tarball's own layer: same content digest, so nothing was
        // pulled
        Path baseDir = Repo.work("images/base");
        untar(BASE, baseDir, "config.json");
        JsonNode base = JSON.readTree(baseDir.resolve("config.json").toFile());
        assertThat(image.path("rootfs").path("diff_ids").get(0).asText())
                .isEqualTo(base.path("rootfs").path("diff_ids").get(0).asText());
        assertThat(image.path("rootfs").path("diff_ids").size()).isGreaterThan(1);

        // the application's files belong to root: the service (user 185) reads them and cannot
        // change them
        List<String> layers = new ArrayList<>();
        manifest.get(0).path("Layers").forEach(l -> layers.add(l.asText()));
        for (String layer : layers.subList(1, layers.size())) {
            untar(tar, dir, layer);
            Tools.Result listing =
                    Tools.run(dir, 60, List.of("tar", "--numeric-owner", "-tvzf", layer));
            assertThat(listing.exitCode()).isZero();
            for (String line : listing.stdout().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                String owner = f[1];
                String path = f[f.length - 1];
                if (!path.matches("\\.?/?home/jboss/?")) {
                    assertThat(owner).as(layer + " " + path).startsWith("0/");
                    assertThat(f[0]).as(path + " not writable by others").matches("^.{8}[^w].*");
                }
            }
            Files.delete(dir.resolve(layer));
        }
    }

    static void untar(Path tar, Path dir, String member) {
        Tools.Result result =
                Tools.run(
                        dir,
                        120,
                        List.of("tar", "-xf", tar.toString(), "-C", dir.toString(), member));
        if (result.exitCode() != 0) {
            throw new AssertionError("tar -xf " + tar + " " + member + ": " + result.stderr());
        }
    }
}
