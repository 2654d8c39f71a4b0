package org.innoreg.testsupport.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.innoreg.testsupport.suite.LaunchPlan.Entry;
import org.innoreg.testsupport.suite.Suite.Service;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's command line, and the JVM options it gives a service. */
@Tag("fast")
class LaunchPlanTest {

    @Test
    void servicesAreKindsWithOptionalLabelsAndPorts() {
        LaunchPlan plan =
                LaunchPlan.parse(
                        "--service",
                        "registry:18081",
                        "--service",
                        "registry-2=registry-service",
                        "--service",
                        "gateway",
                        "--db",
                        "registry=innoreg_bench_registry",
                        "--env",
                        "A=b=c",
                        "--bootstrap",
                        "127.0.0.1:9092",
                        "--sequential");
        assertThat(plan.services)
                .containsExactly(
                        new Entry("registry", Service.REGISTRY, 18081),
                        new Entry("registry-2", Service.REGISTRY, 0),
                        new Entry("gateway", Service.GATEWAY, 0));
        assertThat(plan.databases).containsEntry(Service.REGISTRY, "innoreg_bench_registry");
        assertThat(plan.environment).containsEntry("A", "b=c");
        assertThat(plan.bootstrap).isEqualTo("127.0.0.1:9092");
        assertThat(plan.sequential).isTrue();
    }

    @Test
    void jvmOptionsAreTheDefaultsUnlessReplacedAndAdditionsNameTheService() {
        assertThat(LaunchPlan.parse("--service", "gateway").jvmOptionsOf("gateway"))
                .isEqualTo(JvmOptions.SERVICE);
        LaunchPlan plan =
                LaunchPlan.parse(
                        "--service", "registry",
                        "--jvm-options", " -Xmx128m  -XX:+UseG1GC ",
                        "--jvm-option", "-XX:StartFlightRecording=filename={name}.jfr");
        assertThat(plan.jvmOptionsOf("registry-2"))
                .containsExactly(
                        "-Xmx128m",
                        "-XX:+UseG1GC",
                        "-XX:StartFlightRecording=filename=registry-2.jfr");
    }

    @Test
    void unknownOptionsAndServicesAreRefused() {
        assertThatThrownBy(() -> LaunchPlan.parse()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LaunchPlan.parse("--service", "billing"))
                .hasMessageContaining("no service billing");
        assertThatThrownBy(() -> LaunchPlan.parse("--port", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAppCdsArchiveIsUsedWhenTheBuildMadeOne(@TempDir Path app) throws Exception {
        assertThat(JvmOptions.forApp(app, List.of("-Xmx256m"))).containsExactly("-Xmx256m");
        Files.createFile(app.resolve("app-cds.jsa"));
        assertThat(JvmOptions.forApp(app, List.of("-Xmx256m")))
                .containsExactly(
                        "-Xmx256m",
                        "-XX:SharedArchiveFile=" + app.resolve("app-cds.jsa").toAbsolutePath());
        assertThat(JvmOptions.forApp(app, List.of("-XX:SharedArchiveFile=other.jsa")))
                .containsExactly("-XX:SharedArchiveFile=other.jsa");
    }
}
