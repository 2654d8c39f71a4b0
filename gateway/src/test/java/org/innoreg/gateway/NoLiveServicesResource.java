package org.innoreg.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Points every service the gateway routes to at a free port of its own where nothing listens, so
 * that no gateway test ever reaches (or merges the OpenAPI documents of) a suite running on this
 * machine's default ports. Tests that need upstreams start their own stand-ins, whose addresses
 * override these (they start after this one).
 */
public class NoLiveServicesResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : new String[] {"registry", "projects", "indicators"}) {
            config.put(
                    "innoreg.gateway.services." + service + ".url",
                    "http://127.0.0.1:" + freePort());
        }
        return config;
    }

    @Override
    public int order() {
        return Integer.MIN_VALUE; // first: the stand-ins of a test class override these addresses
    }

    @Override
    public void stop() {}

    /**
     * A port nothing listens on now (the OS hands out ephemeral ports in turn, so it stays free a
     * good while).
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
