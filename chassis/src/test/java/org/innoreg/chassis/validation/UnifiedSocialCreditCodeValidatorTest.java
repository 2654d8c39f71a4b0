package org.innoreg.chassis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class UnifiedSocialCreditCodeValidatorTest {

    @Test
    void acceptsPublishedCodes() {
        // Codes as printed on business licences.
        assertThat(UnifiedSocialCreditCodeValidator.isValid("91350100M000100Y43")).isTrue();
        assertThat(
                        UnifiedSocialCreditCodeValidator.isValid(
                                "911100001000034567".substring(0, 17)
                                        + UnifiedSocialCreditCodeValidator.checkCharacter(
                                                "91110000100003456")))
                .isTrue();
    }

    @Test
    void rejectsAWrongCheckCharacterLengthOrAlphabet() {
        assertThat(UnifiedSocialCreditCodeValidator.isValid("91350100M000100Y44")).isFalse();
        assertThat(UnifiedSocialCreditCodeValidator.isValid("91350100M000100Y4")).isFalse();
        assertThat(UnifiedSocialCreditCodeValidator.isValid("91350100M0001O0Y43")).isFalse();
        assertThat(UnifiedSocialCreditCodeValidator.isValid("9135A100M000100Y43")).isFalse();
    }
}
