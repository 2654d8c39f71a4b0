package org.innoreg.chassis.columns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.innoreg.chassis.bulk.CsvRow;
import org.innoreg.chassis.labels.Labelled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One list of plain fields, read the ways an aggregate's queries, inserts and imports read it. */
@Tag("fast")
class ColumnsTest {

    enum Size implements Labelled {
        SMALL,
        LARGE
    }

    static class Thing {
        String name;
        List<String> tags = List.of();
        LocalDate since;
        Size size;
        BigDecimal budget;
        UUID park;
    }

    record ThingInput(
            String nameZh,
            List<String> tags,
            LocalDate sinceOn,
            Size size,
            BigDecimal budget,
            UUID parkId,
            String note) {}

    static final UUID PARK = UUID.fromString("0b6e1f5e-7c53-4c55-9a57-0e3c1b0c9d10");

    static final Columns<Thing> COLUMNS =
            Columns.of(
                    Column.text("nameZh", t -> t.name, (t, v) -> t.name = v, "名称"),
                    Column.list("tags", t -> t.tags, (t, v) -> t.tags = v),
                    Column.date("sinceOn", t -> t.since, (t, v) -> t.since = v, "日期"),
                    Column.choice("size", Size.class, t -> t.size, (t, v) -> t.size = v),
                    Column.amount("budget", t -> t.budget, (t, v) -> t.budget = v, "预算"),
                    Column.uuid("parkId", t -> t.park, (t, v) -> t.park = v));

    @Test
    void sqlListsComeFromTheOneDeclaration() {
        assertThat(COLUMNS.select("t"))
                .isEqualTo("t.name_zh, t.tags, t.since_on, t.size, t.budget, t.park_id");
        assertThat(COLUMNS.selectAsProperties("t"))
                .isEqualTo(
                        "t.name_zh AS \"nameZh\", t.tags AS \"tags\", t.since_on AS \"sinceOn\","
                                + " t.size AS \"size\", t.budget AS \"budget\","
                                + " t.park_id AS \"parkId\"");
        assertThat(COLUMNS.names()).isEqualTo("name_zh, tags, since_on, size, budget, park_id");
        assertThat(COLUMNS.recordDefinition())
                .isEqualTo(
                        "name_zh text, tags text[], since_on date, size text, budget numeric,"
                                + " park_id uuid");
        assertThat(COLUMNS.fileNames(new String[] {"id", "编号"}))
                .isDeepEqualTo(
                        new String[][] {
                            {"nameZh", "名称"},
                            {"tags"},
                            {"sinceOn", "日期"},
                            {"size"},
                            {"budget", "预算"},
                            {"parkId"},
                            {"id", "编号"}
                        });
    }

    @Test
    void aRowOfTheDatabaseAndAJsonRecordsetCarryTheSameValues() throws Exception {
        Map<String, Object> row =
                Map.of(
                        "name_zh",
                        "孵化器",
                        "tags",
                        new String[] {"a", "b"},
                        "since_on",
                        LocalDate.of(2020, 1, 2),
                        "size",
                        "LARGE",
                        // the reactive client's numeric is a Number of its own
                        "budget",
                        12_000_000L,
                        "park_id",
                        PARK);
        Thing thing = new Thing();
        COLUMNS.readFromDatabase(thing, row::get);
        assertThat(thing.name).isEqualTo("孵化器");
        assertThat(thing.tags).containsExactly("a", "b");
        assertThat(thing.since).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(thing.size).isEqualTo(Size.LARGE);
        assertThat(thing.budget).isEqualTo(new BigDecimal(12_000_000));
        assertThat(thing.park).isEqualTo(PARK);

        StringWriter json = new StringWriter();
        try (JsonGenerator out = new ObjectMapper().getFactory().createGenerator(json)) {
            out.writeStartObject();
            COLUMNS.writeJson(out, thing);
            out.writeEndObject();
        }
        assertThat(json)
                .hasToString(
                        "{\"name_zh\":\"孵化器\",\"tags\":[\"a\",\"b\"],\"since_on\":\"2020-01-02\","
                                + "\"size\":\"LARGE\",\"budget\":12000000,"
                                + "\"park_id\":\""
                                + PARK
                                + "\"}");

        Thing empty = new Thing();
        COLUMNS.readFromDatabase(empty, column -> null);
        assertThat(empty.tags).isEmpty();
        assertThat(empty.size).isNull();
        assertThat(empty.budget).isNull();
        assertThat(empty.park).isNull();

        json = new StringWriter();
        try (JsonGenerator out = new ObjectMapper().getFactory().createGenerator(json)) {
            out.writeStartObject();
            COLUMNS.writeJson(out, empty);
            out.writeEndObject();
        }
        assertThat(json.toString()).contains("\"budget\":null,\"park_id\":null");
    }

    @Test
    void aRowsCellsAreReadByKindAndAnUnreadableOneAsNull() {
        Map<String, String> cells = new HashMap<>();
        cells.put("nameZh", " 孵化器 ");
        cells.put("tags", "a；b");
        cells.put("sinceOn", "2020年1月2日");
        cells.put("size", "large");
        cells.put("budget", "1,200"); // its header said （万元）
        cells.put("parkId", "not-a-uuid");
        CsvRow row = row(cells, Map.of("budget", new BigDecimal(10_000)));
        Map<String, Object> values = new HashMap<>();
        COLUMNS.readCells(row, values);
        assertThat(values)
                .containsEntry("nameZh", "孵化器")
                .containsEntry("tags", List.of("a", "b"))
                .containsEntry("sinceOn", LocalDate.of(2020, 1, 2))
                .containsEntry("size", Size.LARGE)
                .containsEntry("parkId", null);
        assertThat((BigDecimal) values.get("budget")).isEqualByComparingTo("12000000");

        cells.put("parkId", PARK.toString());
        cells.put("budget", "3亿");
        COLUMNS.readCells(row(cells, Map.of()), values);
        assertThat(values).containsEntry("parkId", PARK);
        assertThat((BigDecimal) values.get("budget")).isEqualByComparingTo("300000000");
    }

    /**
     * A file's row as an import reads it; made here by its package-private constructor, as only the
     * importer makes rows.
     */
    static CsvRow row(Map<String, String> cells, Map<String, BigDecimal> scales) {
        try {
            Constructor<CsvRow> constructor =
                    CsvRow.class.getDeclaredConstructor(int.class, Map.class, Map.class, Map.class);
            constructor.setAccessible(true);
            return constructor.newInstance(2, cells, scales, Map.of());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anImportKeepsTheStoredValueOfEachColumnItsFileLacks() {
        Thing stored = new Thing();
        stored.name = "旧名";
        stored.tags = List.of("kept");
        stored.since = LocalDate.of(2001, 1, 1);
        stored.size = Size.SMALL;
        stored.budget = BigDecimal.TEN;
        stored.park = PARK;
        ThingInput fromFile = new ThingInput("新名", null, null, Size.LARGE, null, null, "note");

        Map<String, Object> values = RecordValues.of(fromFile);
        COLUMNS.keepAbsent(stored, Set.of("nameZh", "size"), values);
        ThingInput kept = RecordValues.create(ThingInput.class, values);

        assertThat(kept)
                .isEqualTo(
                        new ThingInput(
                                "新名",
                                List.of("kept"),
                                LocalDate.of(2001, 1, 1),
                                Size.LARGE,
                                BigDecimal.TEN,
                                PARK,
                                "note"));
    }

    @Test
    void aRecordIsMadeOnlyFromValuesOfItsComponentsAndTheirTypes() {
        Map<String, Object> values = new HashMap<>();
        values.put("nameZh", "x");
        assertThat(RecordValues.create(ThingInput.class, values))
                .isEqualTo(new ThingInput("x", null, null, null, null, null, null));

        values.put("colour", "red");
        assertThatThrownBy(() -> RecordValues.create(ThingInput.class, values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour");

        values.remove("colour");
        values.put("sinceOn", "2020-01-01");
        assertThatThrownBy(() -> RecordValues.create(ThingInput.class, values))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
