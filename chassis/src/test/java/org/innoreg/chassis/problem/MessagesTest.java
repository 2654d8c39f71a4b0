package org.innoreg.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which language a caller gets, and how a text is filled in. */
@Tag("fast")
class MessagesTest {

    @Test
    void chineseForZhAndZhCnEnglishOtherwise() {
        assertThat(Messages.negotiate("zh-CN")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.negotiate("zh")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.negotiate("zh-Hans-CN")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.negotiate("en-US")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.negotiate("fr")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.negotiate("*")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.negotiate(null)).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.negotiate("")).isEqualTo(Messages.ENGLISH);
        // Traditional Chinese is not what the bundles carry: English rather than the wrong script
        assertThat(Messages.negotiate("zh-TW")).isEqualTo(Messages.ENGLISH);
    }

    @Test
    void qValuesDecide() {
        assertThat(Messages.negotiate("en;q=0.5, zh-CN;q=0.9")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.negotiate("zh;q=0.3, en;q=0.8")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.negotiate("fr, zh-CN;q=0.8, en;q=0.7")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.negotiate("zh;q=0, en;q=0.1")).isEqualTo(Messages.ENGLISH);
    }

    @Test
    void aMalformedHeaderIsEnglishNotAnError() {
        assertThat(Messages.negotiate("zh-CN;q=abc")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.negotiate(";;;")).isEqualTo(Messages.ENGLISH);
    }

    @Test
    void textsByKeyWithTheirArguments() {
        assertThat(Messages.text(Messages.ENGLISH, "detail.not-found", "platform", "42"))
                .isEqualTo("platform 42 does not exist");
        assertThat(Messages.text(Messages.CHINESE, "detail.not-found", "平台", "42"))
                .isEqualTo("平台 42 不存在");
        // an argument that looks like a placeholder is not filled in again
        assertThat(Messages.text(Messages.ENGLISH, "detail.field", "{1}", "x")).isEqualTo("{1}: x");
        assertThat(Messages.text(Messages.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
        assertThat(Messages.has("title.not-found")).isTrue();
        assertThat(Messages.has("title.no-such-slug")).isFalse();
    }

    @Test
    void outsideARequestTextsAreEnglish() {
        assertThat(Messages.current()).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.text("title.validation")).isEqualTo("Invalid request");
    }
}
