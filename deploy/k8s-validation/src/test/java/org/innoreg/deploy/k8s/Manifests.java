package org.innoreg.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A rendered overlay: its YAML (also as a file for the validator) and its objects. */
final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<Path, Manifests> RENDERED = new ConcurrentHashMap<>();

    final String name;
    final Path file;
    final List<JsonNode> objects;

    private Manifests(String name, Path file, List<JsonNode> objects) {
        this.name = name;
        this.file = file;
        this.objects = objects;
    }

    /** deploy/k8s/overlays/{overlay}, rendered once per test JVM. */
    static Manifests overlay(String overlay) {
        return render(Repo.K8S.resolve("overlays").resolve(overlay), overlay);
    }

    /** Renders a kustomization directory into target/k8s-validation/rendered/{name}.yaml. */
    static Manifests render(Path kustomization, String name) {
        return RENDERED.computeIfAbsent(
                kustomization.toAbsolutePath().normalize(),
                dir -> {
                    String yaml = Tools.kustomize(dir);
                    Path file = Repo.work("rendered").resolve(name + ".yaml");
                    try {
                        Files.writeString(file, yaml);
                        List<JsonNode> objects = new ArrayList<>();
                        try (MappingIterator<JsonNode> docs =
                                YAML.readerFor(JsonNode.class).readValues(yaml)) {
                            while (docs.hasNext()) {
                                JsonNode doc = docs.next();
                                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                                    objects.add(doc);
                                }
                            }
                        }
                        return new Manifests(name, file, List.copyOf(objects));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    Stream<JsonNode> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    JsonNode one(String kind, String name) {
        List<JsonNode> found =
                all(kind)
                        .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                        .toList();
        if (found.size() != 1) {
            throw new AssertionError(
                    this.name + ": expected one " + kind + " " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    /**
     * A ConfigMap by the name a workload refers to (generated names carry a hash suffix: it is in
     * the reference).
     */
    JsonNode configMap(String name) {
        return one("ConfigMap", name);
    }

    static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    @Override
    public String toString() {
        return name;
    }
}
