package org.innoreg.testsupport;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;

/**
 * The hostile values the fuzzer sends (unicode edge cases, huge strings, SQL and JSON injection,
 * enormous and negative numbers, impossible dates and codes), drawn from jqwik arbitraries with one
 * seeded random, so that a run replays.
 */
final class HostileValues {

    /** Strings no service should choke on. */
    private static final Arbitrary<String> STRINGS =
            Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                    Tuple.of(
                            2,
                            Arbitraries.strings()
                                    .withCharRange('\u0000', '\u001f')
                                    .ofMinLength(1)
                                    .ofMaxLength(8)),
                    Tuple.of(
                            1,
                            Arbitraries.strings().alpha().ofMinLength(5_000).ofMaxLength(70_000)),
                    Tuple.of(
                            3,
                            Arbitraries.of(
                                    "' OR '1'='1",
                                    "'; DROP TABLE platform; --",
                                    "1; SELECT pg_sleep(5)--",
                                    "\" OR \"\"=\"",
                                    "%' AND 1=1 --",
                                    "{\"$gt\":\"\"}",
                                    "\"},{\"admin\":true",
                                    "\\u0000",
                                    "\u0000",
                                    "../../../../etc/passwd",
                                    "%2e%2e%2f",
                                    "${jndi:ldap://x/a}",
                                    "{{7*7}}",
                                    "<script>alert(1)</script>",
                                    "%s%s%s%n",
                                    "\uD800",
                                    "\uDFFF\uD800",
                                    "\uFEFF",
                                    "\u202Eevil",
                                    "𠜎𠜱𠝹",
                                    "🏭🔬",
                                    "０４３０７００",
                                    "NaN",
                                    "-0",
                                    "null",
                                    "true",
                                    "[]",
                                    "{}",
                                    "2019-02-30",
                                    "2019-13-01",
                                    "99999-01-01",
                                    "-0001-01-01",
                                    "2019-1-1",
                                    "yesterday",
                                    "2018-Q5",
                                    "2018-00",
                                    "999999",
                                    "43070",
                                    "4307033",
                                    "430700 ",
                                    " 430700",
                                    "aaaaaa",
                                    "91350100M000100Y44",
                                    "00000000-0000-0000-0000-00000000000g",
                                    "-1",
                                    "0",
                                    "-9223372036854775809",
                                    "9223372036854775808",
                                    "1e400",
                                    "-1e400",
                                    "0x10",
                                    "1,000",
                                    "１２")));

    private static final Arbitrary<String> NUMBERS =
            Arbitraries.of(
                    "-1",
                    "-0.000001",
                    "0",
                    "1e400",
                    "-1e400",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "123456789012345678901234567890.123456789",
                    "0.0000000000001",
                    "1.7976931348623157E309",
                    "\"NaN\"",
                    "\"Infinity\"",
                    "\"12\"",
                    "true",
                    "[1]",
                    "{}");

    private static final int GEN_SIZE = 1000;

    private final Random random;

    HostileValues(Random random) {
        this.random = random;
    }

    /** A string no service should choke on. */
    String string() {
        return sample(STRINGS);
    }

    /** A number (or what pretends to be one) as JSON text. */
    String number() {
        return sample(NUMBERS);
    }

    <T> T sample(Arbitrary<T> arbitrary) {
        RandomGenerator<T> generator = arbitrary.generator(GEN_SIZE);
        return generator.next(random).value();
    }
}
