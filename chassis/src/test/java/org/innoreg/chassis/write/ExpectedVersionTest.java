package org.innoreg.chassis.write;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.innoreg.chassis.problem.ProblemException.Kind.STALE_VERSION;
import static org.innoreg.chassis.problem.ProblemException.Kind.VERSION_REQUIRED;

import org.innoreg.chassis.problem.ProblemException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ExpectedVersionTest {

    @Test
    void aMissingIfMatchAsksForTheVersionAndAStaleOneIsRefused() {
        assertThatThrownBy(() -> ExpectedVersion.ifMatch(null).check(3))
                .isInstanceOf(ProblemException.class)
                .extracting("kind")
                .isEqualTo(VERSION_REQUIRED);
        assertThatThrownBy(() -> ExpectedVersion.ifMatch("  ").check(3))
                .extracting("kind")
                .isEqualTo(VERSION_REQUIRED);
        assertThatThrownBy(() -> ExpectedVersion.ifMatch("\"2\"").check(3))
                .extracting("kind")
                .isEqualTo(STALE_VERSION);
        assertThatThrownBy(() -> ExpectedVersion.ifMatch("\"abc\"").check(3))
                .extracting("kind")
                .isEqualTo(STALE_VERSION);
        assertThatThrownBy(() -> ExpectedVersion.of(2).check(3))
                .extracting("kind")
                .isEqualTo(STALE_VERSION);
    }

    @Test
    void theCurrentTagInAnyFormMatches() {
        for (String header : new String[] {"\"3\"", "W/\"3\"", "\"1\", \"3\"", "*", "3"}) {
            assertThatCode(() -> ExpectedVersion.ifMatch(header).check(3))
                    .as(header)
                    .doesNotThrowAnyException();
        }
        assertThatCode(() -> ExpectedVersion.of(3).check(3)).doesNotThrowAnyException();
    }

    @Test
    void anOptionalOrUnconditionalExpectationAcceptsAnyVersionButAStatedOneIsStillChecked() {
        assertThatCode(() -> ExpectedVersion.ifMatchOptional(null).check(7))
                .doesNotThrowAnyException();
        assertThatCode(() -> ExpectedVersion.unconditional().check(7)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ExpectedVersion.ifMatchOptional("\"6\"").check(7))
                .extracting("kind")
                .isEqualTo(STALE_VERSION);
    }
}
