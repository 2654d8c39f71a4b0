package org.innoreg.gateway.routing;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ServerChannel;
import io.netty.util.AttributeKey;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.Http1xServerConnection;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.core.net.impl.VertxHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * Slowloris guard: a connection must deliver its first request's head (request line and headers)
 * within {@code innoreg.gateway.request-head-timeout} of being opened, and each next one within
 * {@code keep-alive-head-timeout} of the previous answer's end; else it is closed. The idle timeout
 * alone cannot do that: a client that sends one header byte every few seconds is never idle.
 *
 * <p>The clock starts when the connection is accepted, stops when the head has arrived (the router
 * sees the request), and starts again when the answer has ended (keep-alive): the time spent on the
 * body and the answer is the idle timeout's and the upstream timeout's business. One timer per
 * connection, rescheduled only when it fires, so a busy connection costs two field writes per
 * request.
 *
 * <p>Quarkus does not expose the server's connection handler, so the accept side is reached through
 * Vert.x's bound server channel (its {@code TCPServerBase.bindFuture}, by reflection): when that is
 * not found (another Vert.x), the guard says so once in the log and the gateway runs without it,
 * under the idle timeout and the connection cap.
 */
@ApplicationScoped
public class RequestHeadDeadline {

    private static final Logger LOG = Logger.getLogger(RequestHeadDeadline.class);
    private static final AttributeKey<Clock> CLOCK =
            AttributeKey.valueOf("innoreg.request-head-clock");
    private static final String ACCEPTOR = "innoreg-request-head-deadline";

    private final long timeoutNanos;
    private final long keepAliveNanos;
    private final Vertx vertx;
    private final AtomicLong closed = new AtomicLong();
    private volatile boolean installed;

    private final long maxLineBytes;
    private final long maxHeaderBytes;

    RequestHeadDeadline(
            Vertx vertx,
            GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int maxLineBytes,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size")
                    MemorySize maxHeaderBytes) {
        this.vertx = vertx;
        this.timeoutNanos = config.requestHeadTimeout().toNanos();
        this.keepAliveNanos = config.keepAliveHeadTimeout().toNanos();
        this.maxLineBytes = maxLineBytes;
        this.maxHeaderBytes = maxHeaderBytes.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::headArrived);
    }

    /** Once the HTTP server listens: every connection it accepts gets a clock. */
    void serverStarted(@ObservesAsync HttpServerStart start) {
        try {
            Field bindFuture = TCPServerBase.class.getDeclaredField("bindFuture");
            bindFuture.setAccessible(true);
            int hooked = 0;
            for (HttpServerImpl server : ((VertxInternal) vertx).sharedHttpServers().values()) {
                @SuppressWarnings("unchecked")
                Future<Channel> bound = (Future<Channel>) bindFuture.get(server);
                Channel channel = bound == null ? null : bound.result();
                if (channel instanceof ServerChannel && channel.pipeline().get(ACCEPTOR) == null) {
                    channel.pipeline().addFirst(ACCEPTOR, new Acceptor());
                    hooked++;
                }
            }
            installed = hooked > 0;
            LOG.debugf(
                    "request-head deadline of %d ms on %d server channel(s)",
                    timeoutNanos / 1_000_000, hooked);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf(
                    "request-head deadline not installed (%s): slow clients are closed by the idle timeout only",
                    e);
        }
    }

    /** Whether the guard is on; and how many connections it closed. */
    public boolean installed() {
        return installed;
    }

    public long closed() {
        return closed.get();
    }

    private void headArrived(RoutingContext context) {
        if (context.request().connection() instanceof ConnectionBase connection
                && context.request().version() != HttpVersion.HTTP_2) {
            Clock clock = connection.channel().attr(CLOCK).get();
            if (clock != null) {
                clock.stop();
                context.addEndHandler(done -> clock.start(keepAliveNanos));
            }
        }
        context.next();
    }

    /**
     * On the server channel: gives each accepted connection its clock once it has an event loop.
     */
    @ChannelHandler.Sharable
    private final class Acceptor extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof Channel child) {
                child.pipeline()
                        .addFirst(
                                new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void channelRegistered(
                                            ChannelHandlerContext registered) {
                                        // Vert.x's own initializer configured the connection when
                                        // the channel was registered, before
                                        // this event: the HTTP/1.1 connection exists now (the
                                        // gateway has no h2c, which would defer it).
                                        Channel channel = registered.channel();
                                        Clock clock = new Clock(channel);
                                        channel.attr(CLOCK).set(clock);
                                        clock.start(timeoutNanos);
                                        answerUnreadableWithProblems(channel);
                                        registered.pipeline().remove(this);
                                        registered.fireChannelRegistered();
                                    }
                                });
            }
            context.fireChannelRead(message);
        }
    }

    /**
     * A request the codec could not read (line or header section over the limits) is answered with
     * a problem instead of Vert.x's bare status. The server takes its handler for those when it
     * starts listening, and Quarkus sets none; each connection has a setter of its own, used here
     * once the connection exists.
     */
    private void answerUnreadableWithProblems(Channel channel) {
        if (channel.pipeline().get("handler") instanceof VertxHandler<?> handler
                && handler.getConnection() instanceof Http1xServerConnection connection) {
            connection.invalidRequestHandler(
                    request ->
                            GatewayProblems.answerUnreadable(
                                    request, maxLineBytes, maxHeaderBytes));
        }
    }

    /** A connection's head clock: running while the next head is awaited. */
    private final class Clock implements Runnable {
        private final Channel channel;
        private volatile long deadline;
        private volatile boolean running;
        private boolean scheduled; // touched on the channel's event loop only

        Clock(Channel channel) {
            this.channel = channel;
        }

        void start(long timeout) {
            deadline = System.nanoTime() + timeout;
            running = true;
            if (channel.eventLoop().inEventLoop()) {
                schedule(timeout);
            } else {
                channel.eventLoop().execute(() -> schedule(timeout));
            }
        }

        void stop() {
            running = false;
        }

        private void schedule(long delayNanos) {
            if (!scheduled && channel.isActive()) {
                scheduled = true;
                channel.eventLoop().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void run() {
            scheduled = false;
            if (!running || !channel.isActive()) {
                return; // a request is under way: start() schedules again when its answer has ended
            }
            long left = deadline - System.nanoTime();
            if (left > 0) {
                schedule(left);
                return;
            }
            closed.incrementAndGet();
            LOG.debugf(
                    "closing %s: its request head did not arrive in time", channel.remoteAddress());
            channel.close();
        }
    }
}
