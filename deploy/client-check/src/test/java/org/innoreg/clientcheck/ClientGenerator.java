package org.innoreg.clientcheck;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * openapi-generator 7.25.0's CLI (the jar from Maven Central, copied by this module's build) with a
 * generator's name and, for Java, its HTTP library: no name mappings, type mappings or other
 * options, so that what compiles here compiles for any partner who runs the same command.
 */
final class ClientGenerator {

    private static final Path JAR =
            Path.of(
                    System.getProperty(
                            "innoreg.client-check.generator",
                            "target/tools/openapi-generator-cli.jar"));

    private ClientGenerator() {}

    /** Generates into {@code out} and returns it. */
    static Path generate(Path document, String generator, String library, Path out)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "generate"));
        command.addAll(List.of("-i", document.toString(), "-g", generator, "-o", out.toString()));
        if (library != null) {
            command.addAll(List.of("--library", library));
        }
        Processes.run(
                command,
                out.getParent(),
                out.resolveSibling(out.getFileName() + "-generate.log"),
                Duration.ofMinutes(3));
        return out;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
