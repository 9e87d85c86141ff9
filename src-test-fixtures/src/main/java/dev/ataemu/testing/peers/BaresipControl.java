package dev.ataemu.testing.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A client of baresip 1.0's {@code ctrl_tcp} module: netstrings ({@code 12:{"a":"bcdef"},})
 * carrying JSON. Commands go out as {@code {"command","params","token"}}; the answer is
 * {@code {"response":true,"ok",...,"data","token"}}; call and registration events arrive unasked
 * as {@code {"event":true,"type",...}} and are kept in order for {@link #awaitEvent}.
 */
final class BaresipControl implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_NETSTRING = 1 << 20;

    private final Socket socket;
    private final OutputStream out;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private final List<JsonNode> events = new ArrayList<>();
    private final List<Boolean> taken = new ArrayList<>();
    private final Thread reader;
    private volatile IOException readFailure;

    private BaresipControl(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "baresip-ctrl-" + socket.getPort());
        reader.setDaemon(true);
        reader.start();
    }

    static BaresipControl connect(int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
        socket.setTcpNoDelay(true);
        return new BaresipControl(socket);
    }

    /** Sends a command (the names of baresip's long commands: {@code dial}, {@code hangup}, ...) and awaits its answer. */
    JsonNode command(String command, String params, Duration timeout) throws IOException, InterruptedException {
        String token = Long.toString(tokens.incrementAndGet());
        ObjectNode request = JSON.createObjectNode().put("command", command).put("token", token);
        if (params != null) {
            request.put("params", params);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(token, answer);
        byte[] body = JSON.writeValueAsBytes(request);
        synchronized (out) {
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("baresip did not answer '" + command + "' within " + timeout
                    + (readFailure != null ? " (" + readFailure + ")" : ""));
        } catch (ExecutionException e) {
            throw new IOException("control connection failed during '" + command + "'", e.getCause());
        } finally {
            pending.remove(token);
        }
    }

    /**
     * The first event not yet returned that matches, waiting up to {@code timeout}; {@code null}
     * when none came. Events from before the call are kept, so an event cannot be missed by
     * asking for it late.
     */
    JsonNode awaitEvent(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (int i = 0; i < events.size(); i++) {
                    if (!taken.get(i) && wanted.test(events.get(i))) {
                        taken.set(i, true);
                        return events.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (readFailure != null && !reader.isAlive())) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
        }
    }

    /** Every event so far, for failure messages. */
    List<JsonNode> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private void readLoop() {
        try (InputStream in = socket.getInputStream()) {
            while (true) {
                JsonNode message = JSON.readTree(readNetstring(in));
                if (message.path("response").asBoolean(false)) {
                    CompletableFuture<JsonNode> answer = pending.get(message.path("token").asText(""));
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else if (message.path("event").asBoolean(false)) {
                    synchronized (events) {
                        events.add(message);
                        taken.add(false);
                        events.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            readFailure = e;
            pending.values().forEach(f -> f.completeExceptionally(e));
            synchronized (events) {
                events.notifyAll();
            }
        }
    }

    private static byte[] readNetstring(InputStream in) throws IOException {
        int length = 0;
        int c;
        while ((c = in.read()) != ':') {
            if (c < 0) {
                throw new EOFException("control connection closed");
            }
            if (c < '0' || c > '9' || length > MAX_NETSTRING) {
                throw new IOException("not a netstring length: " + (char) c);
            }
            length = length * 10 + (c - '0');
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length || in.read() != ',') {
            throw new IOException("truncated netstring");
        }
        return body;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
