package dev.ataemu.core.call.torture;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A response the device sent, read as text: its status and the few headers a peer needs to answer it. */
record SipResponse(String text) {

    private static final Pattern BRANCH = Pattern.compile("(?i);\\s*branch\\s*=\\s*([^;,\\s]+)");

    static Optional<SipResponse> of(byte[] bytes, int length) {
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        boolean response = text.startsWith("SIP/2.0 ") && text.length() >= 11
                && text.substring(8, 11).chars().allMatch(Character::isDigit);
        return response ? Optional.of(new SipResponse(text)) : Optional.empty();
    }

    int status() {
        return Integer.parseInt(text.substring(8, 11));
    }

    boolean isFinal() {
        return status() >= 200;
    }

    /** The first value of the header {@code name} (or its compact form), as the device wrote it. */
    Optional<String> header(String name, String compact) {
        String names = Pattern.quote(name) + "|" + Pattern.quote(compact);
        Matcher line = Pattern.compile("(?im)^(?:" + names + ")\\s*:\\s*(.*)$").matcher(headerSection());
        return line.find() ? Optional.of(line.group(1).strip()) : Optional.empty();
    }

    String callId() {
        return header("Call-ID", "i").orElse("");
    }

    /** The top Via's branch, or "" without one. */
    String branch() {
        return header("Via", "v").map(via -> {
            Matcher branch = BRANCH.matcher(via);
            return branch.find() ? branch.group(1) : "";
        }).orElse("");
    }

    /** The method the CSeq names. */
    String method() {
        String[] cseq = header("CSeq", "CSeq").orElse("0 ?").split("\\s+");
        return cseq[cseq.length - 1];
    }

    String cseqNumber() {
        return header("CSeq", "CSeq").orElse("0").split("\\s+")[0];
    }

    private String headerSection() {
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? text : text.substring(0, end);
    }
}
