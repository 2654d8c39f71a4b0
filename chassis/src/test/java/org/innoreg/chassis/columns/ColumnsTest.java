package org.innoreg.chassis.columns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    }

    record ThingInput(
            String nameZh, List<String> tags, LocalDate sinceOn, Size size, String note) {}

    static final Columns<Thing> COLUMNS =
            Columns.of(
                    Column.text("nameZh", t -> t.name, (t, v) -> t.name = v, "名称"),
                    Column.list("tags", t -> t.tags, (t, v) -> t.tags = v),
                    Column.date("sinceOn", t -> t.since, (t, v) -> t.since = v, "日期"),
                    Column.choice("size", Size.class, t -> t.size, (t, v) -> t.size = v));

    @Test
    void sqlListsComeFromTheOneDeclaration() {
        assertThat(COLUMNS.select("t")).isEqualTo("t.name_zh, t.tags, t.since_on, t.size");
        assertThat(COLUMNS.selectAsProperties("t"))
                .isEqualTo(
                        "t.name_zh AS \"nameZh\", t.tags AS \"tags\", t.since_on AS \"sinceOn\","
                                + " t.size AS \"size\"");
        assertThat(COLUMNS.names()).isEqualTo("name_zh, tags, since_on, size");
        assertThat(COLUMNS.recordDefinition())
                .isEqualTo("name_zh text, tags text[], since_on date, size text");
        assertThat(COLUMNS.fileNames(new String[] {"id", "编号"}))
                .isDeepEqualTo(
                        new String[][] {
                            {"nameZh", "名称"}, {"tags"}, {"sinceOn", "日期"}, {"size"}, {"id", "编号"}
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
                        "LARGE");
        Thing thing = new Thing();
        COLUMNS.readFromDatabase(thing, row::get);
        assertThat(thing.name).isEqualTo("孵化器");
        assertThat(thing.tags).containsExactly("a", "b");
        assertThat(thing.since).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(thing.size).isEqualTo(Size.LARGE);

        StringWriter json = new StringWriter();
        try (JsonGenerator out = new ObjectMapper().getFactory().createGenerator(json)) {
            out.writeStartObject();
            COLUMNS.writeJson(out, thing);
            out.writeEndObject();
        }
        assertThat(json)
                .hasToString(
                        "{\"name_zh\":\"孵化器\",\"tags\":[\"a\",\"b\"],\"since_on\":\"2020-01-02\","
                                + "\"size\":\"LARGE\"}");

        Thing empty = new Thing();
        COLUMNS.readFromDatabase(empty, column -> null);
        assertThat(empty.tags).isEmpty();
        assertThat(empty.size).isNull();
    }

    @Test
    void anImportKeepsTheStoredValueOfEachColumnItsFileLacks() {
        Thing stored = new Thing();
        stored.name = "旧名";
        stored.tags = List.of("kept");
        stored.since = LocalDate.of(2001, 1, 1);
        stored.size = Size.SMALL;
        ThingInput fromFile = new ThingInput("新名", null, null, Size.LARGE, "note");

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
                                "note"));
    }

    @Test
    void aRecordIsMadeOnlyFromValuesOfItsComponentsAndTheirTypes() {
        Map<String, Object> values = new HashMap<>();
        values.put("nameZh", "x");
        assertThat(RecordValues.create(ThingInput.class, values))
                .isEqualTo(new ThingInput("x", null, null, null, null));

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
