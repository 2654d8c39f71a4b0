package org.innoreg.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Query parameters read strictly: a value that is not one is refused, naming the parameter. */
@Tag("fast")
class ParamConvertersTest {

    @SuppressWarnings("unused")
    private static void endpoint(@QueryParam("dryRun") boolean dryRun) {}

    private static ParamConverter<Boolean> dryRun(Class<Boolean> type) throws Exception {
        Annotation[] annotations =
                ParamConvertersTest.class.getDeclaredMethod("endpoint", boolean.class)
                        .getParameterAnnotations()[0];
        return new ParamConverters().getConverter(type, type, annotations);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aBooleanIsTrueOrFalseInAnyCaseAndNothingElse() throws Exception {
        for (Class<?> type : new Class<?>[] {boolean.class, Boolean.class}) {
            ParamConverter<Boolean> converter = dryRun((Class<Boolean>) type);
            assertThat(converter.fromString("true")).isTrue();
            assertThat(converter.fromString("FALSE")).isFalse();
            assertThat(converter.fromString(" True ")).isTrue();
            // JAX-RS alone reads each of these as false: ?dryRun=yes would import for real
            for (String value : new String[] {"yes", "1", "ture", "on", ""}) {
                assertThatThrownBy(() -> converter.fromString(value))
                        .as(value)
                        .isInstanceOf(WebApplicationException.class)
                        .cause()
                        .isInstanceOfSatisfying(
                                ProblemException.class,
                                p -> assertThat(p.kind()).isEqualTo(ProblemException.Kind.INVALID));
            }
        }
    }
}
