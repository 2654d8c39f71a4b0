package org.innoreg.testsupport.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options every launched process gets unless its caller replaces them: the one place to
 * tune start-up and footprint for the tests, the drills, deploy/run-suite and the benchmark alike
 * ({@link ServiceProcess}, {@link Launcher}, {@link org.innoreg.testsupport.KafkaBroker}).
 */
public final class JvmOptions {

    /**
     * A service as deploy/run-suite, the Launcher and the benchmark run it (measured in
     * deploy/bench/REPORT.md, P6; docs/decisions/0007): serial GC, which on two cores and a heap
     * this size costs no throughput and keeps the footprint small; a heap that starts small and
     * grows to 256 MB only under load; bounded code cache, thread stacks and direct memory (Netty's
     * buffers), the parts of the footprint outside the heap that grow with load.
     */
    public static final List<String> SERVICE =
            List.of(
                    "-Xms32m",
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-Xss512k",
                    "-XX:ReservedCodeCacheSize=64m",
                    "-XX:MaxDirectMemorySize=64m",
                    "-Dfile.encoding=UTF-8");

    /**
     * A service in the tests: C1 only as well, since tests start many short-lived services on two
     * cores and C2's compilations would only compete with them.
     */
    public static final List<String> SERVICE_UNDER_TEST = withTestCompiler();

    /** The Kafka broker (org.innoreg.deploy.kafka.LocalKafkaBroker). */
    public static final List<String> BROKER =
            List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The file Quarkus writes with -Dquarkus.package.jar.appcds.enabled=true. */
    static final String APP_CDS_ARCHIVE = "app-cds.jsa";

    private JvmOptions() {}

    private static List<String> withTestCompiler() {
        List<String> options = new ArrayList<>(SERVICE);
        options.add("-XX:TieredStopAtLevel=1");
        return List.copyOf(options);
    }

    /**
     * {@code options} for the application in {@code quarkusApp} (its quarkus-app directory), with
     * its AppCDS archive when the build made one: class data then comes mapped from the archive
     * instead of being parsed and verified at each start.
     */
    public static List<String> forApp(Path quarkusApp, List<String> options) {
        List<String> all = new ArrayList<>(options);
        Path archive = quarkusApp.resolve(APP_CDS_ARCHIVE);
        boolean chosen = all.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
        if (!chosen && Files.isRegularFile(archive)) {
            all.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        }
        return all;
    }
}
