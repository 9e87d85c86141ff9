package dev.ataemu.core.call.torture;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The requests that end what a torture INVITE started, built from the device's own response so
 * that they match its transaction: CANCEL for a phone that rings, ACK for a final non-2xx answer.
 */
final class CallCleanup {

    private static final Pattern TO_TAG = Pattern.compile("(?i);\\s*tag\\s*=\\s*[^;,\\s]+");

    private CallCleanup() {
    }

    /** CANCEL of the INVITE to {@code requestUri} that {@code provisional} answers. */
    static byte[] cancel(String requestUri, SipResponse provisional) {
        String to = TO_TAG.matcher(provisional.header("To", "t").orElse("")).replaceAll("");
        return request("CANCEL", requestUri, provisional, to);
    }

    /** ACK of the final non-2xx answer {@code answer} to the INVITE to {@code requestUri}. */
    static byte[] ack(String requestUri, SipResponse answer) {
        return request("ACK", requestUri, answer, answer.header("To", "t").orElse(""));
    }

    private static byte[] request(String method, String requestUri, SipResponse response, String to) {
        String text = method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: " + response.header("Via", "v").orElse("") + "\r\n"
                + "From: " + response.header("From", "f").orElse("") + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + response.callId() + "\r\n"
                + "CSeq: " + response.cseqNumber() + " " + method + "\r\n"
                + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
