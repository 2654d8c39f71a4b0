package org.innoreg.gateway.routing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Stand-ins on free ports of their own for the resilience tests: registry as two replicas (A and B,
 * so that one can be killed and started again), projects and indicators as one each. Short
 * timeouts, so the tests see them act: a request's head awaited 4 s, idle connections closed after
 * 6 s, a failed replica retried after 1 s, answers awaited 2 s (less than the idle timeout, or a
 * slow answer's caller would be cut before its 504). Rate limiting off (these tests send a lot from
 * one address; RateLimitTest checks the limits).
 */
public class StandInServicesResource implements QuarkusTestResourceLifecycleManager {

    static StandInService registryA;
    static StandInService registryB;
    static StandInService projects;
    static StandInService indicators;

    @Override
    public Map<String, String> start() {
        registryA = new StandInService("registry-a").start();
        registryB = new StandInService("registry-b").start();
        projects = new StandInService("projects").start();
        indicators = new StandInService("indicators").start();
        return Map.of(
                "innoreg.gateway.services.registry.url", registryA.url() + "," + registryB.url(),
                "innoreg.gateway.services.projects.url", projects.url(),
                "innoreg.gateway.services.indicators.url", indicators.url(),
                "innoreg.gateway.timeout", "2s",
                "innoreg.gateway.replica-retry-after", "1s",
                "innoreg.gateway.rate-limit.enabled", "false",
                "innoreg.gateway.request-head-timeout", "4s",
                "quarkus.http.idle-timeout", "6s");
    }

    @Override
    public void stop() {
        for (StandInService service :
                new StandInService[] {registryA, registryB, projects, indicators}) {
            if (service != null) {
                service.kill();
            }
        }
    }
}
