package org.innoreg.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
public class PublicationTest {

    public record Project(
            String name, @Unpublished String official, long version, @Unpublished String note) {}

    public record Region(String code, String name) {}

    @Test
    void theUnpublishedComponentsAreWithheldAndTheRestKept() {
        Project project = new Project("复星医药常德生物医药产业基地", "Executive deputy mayor", 3, "watch");
        assertThat(Publication.unpublished(Project.class)).containsExactly("official", "note");
        assertThat(Publication.withheld(project))
                .isEqualTo(new Project("复星医药常德生物医药产业基地", null, 3, null));
        assertThat(project.official()).isEqualTo("Executive deputy mayor");
    }

    @Test
    void aViewWithNothingUnpublishedIsShownAsItIs() {
        Region region = new Region("430700", "常德市");
        assertThat(Publication.unpublished(Region.class)).isEmpty();
        assertThat(Publication.withheld(region)).isSameAs(region);
    }
}
