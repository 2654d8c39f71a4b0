package org.innoreg.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The validation is not a rubber stamp: a copy of deploy/k8s with one typo planted in a source file
 * renders, and the production overlay of that copy fails validation, on the planted field, for each
 * typo. The copy without a typo validates clean, so each failure is the typo's.
 */
class PlantedTyposTest {

    /** One typo: in which file, what replaces what, and the error the object must then carry. */
    record Typo(String file, String from, String to, String kind, String name, String error) {}

    static final Map<String, Typo> TYPOS = new LinkedHashMap<>();

    static {
        TYPOS.put(
                "replica",
                new Typo(
                        "base/kafka/kafka.yaml",
                        "  replicas: 3\n  roles:\n    - controller",
                        "  replica: 3\n  roles:\n    - controller",
                        "KafkaNodePool",
                        "controllers",
                        ".spec: unknown field \"replica\""));
        TYPOS.put(
                "partitions-six",
                new Typo(
                        "base/kafka/topics.yaml",
                        "  topicName: registry.platform.v1\n  partitions: 6",
                        "  topicName: registry.platform.v1\n  partitions: \"six\"",
                        "KafkaTopic",
                        "registry.platform.v1",
                        ".spec.partitions: must be integer"));
        TYPOS.put(
                "cluster-instance",
                new Typo(
                        "base/postgres/clusters.yaml",
                        "  name: innoreg-projects-pg\n",
                        null,
                        "Cluster",
                        "innoreg-projects-pg",
                        ".spec: unknown field \"instance\""));
        TYPOS.put(
                "deployment-probe",
                new Typo(
                        "base/services/gateway.yaml",
                        "          readinessProbe:",
                        "          readinesProbe:",
                        "Deployment",
                        "innoreg-gateway",
                        ".spec.template.spec.containers[0]: unknown field \"readinesProbe\""));
        TYPOS.put(
                "deployment-replica",
                new Typo(
                        "overlays/production/kustomization.yaml",
                        "patches:\n",
                        "patches:\n  - target:\n      kind: Deployment\n      name: innoreg-registry\n    patch: |-\n"
                                + "      - op: add\n        path: /spec/replica\n        value: 2\n",
                        "Deployment",
                        "innoreg-registry",
                        ".spec: unknown field \"replica\""));
        TYPOS.put(
                "backup-method",
                new Typo(
                        "overlays/production/backups.yaml",
                        "    name: innoreg-registry-pg\n  schedule: \"0 0 18 * * *\"\n  method: barmanObjectStore\n",
                        "    name: innoreg-registry-pg\n  schedule: \"0 0 18 * * *\"\n  method: barmanObjectstore\n",
                        "ScheduledBackup",
                        "innoreg-registry-pg-nightly",
                        ".spec.method: must be equal to one of the allowed values"));
    }

    @Test
    void eachPlantedTypoFailsValidationAndTheCleanCopyPasses() {
        Path root = Repo.work("typos");
        List<Path> rendered = new ArrayList<>();
        rendered.add(renderCopy(root, "none", null));
        TYPOS.forEach((name, typo) -> rendered.add(renderCopy(root, name, typo)));

        SchemaValidator.Report report = SchemaValidator.validate(rendered.toArray(Path[]::new));

        assertThat(report.in("none.yaml"))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.errors()).as(o.kind() + " " + o.name()).isEmpty());
        TYPOS.forEach(
                (name, typo) -> {
                    List<String> errors = report.errorsOf(name + ".yaml", typo.kind(), typo.name());
                    assertThat(errors)
                            .as(
                                    "errors of "
                                            + typo.kind()
                                            + " "
                                            + typo.name()
                                            + " with typo "
                                            + name)
                            .anySatisfy(e -> assertThat(e).startsWith(typo.error()));
                    // and nothing else in that copy is wrong
                    assertThat(report.in(name + ".yaml"))
                            .filteredOn(o -> !o.errors().isEmpty())
                            .extracting(o -> o.kind() + "/" + o.name())
                            .containsExactly(typo.kind() + "/" + typo.name());
                });
        assertThat(report.errorsOf("replica.yaml", "KafkaNodePool", "controllers"))
                .contains(".spec: must have required property 'replicas'");
    }

    private static Path renderCopy(Path root, String name, Typo typo) {
        Path copy = root.resolve(name).resolve("k8s");
        try {
            if (Files.exists(copy)) {
                try (Stream<Path> files = Files.walk(copy)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            try (Stream<Path> files = Files.walk(Repo.K8S)) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(Repo.K8S.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (typo != null) {
                Path file = copy.resolve(typo.file());
                String text = Files.readString(file);
                String to = typo.to();
                if (to == null) { // the Cluster: "instances: 3" of this one cluster becomes
                    // "instance: 3"
                    int at = text.indexOf(typo.from());
                    int instances = text.indexOf("  instances: 3\n", at);
                    assertThat(at).as(typo.from() + " in " + typo.file()).isNotNegative();
                    assertThat(instances).isPositive();
                    text =
                            text.substring(0, instances)
                                    + "  instance: 3\n"
                                    + text.substring(instances + "  instances: 3\n".length());
                } else {
                    assertThat(text.split(java.util.regex.Pattern.quote(typo.from()), -1))
                            .as("'" + typo.from() + "' once in " + typo.file())
                            .hasSize(2);
                    text = text.replace(typo.from(), to);
                }
                Files.writeString(file, text);
            }
            return Manifests.render(copy.resolve("overlays/production"), name).file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
