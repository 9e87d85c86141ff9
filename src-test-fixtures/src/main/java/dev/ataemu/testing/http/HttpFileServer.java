package dev.ataemu.testing.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provisioning or firmware server for the tests: the JDK's HTTP server on a free loopback port, serving the
 * files put in it and noting every request (path, User-Agent, whether it carried credentials).
 */
public final class HttpFileServer implements AutoCloseable {

    public record Request(String path, String userAgent, String authorization) {
    }

    public final Map<String, byte[]> files = new ConcurrentHashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile String requiredUser = "";
    private volatile String requiredPassword = "";

    public HttpFileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The server path as P237 and P192 write it: {@code 127.0.0.1:<port>/<folder>}. */
    public String path(String folder) {
        return "127.0.0.1:" + server.getAddress().getPort() + "/" + folder;
    }

    public void put(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** From now on, HTTP basic credentials are required. */
    public void requireCredentials(String user, String password) {
        requiredUser = user;
        requiredPassword = password;
    }

    public List<String> paths() {
        return requests.stream().map(Request::path).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(path, exchange.getRequestHeaders().getFirst("User-Agent"), authorization));
        if (!requiredUser.isEmpty()) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (requiredUser + ":" + requiredPassword).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(authorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"prov\"");
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
        }
        byte[] body = files.get(path);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
