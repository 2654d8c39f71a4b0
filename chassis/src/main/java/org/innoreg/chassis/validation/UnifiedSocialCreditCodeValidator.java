package org.innoreg.chassis.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** GB 32100-2015 check: weighted sum of the first 17 characters modulo 31 gives the 18th. */
public class UnifiedSocialCreditCodeValidator
        implements ConstraintValidator<UnifiedSocialCreditCode, String> {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
    };

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isValid(value);
    }

    public static boolean isValid(String code) {
        if (code.length() != 18) {
            return false;
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return false; // positions 3-8 are the GB/T 2260 region code
            }
        }
        Character expected = checkCharacter(code.substring(0, 17));
        return expected != null && expected == code.charAt(17);
    }

    /** The check character for the first 17 characters, or null if one is outside the alphabet. */
    public static Character checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                return null;
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
