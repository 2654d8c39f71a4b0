package org.innoreg.systemtests.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.innoreg.testsupport.suite.Api;
import org.innoreg.testsupport.suite.NodePackages;

/**
 * Runs {@code src/test/node/dashboard-check.mjs}: installed into {@code target/dashboard-node} with
 * {@code npm ci} (the versions its package-lock.json pins, from the npm registry or npm's cache),
 * it drives Debian's {@code /usr/bin/chromium} and prints one JSON report of what the page showed.
 */
final class DashboardCheck {

    private static final Path SOURCE = Path.of("src/test/node").toAbsolutePath();
    private static final String CHROMIUM =
            System.getProperty("innoreg.chromium", "/usr/bin/chromium");

    private DashboardCheck() {}

    static JsonNode run(Path out, String gateway, String region, String asOf, String token)
            throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            throw new AssertionError(
                    CHROMIUM + " is missing: apt-get install chromium (.ci/run installs it)");
        }
        Path dir =
                NodePackages.install(
                        SOURCE,
                        out.getParent().resolve("dashboard-node"),
                        List.of("package.json", "package-lock.json", "dashboard-check.mjs"));
        Path log = out.resolve("dashboard-check.log");
        Path report = out.resolve("report.json");
        Files.deleteIfExists(report);
        ProcessBuilder builder =
                new ProcessBuilder("node", dir.resolve("dashboard-check.mjs").toString())
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        builder.environment().put("DASHBOARD_URL", gateway);
        builder.environment().put("DASHBOARD_REGION", region);
        builder.environment().put("DASHBOARD_AS_OF", asOf);
        builder.environment().put("DASHBOARD_TOKEN", token);
        builder.environment().put("DASHBOARD_OUT", out.toString());
        builder.environment().put("DASHBOARD_REPORT", report.toString());
        builder.environment().put("CHROMIUM", CHROMIUM);
        Process node = builder.start();
        if (!node.waitFor(5, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            throw new AssertionError(
                    "dashboard-check.mjs did not finish in 5 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("[dashboard] " + output.strip().replace("\n", "\n[dashboard] "));
        if (node.exitValue() != 0 || !Files.exists(report)) {
            throw new AssertionError(
                    "dashboard-check.mjs exited with " + node.exitValue() + ":\n" + output);
        }
        return Api.JSON.readTree(report.toFile());
    }
}
