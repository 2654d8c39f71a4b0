package org.innoreg.chassis.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An export's filters as the conditions of its query: only those with a value count. */
@Tag("fast")
class ExportFilterTest {

    enum Size {
        SMALL,
        LARGE
    }

    @Test
    void eachFilterWithAValueIsOneConditionAndOneParameter() {
        ExportFilter filter =
                new ExportFilter()
                        .region("p.region_code", "430700")
                        .anyOf("p.size", List.of(Size.SMALL, Size.LARGE))
                        .equal("p.kind", Size.LARGE)
                        .equal("extract(year FROM p.signed_on)", 2018);
        assertThat(filter.where())
                .isEqualTo(
                        " WHERE p.region_code LIKE ? AND p.size = ANY(?) AND p.kind = ?"
                                + " AND extract(year FROM p.signed_on) = ?");
        assertThat(filter.params())
                .containsExactly("4307%", new String[] {"SMALL", "LARGE"}, "LARGE", 2018);
    }

    @Test
    void noFilterWithAValueIsNoCondition() {
        ExportFilter filter =
                new ExportFilter()
                        .region("p.region_code", null)
                        .anyOf("p.size", List.of())
                        .anyOf("p.size", null)
                        .equal("p.kind", null);
        assertThat(filter.where()).isEmpty();
        assertThat(filter.params()).isEmpty();
    }
}
