package org.innoreg.chassis.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class RegionSeedTest {

    @Test
    void theSeedIsTheRegistrysMigrationWithItsEighteenRegions() {
        assertThat(RegionSeed.codes())
                .hasSize(18)
                .contains("110000", "110112", "220190", "430000", "430700", "430703", "430790")
                .doesNotContain("430799");
    }

    @Test
    void onlyTheFirstValueOfEachTupleIsACode() {
        assertThat(
                        RegionSeed.codes(
                                """
                                INSERT INTO region (code, name_zh, name_en, level, parent_code) VALUES
                                    ('430000', '湖南省', 'Hunan Province', 'PROVINCE', NULL),
                                    ('430700', '常德市', 'Changde', 'CITY', '430000');"""))
                .containsExactlyInAnyOrder("430000", "430700");
        assertThatThrownBy(() -> RegionSeed.codes("-- nothing"))
                .isInstanceOf(IllegalStateException.class);
    }
}
