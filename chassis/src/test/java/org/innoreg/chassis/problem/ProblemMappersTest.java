package org.innoreg.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.innoreg.chassis.problem.ProblemException.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ProblemMappersTest {

    @Test
    void eachKindOfRefusalHasTheStatusTheDocumentsPromise() {
        // the statuses the OpenAPI documents list per operation (web/OpenApiOperations) and
        // partners' clients branch on: changing one here changes the API
        Map<Kind, Integer> statuses =
                Arrays.stream(Kind.values())
                        .collect(Collectors.toMap(Function.identity(), ProblemMappers::status));
        assertThat(statuses)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                Kind.INVALID, 400,
                                Kind.FORBIDDEN, 403,
                                Kind.NOT_FOUND, 404,
                                Kind.CONFLICT, 409,
                                Kind.STALE_VERSION, 412,
                                Kind.TOO_LARGE, 413,
                                Kind.UNPROCESSABLE, 422,
                                Kind.VERSION_REQUIRED, 428,
                                Kind.UNAVAILABLE, 503));
    }
}
