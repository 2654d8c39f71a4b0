package org.innoreg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.SecurityMatrix;
import org.innoreg.testsupport.SecurityMatrix.Recipe;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own write operations (rebuilding its read models) are admin only, checked like the
 * services'.
 */
@QuarkusTest
class WriteSecurityTest {

    @Inject DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyWriteOperationRefusesEveryBadCallerAndChangesNothing() throws Exception {
        Map<String, Recipe> recipes =
                Map.of(
                        "rebuildSearch",
                        new Recipe(
                                "/api/v1/search/rebuild",
                                null,
                                null,
                                Map.of(),
                                "admin",
                                "registry-editor",
                                null));
        var result =
                SecurityMatrix.run(
                        "http://127.0.0.1:" + RestAssured.port,
                        recipes,
                        () ->
                                SecurityMatrix.fingerprint(dataSource, Set.of())
                                        + SecurityMatrix.topicOffsets(bootstrapServers));
        System.out.printf(
                "security matrix (gateway): %d operations, %d refused requests%n",
                result.operations(), result.requests());
        assertThat(result.requests()).isEqualTo(7);
    }
}
