package org.innoreg.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The services behind the gateway and how to reach them ({@code innoreg.gateway.*}). */
@ConfigMapping(prefix = "innoreg.gateway")
public interface GatewayConfig {

    /**
     * By service name (registry, projects, indicators): its base URL(s) and the path prefixes it
     * owns.
     */
    Map<String, Service> services();

    /** Longest wait for a service's answer to start (and between two chunks of it): then 504. */
    @WithDefault("30s")
    Duration timeout();

    /**
     * A replica that does not accept a connection within this is taken out (and the next one
     * tried).
     */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * How long a replica whose connection failed stays out of the rotation before it is tried
     * again.
     */
    @WithDefault("5s")
    Duration replicaRetryAfter();

    /**
     * Each request's head (request line and headers) must arrive within this of the connection's
     * opening or of the previous answer's end, or the connection is closed (a client trickling a
     * byte at a time is never idle).
     */
    @WithDefault("10s")
    Duration requestHeadTimeout();

    /**
     * The same for the next request on a kept-alive connection, counted from the previous answer's
     * end: longer than the idle timeout, so that a quiet kept-alive connection is closed by that
     * one (clients expect an idle close) and only a client that trickles its next head is closed by
     * this.
     */
    @WithDefault("60s")
    Duration keepAliveHeadTimeout();

    /** Connections kept open to each replica, per event loop. */
    @WithDefault("64")
    int maxConnectionsPerReplica();

    /**
     * A write carrying {@code Idempotency-Key} or {@code If-Match} whose declared body is at most
     * this many bytes is held in memory, so that it can be sent again to another replica when the
     * connection fails before an answer. Larger bodies (imports) stream through and are not
     * retried.
     */
    @WithDefault("262144")
    int retryBodyBytes();

    RateLimit rateLimit();

    interface Service {
        /**
         * e.g. http://127.0.0.1:8081 locally, http://registry-service:8081 in a cluster; several
         * replicas separated by commas ({@code INNOREG_REGISTRY_URL=http://a:8081,http://b:8081}).
         */
        List<URI> url();

        /** e.g. /api/v1/platforms: the prefix and everything under it goes to this service. */
        List<String> prefixes();
    }

    /**
     * Requests per client and route class in a fixed window. The client is the bearer token's
     * {@code sub} (read, not verified: the services verify), else the remote address; every address
     * also has a ceiling of {@link #perAddressFactor()} times each limit, whatever tokens it sends.
     */
    interface RateLimit {
        /**
         * On by default; the benchmark turns it off ({@code
         * INNOREG_GATEWAY_RATE_LIMIT_ENABLED=false}).
         */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("60s")
        Duration window();

        /** GET, HEAD, OPTIONS under /api/. */
        @WithDefault("6000")
        int reads();

        /** POST, PUT, PATCH, DELETE under /api/, but imports. */
        @WithDefault("600")
        int writes();

        /** POST …/import (bulk files, dry runs included). */
        @WithDefault("30")
        int imports();

        /**
         * An address's ceiling, as a multiple of each limit, over all the clients (tokens) it
         * sends.
         */
        @WithDefault("4")
        int perAddressFactor();

        /**
         * Clients tracked at once; past it, requests are counted by address only until the window
         * turns.
         */
        @WithDefault("100000")
        int maxClients();
    }
}
