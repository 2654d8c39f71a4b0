package org.innoreg.chassis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class RegionCodesTest {

    @Test
    void aDistrictRollsUpToItsCityAndProvince() {
        assertThat(RegionCodes.withAncestors("430703"))
                .containsExactly("430703", "430700", "430000");
        assertThat(RegionCodes.withAncestors("430790"))
                .containsExactly("430790", "430700", "430000");
        assertThat(RegionCodes.withAncestors("430700")).containsExactly("430700", "430000");
        assertThat(RegionCodes.withAncestors("430000")).containsExactly("430000");
    }

    @Test
    void aMunicipalityDistrictRollsUpToTheMunicipalityOnly() {
        assertThat(RegionCodes.withAncestors("110112")).containsExactly("110112", "110000");
    }

    @Test
    void aSubtreeIsAPrefix() {
        assertThat(RegionCodes.descendantPrefix("430000")).isEqualTo("43");
        assertThat(RegionCodes.descendantPrefix("430700")).isEqualTo("4307");
        assertThat(RegionCodes.descendantPrefix("430703")).isEqualTo("430703");
    }
}
