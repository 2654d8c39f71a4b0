package org.innoreg.systemtests.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.suite.Suite;
import org.innoreg.testsupport.suite.Suite.Service;

/**
 * The demo data (deploy/demo/load) loaded into a {@link Suite}, the way deploy/run-suite loads it.
 */
public final class Demo {

    private Demo() {}

    /**
     * Runs the loader against the suite's services with an admin token; its output is returned, a
     * failure thrown.
     */
    public static String load(Suite suite) {
        return load(
                suite.url(Service.REGISTRY, ""),
                suite.url(Service.PROJECTS, ""),
                suite.url(Service.INDICATORS, ""),
                suite.runDirectory().resolve("demo-load.log"));
    }

    /**
     * Runs the loader against these service addresses (a gateway's serves all three); its output is
     * written to {@code log}.
     */
    public static String load(String registry, String projects, String indicators, Path log) {
        Path loader = Suite.root().resolve("deploy/demo/load");
        ProcessBuilder builder =
                new ProcessBuilder("bash", loader.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        builder.environment().put("INNOREG_REGISTRY_URL", registry);
        builder.environment().put("INNOREG_PROJECTS_URL", projects);
        builder.environment().put("INNOREG_INDICATORS_URL", indicators);
        builder.environment()
                .put("INNOREG_TOKEN", TestTokens.token("demo-loader", List.of("admin"), List.of()));
        try {
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "deploy/demo/load did not finish in 5 minutes: " + read(log));
            }
            String output = read(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "deploy/demo/load exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run " + loader + " (needs bash, curl and python3)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
