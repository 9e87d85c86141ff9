package dev.ataemu.web.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded HTTP server of one device, on Jetty 12's core handler API (no servlets), behind the
 * {@link BrowserGuard} that every answer passes.
 */
public final class WebServer implements AutoCloseable {

    private static final int MAX_THREADS = 16;

    private final Server server;
    private final ServerConnector connector;
    private final InetSocketAddress address;

    public WebServer(String name, InetSocketAddress address, java.util.function.Function<Server, Handler> handlers) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("web-" + name);
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.address = address;
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        server.addConnector(connector);
        server.setHandler(new BrowserGuard(handlers.apply(server)));
        server.setStopAtShutdown(false);
    }

    private ServerConnector secure;
    private final java.util.List<ServerConnector> others = new java.util.ArrayList<>();

    /** Also serves HTTP at {@code otherAddress} (the device's LAN side); call before {@link #start}. */
    public void http(InetSocketAddress otherAddress) {
        ServerConnector other = new ServerConnector(server, 1, 1);
        other.setHost(otherAddress.getHostString());
        other.setPort(otherAddress.getPort());
        server.addConnector(other);
        others.add(other);
    }

    /** The ports of the connectors {@link #http(InetSocketAddress)} added, in order. */
    public java.util.List<Integer> otherPorts() {
        return others.stream().map(ServerConnector::getLocalPort).toList();
    }

    /**
     * Also serves HTTPS at {@code httpsAddress} with the certificate and key in {@code keyStore}
     * (call before {@link #start}).
     */
    public void https(InetSocketAddress httpsAddress, java.security.KeyStore keyStore, char[] password) {
        org.eclipse.jetty.util.ssl.SslContextFactory.Server tls = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
        tls.setKeyStore(keyStore);
        tls.setKeyStorePassword(new String(password));
        org.eclipse.jetty.server.HttpConfiguration config = new org.eclipse.jetty.server.HttpConfiguration();
        // The certificate names the device, not the address it is reached at: no SNI host check.
        config.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
        secure = new ServerConnector(server, 1, 1, new org.eclipse.jetty.server.SslConnectionFactory(tls, "http/1.1"),
                new org.eclipse.jetty.server.HttpConnectionFactory(config));
        secure.setHost(httpsAddress.getHostString());
        secure.setPort(httpsAddress.getPort());
        server.addConnector(secure);
    }

    /** The HTTPS port, when {@link #https} added one. */
    public java.util.OptionalInt httpsPort() {
        return secure == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(secure.getLocalPort());
    }

    /** Starts listening, or says plainly why it cannot. */
    public void start() throws WebServerException {
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            throw new WebServerException(whyNotListening(e), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The address a browser on the network uses to reach this server. */
    public URI uri() {
        String host = address.getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + (port() == 80 ? "" : ":" + port()) + "/");
    }

    @Override
    public void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping a server that failed to start may fail again; nothing is left to release.
        }
    }

    private String whyNotListening(Exception e) {
        String where = address.getHostString() + ":" + address.getPort();
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof BindException)) {
            cause = cause.getCause();
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof BindException || cause instanceof IOException) {
            String hint = address.getPort() < 1024 && reason.toLowerCase().contains("permission")
                    ? "ports below 1024 need root or CAP_NET_BIND_SERVICE; choose another port with --http-port, e.g. --http-port 8080"
                    : "another program may be using it, or the address is not on this host; choose another --http-port or --bind";
            return "cannot listen on " + where + " (" + reason + "): " + hint;
        }
        return "cannot start the web server on " + where + ": " + reason;
    }
}
