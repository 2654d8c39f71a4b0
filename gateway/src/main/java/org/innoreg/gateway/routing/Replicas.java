package org.innoreg.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replicas of one service, taken in turn. A replica whose connection failed is out of the
 * rotation for a while ({@code innoreg.gateway.replica-retry-after}); then the next request that
 * falls on it tries it again, and a replica that answers is back. When every replica is out, the
 * one due back first is tried all the same, so that a service with one address behaves as before:
 * each request tries it, and it answers as soon as it is up.
 */
public final class Replicas {

    /** One address of a service. */
    public static final class Replica {
        final String service;
        final URI url;
        final String host;
        final int port;

        /** {@link System#nanoTime()} until which it is out; 0 when in. */
        private final AtomicLong outUntil = new AtomicLong();

        Replica(String service, URI url) {
            this.service = service;
            this.url = url;
            this.host = url.getHost();
            this.port = url.getPort() > 0 ? url.getPort() : 80;
        }

        boolean in(long now) {
            long until = outUntil.get();
            return until == 0 || until - now <= 0;
        }

        public URI url() {
            return url;
        }

        @Override
        public String toString() {
            return service + "@" + host + ":" + port;
        }
    }

    final String service;
    final List<Replica> all;
    private final long outNanos;
    private final AtomicInteger turn = new AtomicInteger();

    public Replicas(String service, List<URI> urls, Duration retryAfter) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("service " + service + " has no URL");
        }
        this.service = service;
        this.all = urls.stream().map(url -> new Replica(service, url)).toList();
        this.outNanos = retryAfter.toNanos();
    }

    /**
     * The next replica in turn that is in, other than {@code not}; else the one due back first
     * other than {@code not}; null when {@code not} is the only one.
     */
    public Replica pick(Replica not) {
        int size = all.size();
        if (size == 1) {
            Replica only = all.get(0);
            return only == not ? null : only;
        }
        long now = System.nanoTime();
        int start = Math.floorMod(turn.getAndIncrement(), size);
        Replica dueFirst = null;
        for (int i = 0; i < size; i++) {
            Replica candidate = all.get((start + i) % size);
            if (candidate == not) {
                continue;
            }
            if (candidate.in(now)) {
                return candidate;
            }
            if (dueFirst == null || candidate.outUntil.get() - dueFirst.outUntil.get() < 0) {
                dueFirst = candidate;
            }
        }
        return dueFirst;
    }

    /** The replica's connection failed: out of the rotation until the retry delay has passed. */
    public void failed(Replica replica) {
        replica.outUntil.set(System.nanoTime() + outNanos | 1); // never 0, which means "in"
    }

    /** The replica answered: in again. */
    public void answered(Replica replica) {
        if (replica.outUntil.get() != 0) {
            replica.outUntil.set(0);
        }
    }

    public List<Replica> all() {
        return all;
    }
}
