package dev.ataemu.sip.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session description (RFC 4566), the subset a telephone call needs, with everything else kept
 * so that a description read and written again says the same. {@link #parse} reads what peers
 * send; {@link #format} writes CRLF lines in the order RFC 4566 section 5 makes mandatory.
 */
public record SessionDescription(Origin origin, String sessionName, Optional<Connection> connection, Timing timing,
        List<Field> fields, List<Attribute> attributes, List<MediaDescription> media) {

    public SessionDescription {
        Objects.requireNonNull(origin);
        SdpText.requireText(sessionName, "session name");
        Objects.requireNonNull(connection);
        Objects.requireNonNull(timing);
        fields = Field.inOrder(fields);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /**
     * Reads a description.
     *
     * @throws SdpParseException for anything that is not a description this model can hold, with
     *         the line at fault; never any other exception
     */
    public static SessionDescription parse(String text) throws SdpParseException {
        return SdpParser.parse(text);
    }

    public SessionDescription withOrigin(Origin newOrigin) {
        return new SessionDescription(newOrigin, sessionName, connection, timing, fields, attributes, media);
    }

    /** The connection that applies to a media section: its own, else the session's (RFC 4566 5.7). */
    public Optional<Connection> connection(MediaDescription section) {
        return section.connection().or(() -> connection);
    }

    /** The direction that applies to a media section: its own, else the session's, else sendrecv. */
    public Direction direction(MediaDescription section) {
        return section.direction().or(this::sessionDirection).orElse(Direction.SENDRECV);
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        line(out, "v=0");
        line(out, "o=" + origin.value());
        line(out, "s=" + sessionName);
        fields(out, fields, "iuep");
        connection.ifPresent(c -> line(out, "c=" + c.value()));
        fields(out, fields, "b");
        line(out, "t=" + timing.value());
        fields(out, fields, "trz");
        fields(out, fields, "k");
        attributes.forEach(attribute -> line(out, attribute.line()));
        for (MediaDescription section : media) {
            line(out, section.mLine());
            fields(out, section.fields(), "i");
            section.connection().ifPresent(c -> line(out, "c=" + c.value()));
            fields(out, section.fields(), "b");
            fields(out, section.fields(), "k");
            section.attributes().forEach(attribute -> line(out, attribute.line()));
        }
        return out.toString();
    }

    private Optional<Direction> sessionDirection() {
        for (Attribute attribute : attributes) {
            Optional<Direction> direction = Direction.fromAttribute(attribute.name());
            if (direction.isPresent() && attribute.value().isEmpty()) {
                return direction;
            }
        }
        return Optional.empty();
    }

    private static void fields(StringBuilder out, List<Field> fields, String types) {
        for (Field field : fields) {
            if (types.indexOf(field.type()) >= 0) {
                line(out, field.type() + "=" + field.value());
            }
        }
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append("\r\n");
    }
}
