package org.innoreg.systemtests.consistency;

import java.util.Random;

/**
 * Unified social credit codes (GB 32100-2015) for generated organisations: registration authority 9
 * and kind 1 (an enterprise registered with market regulation), the region code, nine random
 * characters, and the check character (weighted sum of the first 17 modulo 31), written here from
 * the standard.
 */
final class Uscc {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
    };

    private Uscc() {}

    static String random(Random random, String region) {
        StringBuilder code = new StringBuilder("91").append(region);
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return code.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }
}
