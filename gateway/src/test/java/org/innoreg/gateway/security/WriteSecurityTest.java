package org.innoreg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.innoreg.testsupport.SecurityMatrix;
import org.innoreg.testsupport.SecurityMatrix.Recipe;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own write operations (rebuilding its read models) are admin only, checked like the
 * services'.
 */
@QuarkusTest
class WriteSecurityTest {

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
        var result = SecurityMatrix.runOnService("gateway", recipes);
        assertThat(result.requests()).isEqualTo(7);
    }
}
