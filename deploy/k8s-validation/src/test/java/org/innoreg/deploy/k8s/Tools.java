package org.innoreg.deploy.k8s;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command-line tools the checks need: kubectl (kustomize), node and npm. */
final class Tools {

    record Result(int exitCode, String stdout, String stderr) {}

    static Result run(Path dir, long timeoutSeconds, List<String> command) {
        try {
            Files.createDirectories(dir); // a fresh checkout has no target/k8s-validation yet
            Path out = Files.createTempFile("innoreg-tool", ".out");
            Path err = Files.createTempFile("innoreg-tool", ".err");
            Process process =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + ": no answer after " + timeoutSeconds + " s");
            }
            Result result =
                    new Result(
                            process.exitValue(),
                            Files.readString(out, StandardCharsets.UTF_8),
                            Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean onPath(String tool) {
        for (String dir :
                System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Skips (never passes) the calling test when a tool is missing, saying which and how to get it.
     */
    static void require(String tool, String howToGetIt) {
        assumeTrue(
                onPath(tool),
                () ->
                        "SKIPPED, NOT VALIDATED: '"
                                + tool
                                + "' is not on the PATH ("
                                + howToGetIt
                                + ")");
    }

    /** {@code kubectl kustomize <dir>}: the rendered manifests. */
    static String kustomize(Path dir) {
        require(
                "kubectl",
                "the build machines have it; elsewhere: https://kubernetes.io/docs/tasks/tools/");
        Result result = run(dir, 120, List.of("kubectl", "kustomize", "."));
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + result.stderr());
        }
        return result.stdout();
    }

    static List<String> command(String... parts) {
        return new ArrayList<>(List.of(parts));
    }

    private Tools() {}
}
