package org.innoreg.deploy.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.innoreg.deploy.k8s.Repo.Service;

/**
 * What a service reads from its environment and serves, from its source: the chassis's
 * microprofile-config.properties and the module's application.properties (prod profile), and
 * System.getenv calls in their main code.
 */
final class ServiceConfig {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?=[:}])");
    private static final Pattern GETENV =
            Pattern.compile("System\\.getenv\\(\\s*\"([A-Z][A-Z0-9_]*)\"\\s*\\)");
    private static final Path CHASSIS = Repo.ROOT.resolve("chassis");

    final Service service;

    /**
     * the effective properties (chassis defaults, overridden by the module's), %prod. applied,
     * other profiles dropped
     */
    final Map<String, String> properties;

    /**
     * environment variables the service reads: ${NAME} / ${NAME:default} placeholders and
     * System.getenv("NAME")
     */
    final Set<String> environment;

    private ServiceConfig(
            Service service, Map<String, String> properties, Set<String> environment) {
        this.service = service;
        this.properties = properties;
        this.environment = environment;
    }

    static ServiceConfig of(Service service) {
        Map<String, String> properties = new LinkedHashMap<>();
        Set<String> environment = new TreeSet<>();
        for (Path file :
                List.of(
                        CHASSIS.resolve(
                                "src/main/resources/META-INF/microprofile-config.properties"),
                        CHASSIS.resolve("src/main/resources/application.properties"),
                        service.dir()
                                .resolve(
                                        "src/main/resources/META-INF/microprofile-config.properties"),
                        service.dir().resolve("src/main/resources/application.properties"))) {
            if (!Files.exists(file)) {
                continue;
            }
            Properties loaded = new Properties();
            try {
                loaded.load(new StringReader(Repo.read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> prod = new LinkedHashMap<>();
            loaded.stringPropertyNames().stream()
                    .sorted()
                    .forEach(
                            key -> {
                                String value = loaded.getProperty(key);
                                if (key.startsWith("%prod.")) {
                                    prod.put(key.substring("%prod.".length()), value);
                                } else if (!key.startsWith("%")) {
                                    properties.put(key, value);
                                } else {
                                    return; // %test., %dev.: not what runs in a pod
                                }
                                Matcher m = PLACEHOLDER.matcher(value);
                                while (m.find()) {
                                    environment.add(m.group(1));
                                }
                            });
            properties.putAll(prod);
        }
        for (Path sources :
                List.of(CHASSIS.resolve("src/main/java"), service.dir().resolve("src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .forEach(
                                f -> {
                                    Matcher m = GETENV.matcher(Repo.read(f));
                                    while (m.find()) {
                                        environment.add(m.group(1));
                                    }
                                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ServiceConfig(service, properties, environment);
    }

    int httpPort() {
        return Integer.parseInt(properties.getOrDefault("quarkus.http.port", "8080").trim());
    }

    /**
     * /q/health/live, /q/health/ready, /q/health/started as configured (Quarkus' defaults unless
     * overridden).
     */
    String healthPath(String kind) {
        String root = trim(properties.getOrDefault("quarkus.http.non-application-root-path", "q"));
        String health =
                trim(properties.getOrDefault("quarkus.smallrye-health.root-path", "health"));
        String leaf =
                trim(
                        properties.getOrDefault(
                                "quarkus.smallrye-health." + kind + "-path",
                                switch (kind) {
                                    case "liveness" -> "live";
                                    case "readiness" -> "ready";
                                    case "startup" -> "started";
                                    default -> throw new IllegalArgumentException(kind);
                                }));
        // a relative path hangs under the one above it; an absolute one (leading /) stands on its
        // own
        String base =
                health.startsWith("/")
                        ? health
                        : (root.startsWith("/") ? root : "/" + root) + "/" + health;
        return leaf.startsWith("/") ? leaf : base + "/" + leaf;
    }

    private static String trim(String path) {
        String p = path.trim();
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
