package org.innoreg.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Where things are: the checkout, deploy/k8s, the operators' schemas, this module's work directory.
 */
final class Repo {

    static final Path ROOT =
            Paths.get(System.getProperty("innoreg.root", "../..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");

    /** ../shared/schemas: the Strimzi and CloudNativePG CRDs, beside the checkout. */
    static final Path SCHEMAS = ROOT.resolveSibling("shared").resolve("schemas");

    static final Path WORK =
            Paths.get(System.getProperty("innoreg.work", "target/k8s-validation")).toAbsolutePath();
    static final String VERSION = System.getProperty("innoreg.version", "1.0.0-SNAPSHOT");
    static final List<String> OVERLAYS = List.of("local", "production");

    /**
     * The four services: Maven module, Kubernetes name, KafkaUser, consumer group (null: consumes
     * nothing).
     */
    enum Service {
        REGISTRY("registry-service", "registry", null),
        PROJECTS("projects-service", "projects", "projects-service"),
        INDICATORS("indicators-service", "indicators", "indicators-service"),
        GATEWAY("gateway", "gateway", "gateway-service");

        final String module;

        /** the event service name: first part of its topics ({@code innoreg.events.service}) */
        final String events;

        final String consumerGroup;

        Service(String module, String events, String consumerGroup) {
            this.module = module;
            this.events = events;
            this.consumerGroup = consumerGroup;
        }

        String k8sName() {
            return "innoreg-" + events;
        }

        String kafkaUser() {
            return k8sName() + "-kafka";
        }

        String image() {
            return "innoreg/" + module;
        }

        Path dir() {
            return ROOT.resolve(module);
        }

        Path imageTar() {
            return dir().resolve("target").resolve(module + "-image.tar");
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path work(String name) {
        try {
            return Files.createDirectories(WORK.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Repo() {}
}
