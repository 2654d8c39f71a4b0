package org.innoreg.clientcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A generated Java client built the way its partner builds it: its own generated {@code pom.xml},
 * unchanged, compiled by Maven (this repository's wrapper, with {@code
 * -Dinnoreg.client-check.maven-args}, e.g. {@code -o}), which also writes the client's runtime
 * classpath for the workflow.
 */
final class JavaClientBuild {

    private JavaClientBuild() {}

    /** Compiles the client in {@code dir}; returns its classes directory and its dependencies. */
    static List<Path> compile(Path dir) throws IOException, InterruptedException {
        Path classpathFile = dir.resolve("classpath.txt");
        List<String> command =
                new ArrayList<>(
                        List.of(
                                System.getProperty("innoreg.client-check.mvnw", "mvnw"),
                                "-B",
                                "-q",
                                "-f",
                                dir.resolve("pom.xml").toString(),
                                "compile",
                                "dependency:build-classpath",
                                "-Dmdep.outputFile=" + classpathFile));
        String more = System.getProperty("innoreg.client-check.maven-args", "").strip();
        if (!more.isEmpty()) {
            command.addAll(List.of(more.split("\\s+")));
        }
        Processes.run(
                command,
                dir,
                dir.resolveSibling(dir.getFileName() + "-compile.log"),
                Duration.ofMinutes(10));
        List<Path> classpath = new ArrayList<>();
        classpath.add(dir.resolve("target/classes"));
        Arrays.stream(Files.readString(classpathFile, StandardCharsets.UTF_8).strip().split(":"))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .forEach(classpath::add);
        return classpath;
    }
}
