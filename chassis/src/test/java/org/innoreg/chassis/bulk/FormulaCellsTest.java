package org.innoreg.chassis.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Texts a spreadsheet would run leave the export behind an apostrophe, and come back whole. */
@Tag("fast")
class FormulaCellsTest {

    @Test
    void aFormulaStartIsDefusedAndRestoredAndNothingElseIsTouched() {
        for (String formula :
                List.of(
                        "=HYPERLINK(\"http://evil.example\",\"点击\")",
                        "+1",
                        "-2+3",
                        "@SUM(A1)",
                        "\tx")) {
            assertThat(FormulaCells.defused(formula)).isEqualTo("'" + formula);
            assertThat(FormulaCells.restored(FormulaCells.defused(formula))).isEqualTo(formula);
        }
        for (String text : Arrays.asList("常德孵化器", "'quoted", "a=b", "", null)) {
            assertThat(FormulaCells.defused(text)).isEqualTo(text);
            assertThat(FormulaCells.restored(text)).isEqualTo(text);
        }
    }

    @Test
    void theCsvExportDefusesTextsButNotNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter writer = new CsvTableWriter(out, false);
        writer.header(List.of("name", "aliases", "value"));
        writer.row(List.of("=1+1", List.of("@a", "b"), new BigDecimal("-5")));
        writer.finish();
        // Jackson quotes a cell that starts with an apostrophe; spreadsheets read it the same
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("name,aliases,value\n\"'=1+1\",\"'@a;b\",-5\n");
    }
}
