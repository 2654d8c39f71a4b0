package org.innoreg.systemtests.cluster;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.innoreg.systemtests.harness.ClusterStack;
import org.innoreg.systemtests.harness.Demo;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.suite.Suite.Service;

/**
 * {@code deploy/cluster/run}: the replicated stack ({@link ClusterStack}) for a person to look at,
 * with the demo data loaded through gateway 1, until Ctrl-C. Gateways on 8080 and 8090 when those
 * are free.
 */
public final class ClusterRun {

    private ClusterRun() {}

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args.length > 0 ? args[0] : ".local/cluster").toAbsolutePath();
        int[] gateways = free(8080) && free(8090) ? new int[] {8080, 8090} : null;
        ClusterStack stack =
                ClusterStack.start(state.resolve("run-" + System.currentTimeMillis()), gateways);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    System.out.println("[cluster] stopping...");
                                    stack.close();
                                    stopped.countDown();
                                },
                                "cluster-stop"));
        String gateway = stack.gateway(1, "");
        System.out.println("[cluster] loading the demo data through gateway 1...");
        Demo.load(gateway, gateway, gateway, stack.runDirectory().resolve("demo-load.log"));
        StringBuilder replicas = new StringBuilder();
        for (Service service : Service.values()) {
            replicas.append(
                    String.format(
                            "    %-19s %s  %s%n",
                            service.module,
                            stack.replica(service, 1).url(""),
                            stack.replica(service, 2).url("")));
        }
        System.out.printf(
                """

                  Innovation Registry, replicated, is running.

                    Swagger UI   %s/q/swagger-ui   (gateway 1)   %s/q/swagger-ui   (gateway 2)
                  Replicas:
                %s    Kafka        %s   (3 nodes, RF 3, min ISR 2)
                    PostgreSQL   primary %s, synchronous standby %s
                    Logs         %s
                    A token      %s

                  Ctrl-C stops it all. deploy/cluster/drill runs the fault drill on a stack of its own.
                %n""",
                gateway,
                stack.gateway(2, ""),
                replicas,
                stack.bootstrapServers(),
                stack.primary().address(),
                stack.standby().address(),
                stack.runDirectory(),
                TestTokens.token("cluster-user", List.of("admin"), List.of()));
        stopped.await();
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (Exception taken) {
            return false;
        }
    }
}
