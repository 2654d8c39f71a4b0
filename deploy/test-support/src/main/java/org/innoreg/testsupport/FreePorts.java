package org.innoreg.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port for a server a test starts in another process, taken below the kernel's ephemeral
 * range. A port from {@code new ServerSocket(0)} comes from that range, which outgoing connections
 * draw from too: on a busy machine one of them took a chosen port between the choice and the
 * server's bind (a Kafka node of a cluster of three failed so). Below the range only other servers
 * compete.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;

    private FreePorts() {}

    public static int next() {
        int ceiling = ephemeralStart();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
            try (ServerSocket socket =
                    new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // another server's: try the next
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + ceiling);
    }

    /**
     * The first port of the ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range), 32768
     * if unknown.
     */
    private static int ephemeralStart() {
        try {
            String range =
                    Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1000 ? start : 32_768;
        } catch (IOException | RuntimeException unknown) {
            return 32_768;
        }
    }
}
