package org.innoreg.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The services behind the gateway and how to reach them ({@code innoreg.gateway.*}). */
@ConfigMapping(prefix = "innoreg.gateway")
public interface GatewayConfig {

    /** By service name (registry, projects, indicators): its base URL and the path prefixes it owns. */
    Map<String, Service> services();

    /** Longest wait for a service's answer to start (and between two chunks of it). */
    @WithDefault("30s")
    Duration timeout();

    /** A service that does not accept a connection within this is reported down. */
    @WithDefault("2s")
    Duration connectTimeout();

    interface Service {
        /** e.g. http://127.0.0.1:8081 locally, http://registry-service:8081 in a cluster. */
        URI url();

        /** e.g. /api/v1/platforms: the prefix and everything under it goes to this service. */
        List<String> prefixes();
    }
}
