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
     * A service: a 256 MB heap (what the suite is sized and benchmarked for), serial GC and C1
     * only, which start quickest on two cores and keep the footprint small.
     */
    public static final List<String> SERVICE =
            List.of(
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Dfile.encoding=UTF-8");

    /** The Kafka broker (org.innoreg.deploy.kafka.LocalKafkaBroker). */
    public static final List<String> BROKER =
            List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The file Quarkus writes with -Dquarkus.package.jar.appcds.enabled=true. */
    static final String APP_CDS_ARCHIVE = "app-cds.jsa";

    private JvmOptions() {}

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
