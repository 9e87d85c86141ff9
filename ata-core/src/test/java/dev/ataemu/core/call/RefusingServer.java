package dev.ataemu.core.call;

import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP server that is there but takes nothing: it answers every request on its UDP port with a
 * failure, 503 as an overloaded registrar or proxy does unless told which status each request
 * gets, and counts what it refused.
 */
final class RefusingServer extends UdpResponder {

    private static final Pattern ECHOED = Pattern.compile("(?im)^(Via|From|To|Call-ID|CSeq):.*$");

    private final AtomicInteger refused = new AtomicInteger();
    private final StringBuffer seen = new StringBuffer();

    private final java.util.function.ToIntFunction<String> status;

    RefusingServer() throws SocketException {
        this(request -> 503);
    }

    /** Answers each request with the status {@code status} gives its text (4xx-6xx). */
    RefusingServer(java.util.function.ToIntFunction<String> status) throws SocketException {
        super("refusing-sip-server");
        this.status = status;
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
        int code = request.startsWith("CANCEL") ? 200 : status.applyAsInt(request);
        StringBuilder response = new StringBuilder("SIP/2.0 " + code + " " + (code == 200 ? "OK" : "Refused") + "\r\n");
        Matcher headers = ECHOED.matcher(request);
        while (headers.find()) {
            String header = headers.group().strip();
            if (header.regionMatches(true, 0, "To:", 0, 3) && !header.contains("tag=") && code != 200) {
                header += ";tag=refused";
            }
            response.append(header).append("\r\n");
        }
        response.append("Content-Length: 0\r\n\r\n");
        refused.incrementAndGet();
        return Optional.of(response.toString().getBytes(StandardCharsets.UTF_8));
    }
}
