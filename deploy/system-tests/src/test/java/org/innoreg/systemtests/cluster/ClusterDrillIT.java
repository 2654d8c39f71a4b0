package org.innoreg.systemtests.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.innoreg.systemtests.harness.ClusterStack;
import org.innoreg.testsupport.suite.Suite;
import org.junit.jupiter.api.Test;

/**
 * deploy/cluster/drill in the build: every check of the drill passes (the output is in the test's
 * log).
 */
class ClusterDrillIT {

    @Test
    void noAcknowledgedWriteLostNoEffectDuplicatedThroughEveryFault() throws Exception {
        Path run =
                Suite.root()
                        .resolve(
                                "deploy/system-tests/target/system-tests/cluster-drill-"
                                        + System.currentTimeMillis());
        ClusterDrill.Result result;
        try (ClusterStack stack = ClusterStack.start(run, null)) {
            result = new ClusterDrill(stack).run();
        }
        assertThat(result.failed()).as(String.join("\n", result.lines())).isZero();
        assertThat(result.passed()).isGreaterThanOrEqualTo(12);
    }
}
