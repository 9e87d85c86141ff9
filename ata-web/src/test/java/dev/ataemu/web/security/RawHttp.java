package dev.ataemu.web.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket: for what an HTTP client will not send (a chosen source
 * address, a broken body, a length it does not keep to).
 */
final class RawHttp {

    private static final int TIMEOUT_MS = 30_000;

    private RawHttp() {
    }

    /** One request from {@code from} to the server on {@code port} of the loopback address; the whole answer. */
    static String exchange(InetAddress from, int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (SocketException refusedEarly) {
                // The server may answer and stop reading before the body is all sent; its answer is what counts.
            }
            return readAll(socket.getInputStream());
        }
    }

    /** The head of a request: its line, {@code Host}, {@code Connection: close}, then {@code headers} (each ending in CRLF). */
    static String head(String method, String target, int port, String headers) {
        return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n" + headers + "\r\n";
    }

    /** The status code of a whole answer. */
    static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // A connection closed while our unread body was still arriving: what came before is the answer.
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
