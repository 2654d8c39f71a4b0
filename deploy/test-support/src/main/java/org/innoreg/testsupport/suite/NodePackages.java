package org.innoreg.testsupport.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm tools a test drives (playwright-core, tsc, Prism): a directory of {@code package.json}
 * and {@code package-lock.json} installed with {@code npm ci} into a directory under {@code
 * target/}, so that the versions are the ones the lock file pins (from the npm registry or npm's
 * cache). An installation whose lock file is unchanged is reused.
 */
public final class NodePackages {

    private NodePackages() {}

    /**
     * Copies {@code files} (the two package files among them) from {@code source} into {@code dir}
     * and runs {@code npm ci} there unless the same lock file was installed before.
     *
     * @return {@code dir}
     */
    public static Path install(Path source, Path dir, List<String> files)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path lockFile = dir.resolve("package-lock.json");
        String lock = Files.readString(source.resolve("package-lock.json"));
        boolean fresh =
                Files.isDirectory(dir.resolve("node_modules"))
                        && Files.exists(lockFile)
                        && lock.equals(Files.readString(lockFile));
        for (String file : files) {
            Files.copy(
                    source.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!fresh) {
            Path log = dir.resolve("npm-ci.log");
            Process npm =
                    new ProcessBuilder(
                                    "npm",
                                    "ci",
                                    "--no-audit",
                                    "--no-fund",
                                    "--prefer-offline",
                                    "--loglevel=error")
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new AssertionError("npm ci in " + dir + " failed:\n" + Files.readString(log));
            }
        }
        return dir;
    }
}
