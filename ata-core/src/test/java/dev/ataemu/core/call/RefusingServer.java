package dev.ataemu.core.call;

import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP server that is there but out of service: it answers every request on its UDP port with
 * 503, as an overloaded registrar or proxy does, and counts what it refused.
 */
final class RefusingServer extends UdpResponder {

    private static final Pattern ECHOED = Pattern.compile("(?im)^(Via|From|To|Call-ID|CSeq):.*$");

    private final AtomicInteger refused = new AtomicInteger();
    private final StringBuffer seen = new StringBuffer();

    RefusingServer() throws SocketException {
        super("refusing-sip-server");
    }

    int refused() {
        return refused.get();
    }

    /** Every request it received, as text. */
    String seen() {
        return seen.toString();
    }

    @Override
    Optional<byte[]> answer(byte[] datagram, int length) {
        String request = new String(datagram, 0, length, StandardCharsets.UTF_8);
        if (request.isBlank() || request.startsWith("SIP/2.0") || request.startsWith("ACK")) {
            return Optional.empty();
        }
        seen.append(request).append('\n');
        StringBuilder response = new StringBuilder("SIP/2.0 503 Service Unavailable\r\n");
        Matcher headers = ECHOED.matcher(request);
        while (headers.find()) {
            response.append(headers.group().strip()).append("\r\n");
        }
        response.append("Content-Length: 0\r\n\r\n");
        refused.incrementAndGet();
        return Optional.of(response.toString().getBytes(StandardCharsets.UTF_8));
    }
}
