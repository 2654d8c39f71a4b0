package org.innoreg.chassis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class QueryValuesTest {

    @Test
    void aRepeatedEnumParameterIsASetWithoutNullsAndEmptyWhenAbsent() {
        assertThat(
                        QueryValues.anyOf(
                                Arrays.asList(DayOfWeek.MONDAY, null, DayOfWeek.MONDAY),
                                DayOfWeek.class))
                .containsExactly(DayOfWeek.MONDAY);
        assertThat(QueryValues.anyOf(null, DayOfWeek.class)).isEmpty();
    }

    @Test
    void blankTextIsNoText() {
        assertThat(QueryValues.text(null)).isNull();
        assertThat(QueryValues.text("  ")).isNull();
        assertThat(QueryValues.text("孵化器")).isEqualTo("孵化器");
    }
}
