import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;

/**
 * P2's floor: the least a reverse proxy on the gateway's own stack (Vert.x 4.5 HTTP server and client on Netty, the
 * jars of gateway/target/quarkus-app/lib) can do per request: the gateway's transport and event loops (Netty's epoll,
 * one loop unless EVENT_LOOPS says otherwise, as INNOREG_GATEWAY_EVENT_LOOPS does for the gateway), a kept-alive upstream pool,
 * headers copied, the answer read whole and written at once. No routing, limits, retries, request ids, metrics or
 * problem answers, so it is not a product: it measures what the JVM stack costs before the gateway's own work, beside
 * nginx in the same rounds.
 *
 * <pre>java -cp 'gateway/target/quarkus-app/lib/main/*' deploy/bench/VertxFloorProxy.java PORT UPSTREAM_HOST:PORT [EVENT_LOOPS]</pre>
 */
public class VertxFloorProxy extends AbstractVerticle {
    private static int port;
    private static String upstreamHost;
    private static int upstreamPort;

    @Override
    public void start() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64));
        vertx.createHttpServer().requestHandler(request -> {
            request.pause();
            client.request(new RequestOptions().setMethod(request.method()).setHost(upstreamHost).setPort(upstreamPort)
                    .setURI(request.uri())).onComplete(connected -> {
                        if (connected.failed()) {
                            request.response().setStatusCode(502).end();
                            return;
                        }
                        var upstream = connected.result();
                        request.headers().forEach(h -> {
                            if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("connection")) {
                                upstream.headers().add(h.getKey(), h.getValue());
                            }
                        });
                        upstream.putHeader("X-Forwarded-For", request.remoteAddress().hostAddress());
                        upstream.send(request).onComplete(answered -> {
                            if (answered.failed()) {
                                request.response().setStatusCode(502).end();
                                return;
                            }
                            var answer = answered.result();
                            HttpServerResponse response = request.response().setStatusCode(answer.statusCode());
                            answer.headers().forEach(h -> {
                                if (!h.getKey().equalsIgnoreCase("connection") && !h.getKey().equalsIgnoreCase("transfer-encoding")) {
                                    response.headers().add(h.getKey(), h.getValue());
                                }
                            });
                            answer.body().onSuccess(response::end).onFailure(e -> response.reset());
                        });
                    });
        }).listen(port);
    }

    public static void main(String[] args) {
        port = Integer.parseInt(args[0]);
        upstreamHost = args[1].substring(0, args[1].lastIndexOf(':'));
        upstreamPort = Integer.parseInt(args[1].substring(args[1].lastIndexOf(':') + 1));
        int eventLoops = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(eventLoops));
        // by supplier, not by class name: a source-file program's classes are not on the class path
        vertx.deployVerticle(VertxFloorProxy::new, new DeploymentOptions().setInstances(eventLoops))
                .onSuccess(id -> System.out.println("listening on " + port + (vertx.isNativeTransportEnabled() ? ", epoll" : ", NIO")))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
