package dev.ataemu.core.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provisioning server that misbehaves on purpose, on a free loopback port: per path it sends a
 * file with any status, stalls after the first bytes, or streams without end. It counts the
 * downloads the client hung up on while the server still had more to send.
 */
final class HostileHttpServer implements AutoCloseable {

    /** What the server does with a request for one path. */
    interface Answer {
        void send(HttpExchange exchange, HostileHttpServer server) throws IOException;
    }

    private static final byte[] CHUNK = new byte[64 * 1024];

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hostile-http");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger hungUp = new AtomicInteger();
    private volatile CountDownLatch stalled = new CountDownLatch(1);

    HostileHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The server path as P237 and P192 write it. */
    String path(String folder) {
        return "127.0.0.1:" + server.getAddress().getPort() + "/" + folder;
    }

    /** From now on {@code path} gets {@code answer}; every other path 404. */
    void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    void forgetAnswers() {
        answers.clear();
    }

    /** Downloads the client gave up on while the server still had bytes to send. */
    int hungUp() {
        return hungUp.get();
    }

    /** A whole file, with this status and content type. */
    static Answer file(int status, String contentType, byte[] body) {
        return (exchange, server) -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** A file of which the server sends the first bytes, then nothing until released, then the rest. */
    static Answer stallAfterStart() {
        byte[] start = "<?xml version=\"1.0\"?>\n<gs_provision version=\"1\">".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long rest = 64L * CHUNK.length;
        return (exchange, server) -> {
            exchange.sendResponseHeaders(200, start.length + rest);
            OutputStream out = exchange.getResponseBody();
            out.write(start);
            out.flush();
            try {
                server.stalled.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.sendUntilHungUp(out, rest);
        };
    }

    /** Bytes without end, chunked, with no length given. */
    static Answer endless() {
        return (exchange, server) -> {
            exchange.sendResponseHeaders(200, 0);
            server.sendUntilHungUp(exchange.getResponseBody(), Long.MAX_VALUE);
        };
    }

    /** A stalled download goes on sending (and finds out whether the client is still there). */
    void releaseStalled() {
        stalled.countDown();
        stalled = new CountDownLatch(1);
    }

    private void sendUntilHungUp(OutputStream out, long limit) {
        try {
            for (long sent = 0; sent + CHUNK.length <= limit; sent += CHUNK.length) {
                out.write(CHUNK);
                out.flush();
            }
            out.close();
        } catch (IOException clientGone) {
            hungUp.incrementAndGet();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer = answers.get(exchange.getRequestURI().getPath());
        if (answer == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        try {
            answer.send(exchange, this);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        releaseStalled();
        server.stop(0);
        threads.shutdownNow();
    }
}
