package org.innoreg.gateway.routing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real HTTP servers standing in for the services in the routing tests: registry and projects point
 * at an echo server that answers with what it received; indicators points at a port where nothing
 * listens yet (a service that is down), published as {@code test.indicators.port}.
 */
public class EchoServicesResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer echo;

    @Override
    public Map<String, String> start() {
        try {
            echo = start(0);
            int downPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                downPort = socket.getLocalPort();
            }
            String echoUrl = "http://127.0.0.1:" + echo.getAddress().getPort();
            return Map.of(
                    "innoreg.gateway.services.registry.url",
                    echoUrl,
                    "innoreg.gateway.services.projects.url",
                    echoUrl,
                    "innoreg.gateway.services.indicators.url",
                    "http://127.0.0.1:" + downPort,
                    "innoreg.gateway.timeout",
                    "3s",
                    "test.indicators.port",
                    String.valueOf(downPort));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (echo != null) {
            echo.stop(0);
        }
    }

    /**
     * An echo server on the port (0: any): the answer lists method, path, query, headers and body
     * size.
     */
    public static HttpServer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", EchoServicesResource::echo);
        server.start();
        return server;
    }

    private static void echo(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().endsWith("/slow")) {
            sleep(5_000);
        }
        long size = 0;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[65536];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                size += n;
            }
        }
        StringBuilder headers = new StringBuilder();
        Map<String, String> sorted = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach(
                        (name, values) -> sorted.put(name.toLowerCase(), String.join(",", values)));
        sorted.forEach(
                (name, value) ->
                        headers.append(headers.length() == 0 ? "" : ",")
                                .append('"')
                                .append(name)
                                .append("\":\"")
                                .append(value.replace("\"", "\\\""))
                                .append('"'));
        String json =
                "{\"method\":\""
                        + exchange.getRequestMethod()
                        + "\",\"path\":\""
                        + exchange.getRequestURI().getRawPath()
                        + "\",\"query\":\""
                        + (exchange.getRequestURI().getRawQuery() == null
                                ? ""
                                : exchange.getRequestURI().getRawQuery())
                        + "\",\"bodyBytes\":"
                        + size
                        + ",\"headers\":{"
                        + headers
                        + "}}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("ETag", "\"7\"");
        exchange.sendResponseHeaders(
                exchange.getRequestMethod().equals("DELETE") ? 204 : 200,
                exchange.getRequestMethod().equals("DELETE") ? -1 : bytes.length);
        if (!exchange.getRequestMethod().equals("DELETE")) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
