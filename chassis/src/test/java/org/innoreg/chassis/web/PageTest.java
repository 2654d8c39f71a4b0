package org.innoreg.chassis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class PageTest {

    @Test
    void aCompleteListIsOneCountedPageOfItsViews() {
        Page<String> page = Page.of(List.of(1, 2, 3), n -> "#" + n);
        assertThat(page.items()).containsExactly("#1", "#2", "#3");
        assertThat(page.total()).isEqualTo(3L);
        assertThat(page.next()).isNull();
    }
}
