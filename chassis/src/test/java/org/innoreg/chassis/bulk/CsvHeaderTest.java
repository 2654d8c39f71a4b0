package org.innoreg.chassis.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.innoreg.chassis.problem.ProblemException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A CSV header names each column once, in English or Chinese; twice is refused, not guessed. */
@Tag("fast")
class CsvHeaderTest {

    private static final Map<String, String> COLUMNS =
            Map.of("nameZh", "nameZh", "名称", "nameZh", "type", "type", "类型", "type");

    private static ImportRows.Sheet read(String csv) {
        ImportRows rows = new ImportRows(COLUMNS, 100, false);
        CsvReader.read(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "UTF-8", rows);
        return rows.sheet();
    }

    @Test
    void eachColumnOnceIsRead() {
        ImportRows.Sheet sheet = read("名称,type\n常德孵化器,孵化器\n");
        assertThat(sheet.rows())
                .singleElement()
                .satisfies(r -> assertThat(r.text("nameZh")).isEqualTo("常德孵化器"));
    }

    @Test
    void aColumnTwiceIsRefusedWhetherSpelledTheSameOrNot() {
        for (String csv : new String[] {"nameZh,nameZh\na,b\n", "名称,type,nameZh\na,b,c\n"}) {
            assertThatThrownBy(() -> read(csv))
                    .as(csv)
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            p -> assertThat(p.kind()).isEqualTo(ProblemException.Kind.INVALID));
        }
    }
}
