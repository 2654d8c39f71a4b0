package org.innoreg.indicators.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a computed indicator is evaluated: sum(numerator) ÷ denominator × scale. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "Formula",
        description =
                "sum(numerator) ÷ denominator × scale; a cell exists where every part has a value "
                        + "(a derived count missing in a cell counts as 0) and the denominator is not zero")
public record Formula(
        @Schema(example = "[\"invention_patents_held\"]") List<String> numerator,
        @Schema(example = "resident_population") String denominator,
        @Schema(example = "10000") BigDecimal scale) {}
