package org.innoreg.chassis.columns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.CsvRow;
import org.innoreg.chassis.columns.ColumnsTest.Size;
import org.innoreg.chassis.columns.ColumnsTest.Thing;
import org.innoreg.chassis.columns.ColumnsTest.ThingInput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An import written from an aggregate's columns: the plain fields come from the list, the fields
 * written out from the subclass, the records from where the service keeps them.
 */
@Tag("fast")
class ColumnsImportTest {

    static final UUID ID = UUID.fromString("5d0f4e7a-2b1c-4a8e-9f3d-6c7b8a9e0f12");

    /** Things with a note written out, kept in a map. */
    static final class ThingImport extends ColumnsImport<ThingInput, String, Thing> {

        ThingImport(Map<UUID, Thing> stored) {
            super(
                    ThingInput.class,
                    ColumnsTest.COLUMNS,
                    CsvImporter.columns(ColumnsTest.COLUMNS.fileNames(new String[] {"note"})),
                    new Records<>(
                            thing -> ID,
                            ids -> ids.contains(ID) ? List.copyOf(stored.values()) : List.of(),
                            ThingInput::nameZh,
                            names -> byName(stored.values(), names),
                            input -> "430000",
                            (thing, input) -> false,
                            inputs -> {}));
        }

        private static Map<String, Thing> byName(
                Collection<Thing> things, Collection<String> names) {
            return things.stream()
                    .filter(t -> names.contains(t.name))
                    .collect(Collectors.toMap(t -> t.name, Function.identity()));
        }

        @Override
        protected void readOthers(CsvRow row, Map<String, Object> values) {
            values.put("note", row.text("note"));
        }

        @Override
        protected void keepOthers(
                ThingInput input,
                Thing stored,
                CsvImporter.Columns columns,
                Map<String, Object> values) {
            values.put("note", columns.pick("note", input.note(), "stored note"));
        }

        @Override
        public List<org.innoreg.chassis.problem.Problem.FieldError> check(
                ThingInput input, Thing existing) {
            return List.of();
        }
    }

    @Test
    void aRowBecomesTheInputAndAnExistingRecordKeepsWhatTheFileLacks() {
        Thing thing = new Thing();
        thing.name = "孵化器";
        thing.tags = List.of("kept");
        thing.since = LocalDate.of(2001, 1, 1);
        thing.size = Size.SMALL;
        thing.budget = BigDecimal.ONE;
        ThingImport spec = new ThingImport(Map.of(ID, thing));

        assertThat(spec.columns()).containsEntry("名称", "nameZh").containsEntry("note", "note");
        ThingInput input =
                spec.map(
                        ColumnsTest.row(
                                Map.of("nameZh", "孵化器", "size", "大", "note", "n"), Map.of()));
        assertThat(input.nameZh()).isEqualTo("孵化器");
        assertThat(input.size()).as("not a label of Size: recorded on the row").isNull();
        assertThat(input.note()).isEqualTo("n");

        ThingInput kept =
                spec.keep(input, thing, new CsvImporter.Columns(Set.of("nameZh", "size")));
        assertThat(kept)
                .isEqualTo(
                        new ThingInput(
                                "孵化器",
                                List.of("kept"),
                                LocalDate.of(2001, 1, 1),
                                null,
                                BigDecimal.ONE,
                                null,
                                "stored note"));

        assertThat(spec.byIds(Set.of(ID))).containsEntry(ID, thing);
        assertThat(spec.byIds(Set.of())).isEmpty();
        assertThat(spec.idOf(thing)).isEqualTo(ID);
        assertThat(spec.key(input)).isEqualTo("孵化器");
        assertThat(spec.existing(Set.of("孵化器", "其他"))).containsOnlyKeys("孵化器");
        assertThat(spec.region(input)).isEqualTo("430000");
    }
}
