package org.innoreg.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 by hand on a socket of its own per request, for what an HTTP client library hides: a
 * client that stops sending its body once the answer has come, raw limits, connections held open.
 */
final class RawHttp {

    /**
     * The answer's status, its head and how long it took to come (ms), or status 0 when none came
     * in time.
     */
    record Answer(int status, String head, long millis) {}

    private static final ExecutorService READERS =
            Executors.newCachedThreadPool(
                    runnable -> {
                        Thread thread = new Thread(runnable, "raw-http-reader");
                        thread.setDaemon(true);
                        return thread;
                    });

    private RawHttp() {}

    /**
     * Sends one request on a new connection ({@code Connection: close}) and reads the head of the
     * answer.
     *
     * @param stopSendingOnAnswer stop sending the body as soon as the answer starts (as browsers
     *     and many clients do when a server answers early), then close
     */
    static Answer send(
            int port,
            String method,
            String path,
            String extraHeaders,
            byte[] body,
            boolean stopSendingOnAnswer,
            long timeoutMillis)
            throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout((int) timeoutMillis);
            long start = System.nanoTime();
            CompletableFuture<String> head =
                    CompletableFuture.supplyAsync(() -> readHead(socket), READERS);
            OutputStream out = socket.getOutputStream();
            String request =
                    method
                            + " "
                            + path
                            + " HTTP/1.1\r\nHost: 127.0.0.1:"
                            + port
                            + "\r\nConnection: close\r\n"
                            + (body == null
                                    ? ""
                                    : "Content-Type: application/json\r\nContent-Length: "
                                            + body.length
                                            + "\r\n")
                            + extraHeaders
                            + "\r\n";
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    for (int offset = 0; offset < body.length; offset += 65_536) {
                        if (stopSendingOnAnswer && head.isDone()) {
                            break;
                        }
                        out.write(body, offset, Math.min(65_536, body.length - offset));
                    }
                }
                out.flush();
            } catch (IOException closed) {
                // the other side closed while we were sending: fine if it answered
            }
            String answer;
            try {
                answer = head.get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                answer = "";
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (answer.isEmpty()) {
                return new Answer(0, "", millis);
            }
            return new Answer(Integer.parseInt(answer.split(" ", 3)[1]), answer, millis);
        }
    }

    /**
     * Sends {@code head} (a request head as written, ending in a blank line) and reads until the
     * server closes.
     */
    static String exchange(int port, String head, long timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout((int) timeoutMillis);
            try {
                socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException closed) {
                // answered and closed before the whole head was sent: read the answer
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (IOException reset) {
                // closed with unread bytes of ours left: what arrived before is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * The head of the answer (up to the blank line), or "" when the connection closed or timed out
     * first.
     */
    static String readHead(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            for (int b = in.read(); b >= 0; b = in.read()) {
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                if (matched == 4) {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Whether the server closed the connection (EOF or reset) — waiting at most {@code millis} to
     * see.
     */
    static boolean closedByServer(Socket socket, int millis) {
        try {
            socket.setSoTimeout(millis);
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
