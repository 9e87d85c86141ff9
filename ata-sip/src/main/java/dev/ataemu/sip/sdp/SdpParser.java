package dev.ataemu.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a description line by line. Peers are forgiven what is common and harmless (LF line ends,
 * blank lines, runs of spaces, a missing {@code s=} or {@code t=}); anything that could be an
 * attack or a different protocol is refused with the line number, and the limits keep a hostile
 * body from costing more than a few milliseconds.
 */
final class SdpParser {

    static final int MAX_LENGTH = 64 * 1024;
    static final int MAX_LINES = 2_000;
    static final int MAX_LINE_LENGTH = 4_096;
    static final int MAX_MEDIA = 32;
    static final int MAX_FORMATS = 128;

    private Origin origin;
    private String sessionName;
    private Connection connection;
    private Timing timing;
    private final List<Field> fields = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();
    private MediaBuilder current;
    private int lineNumber;

    private SdpParser() {
    }

    static SessionDescription parse(String text) throws SdpParseException {
        if (text == null) {
            throw new SdpParseException("no session description");
        }
        if (text.length() > MAX_LENGTH) {
            throw new SdpParseException("session description of " + text.length() + " characters exceeds " + MAX_LENGTH);
        }
        try {
            return new SdpParser().read(text);
        } catch (IllegalArgumentException invalid) {
            throw new SdpParseException(invalid.getMessage());
        }
    }

    private SessionDescription read(String text) throws SdpParseException {
        int start = 0;
        boolean versionSeen = false;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (++lineNumber > MAX_LINES) {
                throw error("more than " + MAX_LINES + " lines");
            }
            line = line.stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            checkLine(line);
            char type = line.charAt(0);
            String value = line.substring(2);
            if (!versionSeen) {
                if (type != 'v' || !value.equals("0")) {
                    throw error("a session description starts with v=0");
                }
                versionSeen = true;
            } else if (current == null) {
                sessionLine(type, value);
            } else {
                mediaLine(type, value);
            }
        }
        if (!versionSeen) {
            throw new SdpParseException("empty session description");
        }
        if (origin == null) {
            throw new SdpParseException("no o= line");
        }
        finishMedia();
        return new SessionDescription(origin, sessionName == null ? "-" : sessionName, Optional.ofNullable(connection),
                timing == null ? Timing.PERMANENT : timing, fields, attributes, media);
    }

    private void sessionLine(char type, String value) throws SdpParseException {
        switch (type) {
            case 'v' -> throw error("a second v= line");
            case 'o' -> origin = once(origin, parseOrigin(value), "o=");
            case 's' -> sessionName = once(sessionName, value, "s=");
            case 'c' -> connection = once(connection, parseConnection(value), "c=");
            case 't' -> {
                Timing parsed = parseTiming(value);
                if (timing == null) {
                    timing = parsed;
                } else {
                    fields.add(new Field(type, value));
                }
            }
            case 'i', 'u', 'e', 'p', 'b', 'r', 'z', 'k' -> fields.add(new Field(type, value));
            case 'a' -> attributes.add(parseAttribute(value));
            case 'm' -> startMedia(value);
            default -> throw error("unknown line type " + type + "=");
        }
    }

    private void mediaLine(char type, String value) throws SdpParseException {
        switch (type) {
            case 'm' -> startMedia(value);
            case 'c' -> current.connection = once(current.connection, parseConnection(value), "media-level c=");
            case 'i', 'b', 'k' -> current.fields.add(new Field(type, value));
            case 'a' -> current.attributes.add(parseAttribute(value));
            default -> throw error(type + "= is not allowed after an m= line");
        }
    }

    private void startMedia(String value) throws SdpParseException {
        finishMedia();
        if (media.size() == MAX_MEDIA) {
            throw error("more than " + MAX_MEDIA + " m= lines");
        }
        String[] tokens = tokens(value);
        if (tokens.length < 3) {
            throw error("an m= line needs media, port and protocol: " + SdpText.abbreviate(value));
        }
        if (tokens.length - 3 > MAX_FORMATS) {
            throw error("more than " + MAX_FORMATS + " formats on one m= line");
        }
        String[] portAndCount = tokens[1].split("/", -1);
        if (portAndCount.length > 2) {
            throw error("malformed port " + SdpText.abbreviate(tokens[1]));
        }
        int port = number(portAndCount[0], 0, 65535, "port");
        int count = portAndCount.length == 2 ? number(portAndCount[1], 1, 65535, "port count") : 1;
        current = new MediaBuilder(tokens[0], port, count, tokens[2], List.of(tokens).subList(3, tokens.length));
    }

    private void finishMedia() {
        if (current != null) {
            media.add(new MediaDescription(current.media, current.port, current.count, current.protocol, current.formats,
                    Optional.ofNullable(current.connection), current.fields, current.attributes));
            current = null;
        }
    }

    private Origin parseOrigin(String value) throws SdpParseException {
        String[] tokens = tokens(value);
        if (tokens.length != 6) {
            throw error("an o= line has six fields: " + SdpText.abbreviate(value));
        }
        long version = unsigned(tokens[2], "session version");
        return new Origin(tokens[0], tokens[1], version, new Connection(tokens[3], tokens[4], tokens[5]));
    }

    private Connection parseConnection(String value) throws SdpParseException {
        String[] tokens = tokens(value);
        if (tokens.length != 3) {
            throw error("a c= line has three fields: " + SdpText.abbreviate(value));
        }
        return new Connection(tokens[0], tokens[1], tokens[2]);
    }

    private Timing parseTiming(String value) throws SdpParseException {
        String[] tokens = tokens(value);
        if (tokens.length != 2) {
            throw error("a t= line has two fields: " + SdpText.abbreviate(value));
        }
        return new Timing(unsigned(tokens[0], "start time"), unsigned(tokens[1], "stop time"));
    }

    private Attribute parseAttribute(String value) throws SdpParseException {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        if (name.isEmpty() || name.indexOf(' ') >= 0 || name.indexOf('\t') >= 0) {
            throw error("malformed attribute name " + SdpText.abbreviate(value));
        }
        return new Attribute(name, colon < 0 ? "" : value.substring(colon + 1));
    }

    private void checkLine(String line) throws SdpParseException {
        if (line.length() > MAX_LINE_LENGTH) {
            throw error("line longer than " + MAX_LINE_LENGTH + " characters");
        }
        if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
            throw error("not a <type>=<value> line: " + SdpText.abbreviate(line));
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw error("control character " + (int) c);
            }
        }
    }

    private long unsigned(String text, String what) throws SdpParseException {
        if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error(what + " is not a number: " + SdpText.abbreviate(text));
        }
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException tooLarge) {
            throw error(what + " exceeds 64 bits: " + text);
        }
    }

    private int number(String text, int min, int max, String what) throws SdpParseException {
        long value = SdpText.digits(text, 5);
        if (value < min || value > max) {
            throw error(what + " " + SdpText.abbreviate(text) + " outside " + min + " to " + max);
        }
        return (int) value;
    }

    private <T> T once(T existing, T parsed, String what) throws SdpParseException {
        if (existing != null) {
            throw error("a second " + what + " line");
        }
        return parsed;
    }

    private static String[] tokens(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? new String[0] : stripped.split("[ \t]+");
    }

    private SdpParseException error(String message) {
        return new SdpParseException("line " + lineNumber + ": " + message);
    }

    private static final class MediaBuilder {
        final String media;
        final int port;
        final int count;
        final String protocol;
        final List<String> formats;
        Connection connection;
        final List<Field> fields = new ArrayList<>();
        final List<Attribute> attributes = new ArrayList<>();

        MediaBuilder(String media, int port, int count, String protocol, List<String> formats) {
            this.media = media;
            this.port = port;
            this.count = count;
            this.protocol = protocol;
            this.formats = formats;
        }
    }
}
