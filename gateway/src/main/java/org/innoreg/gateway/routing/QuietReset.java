package org.innoreg.gateway.routing;

import io.quarkus.vertx.http.runtime.filters.AbstractResponseWrapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.http.impl.HttpServerRequestWrapper;

/**
 * The caller's request as the reverse proxy sees it, with one difference: cutting the answer (when
 * the caller or the service went away mid-answer) closes the HTTP/1.1 connection, which is what a
 * reset is there, without Vert.x's own reset, which on a connection already closed makes Netty log
 * a warning with a stack trace.
 */
final class QuietReset extends HttpServerRequestWrapper {
    private final HttpServerResponse response;

    QuietReset(HttpServerRequest request) {
        super((HttpServerRequestInternal) request);
        HttpServerResponse original = request.response();
        this.response =
                new AbstractResponseWrapper(original) {
                    @Override
                    public boolean reset() {
                        return reset(0L);
                    }

                    @Override
                    public boolean reset(long code) {
                        if (original.closed()) {
                            return false;
                        }
                        // A write that failed on a closed channel calls this at once, before Vert.x
                        // has seen the close:
                        // one turn of the event loop later it has, and there is nothing left to do.
                        Vertx.currentContext()
                                .runOnContext(
                                        later -> {
                                            if (original.closed()) {
                                                return;
                                            }
                                            if (request.version() == HttpVersion.HTTP_2) {
                                                original.reset(code);
                                            } else {
                                                request.connection().close();
                                            }
                                        });
                        return true;
                    }
                };
    }

    @Override
    public HttpServerResponse response() {
        return response;
    }
}
