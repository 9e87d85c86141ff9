package dev.ataemu.sip.ua;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code application/simple-message-summary} body (RFC 3842): whether messages wait, and the
 * voice-message counts when the server gives them ({@code Voice-Message: 2/8 (0/2)}).
 */
public record MessageSummary(boolean waiting, int newMessages, int oldMessages) {

    public static final String EVENT = "message-summary";
    public static final String TYPE = "application";
    public static final String SUBTYPE = "simple-message-summary";
    private static final int MAX_BODY = 8192;
    private static final Pattern VOICE = Pattern.compile("(?i)^voice-message\\s*:\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})");

    /** The summary in {@code body}; empty when it has no {@code Messages-Waiting} line or is too large. */
    public static Optional<MessageSummary> parse(String body) {
        if (body == null || body.length() > MAX_BODY) {
            return Optional.empty();
        }
        Boolean waiting = null;
        int newCount = 0;
        int oldCount = 0;
        for (String raw : body.split("\r?\n")) {
            String line = raw.trim();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            if (name.equals("messages-waiting")) {
                if (!value.equals("yes") && !value.equals("no")) {
                    return Optional.empty();
                }
                waiting = value.equals("yes");
            }
            Matcher voice = VOICE.matcher(line);
            if (voice.find()) {
                newCount = Integer.parseInt(voice.group(1));
                oldCount = Integer.parseInt(voice.group(2));
            }
        }
        return waiting == null ? Optional.empty() : Optional.of(new MessageSummary(waiting, newCount, oldCount));
    }
}
