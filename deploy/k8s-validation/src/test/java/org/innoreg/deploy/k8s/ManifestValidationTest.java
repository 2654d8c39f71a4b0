package org.innoreg.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every overlay renders with {@code kubectl kustomize}, and every object it renders validates:
 * Strimzi and CloudNativePG kinds against their CRDs (unknown fields refused), core kinds with
 * kubernetes-models (unknown fields refused too), metadata as ObjectMeta. An object no schema
 * covers is an error, not a pass.
 */
class ManifestValidationTest {

    @Test
    void everyOverlayRendersAndEveryObjectValidates() {
        Manifests local = Manifests.overlay("local");
        Manifests production = Manifests.overlay("production");
        SchemaValidator.Report report = SchemaValidator.validate(local.file, production.file);

        assertThat(report.allErrors()).as("validation errors").isEmpty();
        assertThat(report.unresolvedTypes())
                .as("core types whose fields could not be looked up")
                .isEmpty();
        assertThat(report.in("local.yaml")).hasSize(local.objects.size());
        assertThat(report.in("production.yaml")).hasSize(production.objects.size());
        assertThat(report.objects())
                .allSatisfy(o -> assertThat(o.schema()).as(o.kind() + " " + o.name()).isNotBlank());
        // the CRD kinds were checked against the CRDs, not waved through
        assertThat(
                        report.objects().stream()
                                .filter(
                                        o ->
                                                o.apiVersion().contains("strimzi.io")
                                                        || o.apiVersion().contains("cnpg.io")))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.schema()).startsWith("CRD "));
    }

    @Test
    void productionHasEveryPieceTheIssueAsksFor() {
        Manifests production = Manifests.overlay("production");
        Map<String, Long> kinds =
                production.objects.stream()
                        .collect(
                                Collectors.groupingBy(
                                        o -> o.path("kind").asText(),
                                        TreeMap::new,
                                        Collectors.counting()));
        assertThat(kinds)
                .containsEntry("Deployment", 4L)
                .containsEntry("Service", 4L)
                .containsEntry("HorizontalPodAutoscaler", 4L)
                .containsEntry("PodDisruptionBudget", 4L)
                .containsEntry("Kafka", 1L)
                .containsEntry("KafkaNodePool", 2L)
                .containsEntry("KafkaTopic", 7L)
                .containsEntry("KafkaUser", 4L)
                .containsEntry("Cluster", 4L)
                .containsEntry("Database", 4L)
                .containsEntry("ScheduledBackup", 4L)
                .containsEntry("Ingress", 1L)
                .doesNotContainKey("Secret"); // referenced, never committed
        assertThat(kinds.get("NetworkPolicy")).isGreaterThanOrEqualTo(5L);
        assertThat(production.all("ConfigMap")).isNotEmpty();
    }

    /** The manifests the guide has operators apply by hand (deploy/k8s/examples) validate too. */
    @Test
    void theGuidesExamplesValidate() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Repo.K8S.resolve("examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        SchemaValidator.Report report = SchemaValidator.validate(examples.toArray(Path[]::new));
        assertThat(report.allErrors()).isEmpty();
        assertThat(report.objects())
                .hasSizeGreaterThanOrEqualTo(examples.size())
                .allSatisfy(o -> assertThat(o.schema()).isNotBlank());
    }
}
