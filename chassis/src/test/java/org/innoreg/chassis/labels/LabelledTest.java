package org.innoreg.chassis.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A value read from its code, label or alias, and what an error lists. */
@Tag("fast")
class LabelledTest {

    /**
     * Labelled by chassis/src/test/resources/innoreg-labels.properties, as a service's enums are by
     * its own.
     */
    enum Level implements Labelled {
        NATIONAL,
        PROVINCIAL,
        UNLABELLED
    }

    enum Plain {
        ONE
    }

    @Test
    void codeInAnyCaseLabelOrAlias() {
        assertThat(Labelled.parse(Level.class, "NATIONAL")).isEqualTo(Level.NATIONAL);
        assertThat(Labelled.parse(Level.class, " national ")).isEqualTo(Level.NATIONAL);
        assertThat(Labelled.parse(Level.class, "国家级")).isEqualTo(Level.NATIONAL);
        assertThat(Labelled.parse(Level.class, "省")).isEqualTo(Level.PROVINCIAL);
        assertThat(Labelled.parse(Level.class, "市级")).isNull();
        assertThat(Labelled.parse(Level.class, "")).isNull();
        assertThat(Level.PROVINCIAL.aliases()).containsExactly("省");
        assertThat(Level.NATIONAL.aliases()).isEmpty();
        // a code the file does not name shows itself rather than nothing (MessageBundlesTest keeps
        // that from happening)
        assertThat(Level.UNLABELLED.chinese()).isEqualTo("UNLABELLED");
        assertThat(Labelled.parseAny(Plain.class, "one")).isEqualTo(Plain.ONE);
        assertThat(Labelled.parseAny(Plain.class, "国家级")).isNull();
    }

    @Test
    void choicesListCodesWithTheirLabels() {
        assertThat(Labelled.choices(Level.class))
                .isEqualTo("NATIONAL (国家级), PROVINCIAL (省级), UNLABELLED (UNLABELLED)");
        assertThat(Labelled.choices(Plain.class)).isEqualTo("ONE");
    }

    @Test
    void statsRowsCarryTheLabelBesideTheCode() {
        Map<String, Object> row = new LinkedHashMap<>();
        Labelled.putWithLabel(row, "level", "PROVINCIAL", Map.of("level", Level.class));
        Labelled.putWithLabel(row, "regionCode", "430700", Map.of("level", Level.class));
        assertThat(row)
                .containsExactly(
                        Map.entry("level", "PROVINCIAL"),
                        Map.entry("levelLabel", "省级"),
                        Map.entry("regionCode", "430700"));
        assertThat(Labelled.labelOf(Level.NATIONAL)).isEqualTo("国家级");
        assertThat(Labelled.labelOf(null)).isNull();
    }
}
