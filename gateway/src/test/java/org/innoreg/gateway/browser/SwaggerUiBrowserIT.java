package org.innoreg.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The person's view, run by failsafe once every module is packaged: {@code deploy/browser-check}
 * starts the suite with the README's run command (or uses one already running here), opens Swagger
 * UI at the gateway in headless Chromium and checks that every service's operations are listed. The
 * screenshot is left in target/browser-check/swagger-ui.png.
 */
class SwaggerUiBrowserIT {

    @Test
    void swaggerUiAtTheGatewayListsEveryServicesOperations() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path log = Path.of("target", "browser-check.log");
        Process check =
                new ProcessBuilder(root.resolve("deploy/browser-check").toString())
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        assertThat(check.waitFor(10, TimeUnit.MINUTES)).as("browser check finished").isTrue();
        String output = Files.readString(log);
        assertThat(check.exitValue()).as("browser check:%n%s", output).isZero();
        assertThat(output)
                .contains(
                        "listed: /api/v1/platforms",
                        "listed: /api/v1/projects",
                        "listed: /api/v1/indicators");
        assertThat(root.resolve("target/browser-check/swagger-ui.png")).isNotEmptyFile();
    }
}
