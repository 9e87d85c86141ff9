package dev.ataemu.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code m=} section (RFC 4566 section 5.14) with its own {@code c=}, other lines and
 * attributes. The typed readers below are lenient: a malformed attribute reads as absent.
 */
public record MediaDescription(String media, int port, int portCount, String protocol, List<String> formats,
        Optional<Connection> connection, List<Field> fields, List<Attribute> attributes) {

    public static final String AUDIO = "audio";
    public static final String RTP_AVP = "RTP/AVP";
    public static final String RTP_SAVP = "RTP/SAVP";

    private static final Pattern MILLISECONDS = Pattern.compile("([0-9]{1,6})(\\.[0-9]{1,6})?");

    public MediaDescription {
        SdpText.requireToken(media, "media type");
        SdpText.requireToken(protocol, "transport protocol");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 0 to 65535");
        }
        if (portCount < 1 || portCount > 65535) {
            throw new IllegalArgumentException("port count " + portCount + " outside 1 to 65535");
        }
        formats = List.copyOf(formats);
        formats.forEach(format -> SdpText.requireToken(format, "media format"));
        fields = Field.inOrder(fields);
        attributes = List.copyOf(attributes);
    }

    /** An audio section with no extra lines, the way this ATA writes one. */
    public static MediaDescription audio(int port, String protocol, List<String> formats, List<Attribute> attributes) {
        return new MediaDescription(AUDIO, port, 1, protocol, formats, Optional.empty(), List.of(), attributes);
    }

    /** RFC 3264 section 6: a refused stream is answered with port 0 and the offer's formats, nothing else. */
    public MediaDescription rejected() {
        return new MediaDescription(media, 0, 1, protocol, formats, Optional.empty(), List.of(), List.of());
    }

    public boolean isAudio() {
        return media.equals(AUDIO);
    }

    /** The formats that are RTP payload type numbers, in order. */
    public List<Integer> payloadTypes() {
        List<Integer> numbers = new ArrayList<>();
        for (String format : formats) {
            long number = SdpText.digits(format, 3);
            if (number >= 0 && number <= 127 && !numbers.contains((int) number)) {
                numbers.add((int) number);
            }
        }
        return numbers;
    }

    /** Values of the attributes with this name, in order. */
    public List<String> attributeValues(String name) {
        List<String> values = new ArrayList<>();
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                values.add(attribute.value());
            }
        }
        return values;
    }

    /** The first well-formed rtpmap for a payload type. */
    public Optional<RtpMap> rtpmap(int payloadType) {
        for (String value : attributeValues("rtpmap")) {
            Optional<RtpMap> map = RtpMap.parse(value);
            if (map.isPresent() && map.get().payloadType() == payloadType) {
                return map;
            }
        }
        return Optional.empty();
    }

    /** The format parameters of a payload type, without the number. */
    public Optional<String> fmtp(int payloadType) {
        String prefix = payloadType + " ";
        for (String value : attributeValues("fmtp")) {
            if (value.startsWith(prefix)) {
                return Optional.of(value.substring(prefix.length()).strip());
            }
        }
        return Optional.empty();
    }

    public OptionalInt ptime() {
        return milliseconds("ptime");
    }

    public OptionalInt maxptime() {
        return milliseconds("maxptime");
    }

    /** The direction attribute of this section, if it has one. */
    public Optional<Direction> direction() {
        for (Attribute attribute : attributes) {
            Optional<Direction> direction = Direction.fromAttribute(attribute.name());
            if (direction.isPresent() && attribute.value().isEmpty()) {
                return direction;
            }
        }
        return Optional.empty();
    }

    /** The {@code a=crypto} lines as whole lines, the form {@code SdesCrypto} reads. */
    public List<String> cryptoLines() {
        return attributeValues("crypto").stream().map(value -> "a=crypto:" + value).toList();
    }

    public Optional<RtcpAttribute> rtcp() {
        List<String> values = attributeValues("rtcp");
        return values.isEmpty() ? Optional.empty() : RtcpAttribute.parse(values.get(0));
    }

    String mLine() {
        StringBuilder line = new StringBuilder("m=").append(media).append(' ').append(port);
        if (portCount != 1) {
            line.append('/').append(portCount);
        }
        line.append(' ').append(protocol);
        formats.forEach(format -> line.append(' ').append(format));
        return line.toString();
    }

    /** Milliseconds, whole or with a fraction that some stacks write ({@code 20.0}); positive only. */
    private OptionalInt milliseconds(String name) {
        List<String> values = attributeValues(name);
        if (values.isEmpty()) {
            return OptionalInt.empty();
        }
        Matcher matcher = MILLISECONDS.matcher(values.get(0).strip());
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        int milliseconds = Integer.parseInt(matcher.group(1));
        return milliseconds > 0 ? OptionalInt.of(milliseconds) : OptionalInt.empty();
    }
}
