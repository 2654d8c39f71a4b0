package org.innoreg.chassis.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Cells as people type them in Excel, read by one row: no file, no server (the fast layer). */
@Tag("fast")
class CsvRowTest {

    @Test
    void datesAsTypedInEveryCommonForm() {
        for (String typed :
                List.of(
                        "2022-05-10",
                        "2022/5/10",
                        "2022.5.10",
                        "2022年5月10日",
                        " 2022 年 5 月 10 日 ")) {
            assertThat(CsvRow.parseDate(typed)).as(typed).isEqualTo(LocalDate.of(2022, 5, 10));
        }
        CsvRow row = row(Map.of("accreditedOn", "2022-02-30", "signedOn", "10/05/2022"));
        assertThat(row.date("accreditedOn")).isNull();
        assertThat(row.date("signedOn")).isNull();
        assertThat(row.errors)
                .extracting(e -> e.field())
                .containsExactly("accreditedOn", "signedOn");
        assertThat(row.errors.get(0).message()).contains("2022年5月10日").contains("'2022-02-30'");
    }

    @Test
    void amountsInTheColumnsUnitOrTheirOwn() {
        Map<String, String> cells = new HashMap<>();
        cells.put("planned", "1,200"); // header said （万元）: 12,000,000 yuan
        cells.put("own", "5000万元");
        cells.put("hundredMillions", "12亿");
        cells.put("yuan", "3,000,000元");
        cells.put("fullWidthCommas", "1，200，000");
        cells.put("words", "about a billion");
        CsvRow row = new CsvRow(2, cells, Map.of("planned", new BigDecimal(10_000)), Map.of());
        assertThat(row.amount("planned")).isEqualByComparingTo("12000000");
        assertThat(row.amount("own")).isEqualByComparingTo("50000000");
        assertThat(row.amount("hundredMillions")).isEqualByComparingTo("1200000000");
        assertThat(row.amount("yuan")).isEqualByComparingTo("3000000");
        assertThat(row.decimal("fullWidthCommas")).isEqualByComparingTo("1200000");
        assertThat(row.amount("words")).isNull();
        assertThat(row.errors)
                .singleElement()
                .satisfies(
                        error -> {
                            assertThat(error.field()).isEqualTo("words");
                            assertThat(error.message()).contains("12亿元");
                        });
    }

    @Test
    void emptyCellsAreAbsentAndListsSplitTheWayChineseSheetsWriteThem() {
        Map<String, String> cells = new HashMap<>();
        cells.put("nameEn", "   ");
        cells.put("fields", "新材料；电子信息、 先进装备;;");
        CsvRow row = row(cells);
        assertThat(row.text("nameEn")).isNull();
        assertThat(row.amount("missing")).isNull();
        assertThat(row.list("fields")).containsExactly("新材料", "电子信息", "先进装备");
        assertThat(row.errors).isEmpty();
        assertThat(row.blank()).isFalse();
        assertThat(row(Map.of("a", " ", "b", "")).blank()).isTrue();
    }

    @Test
    void aWorkbookCellIsNamedByItsColumnLettersAndRow() {
        CsvRow row = new CsvRow(7, Map.of("type", "孵化器"), Map.of(), Map.of("type", "C"));
        assertThat(row.ref("type")).isEqualTo("C7");
        assertThat(row(Map.of("type", "x")).ref("type"))
                .as("a CSV file has no cell names")
                .isNull();
    }

    private static CsvRow row(Map<String, String> cells) {
        return new CsvRow(2, cells, Map.of(), Map.of());
    }
}
