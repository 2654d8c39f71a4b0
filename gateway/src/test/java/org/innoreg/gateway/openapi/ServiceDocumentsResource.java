package org.innoreg.gateway.openapi;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Stand-ins that serve the real services' OpenAPI documents, as their builds wrote them to {@code
 * <service>/target/openapi/openapi.json}, at {@code /q/openapi}.
 */
public class ServiceDocumentsResource implements QuarkusTestResourceLifecycleManager {

    static final Map<String, HttpServer> SERVERS = new HashMap<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : new String[] {"registry", "projects", "indicators"}) {
            Path document =
                    Path.of("..", service + "-service", "target", "openapi", "openapi.json");
            if (!Files.exists(document)) {
                throw new IllegalStateException(
                        document.toAbsolutePath()
                                + " is missing: build the services first "
                                + "(./mvnw verify builds them before the gateway)");
            }
            try {
                byte[] body = Files.readAllBytes(document);
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
                server.createContext(
                        "/q/openapi",
                        exchange -> {
                            exchange.getResponseHeaders().add("Content-Type", "application/json");
                            exchange.sendResponseHeaders(200, body.length);
                            exchange.getResponseBody().write(body);
                            exchange.close();
                        });
                server.start();
                SERVERS.put(service, server);
                config.put(
                        "innoreg.gateway.services." + service + ".url",
                        "http://127.0.0.1:" + server.getAddress().getPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return config;
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(server -> server.stop(0));
        SERVERS.clear();
    }
}
