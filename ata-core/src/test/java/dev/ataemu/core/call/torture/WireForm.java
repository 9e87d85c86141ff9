package dev.ataemu.core.call.torture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A torture message changed only as far as it takes to reach the device as the RFC means it:
 * <ul>
 * <li>RFC 5118's archive ends lines with LF only and declares three Content-Lengths that fit no
 *     rendering of their bodies; those become CRLF and the body's length.</li>
 * <li>A header section the archive leaves open (RFC 5118's 4.10 pair, RFC 4475's baddn) gets its
 *     closing empty line: a datagram's end closes it anyway, but on a stream it would never end.</li>
 * <li>The top Via names the transport the message really travels over, as the RFC's messages
 *     "ostensibly arrived" over the one they name; the device speaks one transport per account.</li>
 * <li>A top Via branch with RFC 3261's magic cookie gets the message's name appended: the RFCs
 *     reuse branches such as z9hG4bKkdjuw in many messages, and a device that has just seen one of
 *     them rightly takes the next for a retransmission of the same transaction.</li>
 * </ul>
 * The bytes are read as ISO-8859-1, so every octet (NUL, UTF-8) passes through unchanged.
 */
final class WireForm {

    private static final Pattern TRANSPORT = Pattern.compile("(?i)SIP\\s*/\\s*[0-9.]+\\s*/\\s*([A-Z0-9]+)");
    private static final Pattern COOKIE_BRANCH = Pattern.compile("(?i)(;\\s*branch\\s*=\\s*)(z9hG4bK[^;,\\s]+)");
    private static final Pattern SENT_BY_PORT = Pattern.compile(
            "(?i)SIP\\s*/\\s*[0-9.]+\\s*/\\s*[A-Z0-9]+\\s+(?:\\[[^\\]]*\\]|[^\\s;:,\\[]+)\\s*(?::\\s*(\\d+))?");
    private static final Pattern CONTENT_LENGTH =
            Pattern.compile("(?im)^(Content-Length|l)([ \\t]*:[ \\t]*)(\\d+)[ \\t]*$");

    /** The bytes to send, what was changed, and the port the top Via asks responses to be sent to. */
    record Adapted(byte[] bytes, List<String> changes, int viaPort) {
    }

    private WireForm() {
    }

    static Adapted adapt(TortureMessage message, String transport) {
        String text = new String(message.bytes(), StandardCharsets.ISO_8859_1);
        List<String> changes = new ArrayList<>();
        if (message.rfc() == 5118) {
            text = crlf(text, changes);
        } else if (!text.contains("\r\n\r\n")) {
            text = text + "\r\n";
            changes.add("closed header section");
        }
        int[] via = topVia(text);
        int viaPort = 5060;
        if (via != null) {
            String header = text.substring(via[0], via[1]);
            Matcher named = TRANSPORT.matcher(header);
            if (named.find() && !named.group(1).equalsIgnoreCase(transport)) {
                changes.add("Via " + named.group(1) + "->" + transport);
                header = header.substring(0, named.start(1)) + transport + header.substring(named.end(1));
            }
            Matcher branch = COOKIE_BRANCH.matcher(header);
            if (branch.find()) {
                changes.add("branch+." + message.name());
                header = header.substring(0, branch.end(2)) + "." + message.name() + header.substring(branch.end(2));
            }
            Matcher port = SENT_BY_PORT.matcher(header);
            if (port.find() && port.group(1) != null) {
                viaPort = Integer.parseInt(port.group(1));
            }
            text = text.substring(0, via[0]) + header + text.substring(via[1]);
        }
        return new Adapted(text.getBytes(StandardCharsets.ISO_8859_1), changes, viaPort);
    }

    /** LF to CRLF, a closed header section, and a Content-Length that matches the body. */
    private static String crlf(String text, List<String> changes) {
        String wire = text.replace("\r\n", "\n").replace("\n", "\r\n");
        if (!wire.contains("\r\n\r\n")) {
            wire = wire + "\r\n";
            changes.add("closed header section");
        }
        int end = wire.indexOf("\r\n\r\n");
        int body = wire.length() - end - 4;
        String headers = wire.substring(0, end);
        Matcher length = CONTENT_LENGTH.matcher(headers);
        if (length.find() && Integer.parseInt(length.group(3)) != body) {
            changes.add("Content-Length " + length.group(3) + "->" + body);
            headers = headers.substring(0, length.start(3)) + body + headers.substring(length.end(3));
        }
        changes.add(0, "CRLF");
        return headers + wire.substring(end);
    }

    /** Start and end of the first Via header, folded lines included; null without one. */
    private static int[] topVia(String text) {
        int end = text.indexOf("\r\n\r\n");
        int limit = end < 0 ? text.length() : end + 2;
        int lineStart = text.indexOf("\r\n") + 2;
        while (lineStart > 1 && lineStart < limit) {
            int lineEnd = nextHeaderStart(text, lineStart, limit);
            int colon = text.indexOf(':', lineStart);
            if (colon > 0 && colon < lineEnd) {
                String name = text.substring(lineStart, colon).strip();
                if (name.equalsIgnoreCase("Via") || name.equalsIgnoreCase("v")) {
                    return new int[] {lineStart, lineEnd};
                }
            }
            lineStart = lineEnd;
        }
        return null;
    }

    /** Where the header line at {@code start} ends with its continuation lines (after their CRLF). */
    private static int nextHeaderStart(String text, int start, int limit) {
        int at = start;
        while (true) {
            int crlf = text.indexOf("\r\n", at);
            if (crlf < 0 || crlf + 2 >= limit) {
                return crlf < 0 ? limit : crlf + 2;
            }
            char next = text.charAt(crlf + 2);
            if (next != ' ' && next != '\t') {
                return crlf + 2;
            }
            at = crlf + 2;
        }
    }
}
