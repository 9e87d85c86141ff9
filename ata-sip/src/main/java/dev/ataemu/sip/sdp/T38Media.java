package dev.ataemu.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * T.38 fax in SDP (ITU-T T.38 Annex D, RFC 3362): an {@code m=image PORT udptl t38} section with
 * the fax attributes. Offers go out when the port hears a fax; an offer from the far end is
 * answered with the lower version and bit rate of the two, the rest as offered where we can do it.
 */
public final class T38Media {

    public static final String IMAGE = "image";
    public static final String UDPTL = "udptl";
    public static final String T38 = "t38";
    static final int VERSION = 0;
    static final int MAX_BIT_RATE = 14400;
    static final int MAX_BUFFER = 2000;
    static final int MAX_DATAGRAM = 400;
    static final String RATE_MANAGEMENT = "transferredTCF";
    static final String ERROR_CORRECTION = "t38UDPRedundancy";

    /** The far end's fax stream: where its UDPTL comes from and goes to. */
    public record Agreed(MediaAddress remote, int version, int maxBitRate) {
    }

    /** Our answer to a T.38 offer, and what it agreed. */
    public record Answer(SessionDescription description, Agreed agreed) {
    }

    private T38Media() {
    }

    /** Our T.38 offer on {@code local}. */
    public static SessionDescription offer(SdpSession session, MediaAddress local) {
        return session.stamp(MediaLines.draft(session, local.address(), false,
                List.of(section(local.port(), VERSION, MAX_BIT_RATE, RATE_MANAGEMENT))));
    }

    /** Whether a description has a live T.38 stream (an offer to switch, or an answer that took ours). */
    public static boolean offered(SessionDescription description) {
        return description.media().stream().anyMatch(T38Media::isT38);
    }

    /** What the far end's answer to our T.38 offer agreed; empty when it refused the stream. */
    public static Optional<Agreed> readAnswer(SessionDescription answer) {
        for (MediaDescription section : answer.media()) {
            if (isT38(section)) {
                return MediaLines.remote(answer, section).map(remote -> agreed(section, remote));
            }
        }
        return Optional.empty();
    }

    /** Our answer to a T.38 offer: the fax stream accepted on {@code local}, every other one refused. */
    public static Optional<Answer> answer(SessionDescription offer, SdpSession session, MediaAddress local) {
        List<MediaDescription> sections = new ArrayList<>();
        Agreed agreed = null;
        for (MediaDescription section : offer.media()) {
            Optional<MediaAddress> remote = MediaLines.remote(offer, section);
            if (agreed == null && isT38(section) && remote.isPresent()) {
                agreed = agreed(section, remote.get());
                String rates = values(section, "T38FaxRateManagement").stream().findFirst().orElse(RATE_MANAGEMENT);
                sections.add(section(local.port(), agreed.version(), agreed.maxBitRate(), rates));
            } else {
                sections.add(section.rejected());
            }
        }
        if (agreed == null) {
            return Optional.empty();
        }
        return Optional.of(new Answer(session.stamp(MediaLines.draft(session, local.address(), false, sections)), agreed));
    }

    private static boolean isT38(MediaDescription section) {
        return section.media().equalsIgnoreCase(IMAGE) && section.protocol().equalsIgnoreCase(UDPTL)
                && section.port() != 0 && section.formats().stream().anyMatch(T38::equalsIgnoreCase);
    }

    private static Agreed agreed(MediaDescription section, MediaAddress remote) {
        int version = Math.min(VERSION, number(section, "T38FaxVersion", VERSION));
        int bitRate = Math.min(MAX_BIT_RATE, number(section, "T38MaxBitRate", MAX_BIT_RATE));
        return new Agreed(remote, version, bitRate);
    }

    private static int number(MediaDescription section, String name, int absent) {
        for (String value : values(section, name)) {
            long number = SdpText.digits(value, 6);
            if (number >= 0) {
                return (int) number;
            }
        }
        return absent;
    }

    // Peers differ in the letter case of these names.
    private static List<String> values(MediaDescription section, String name) {
        return section.attributes().stream().filter(attribute -> attribute.name().equalsIgnoreCase(name))
                .map(attribute -> attribute.value().trim()).filter(value -> !value.isEmpty()).toList();
    }

    private static MediaDescription section(int port, int version, int bitRate, String rateManagement) {
        List<Attribute> attributes = List.of(
                new Attribute("T38FaxVersion", Integer.toString(version)),
                new Attribute("T38MaxBitRate", Integer.toString(bitRate)),
                new Attribute("T38FaxRateManagement", rateManagement),
                new Attribute("T38FaxMaxBuffer", Integer.toString(MAX_BUFFER)),
                new Attribute("T38FaxMaxDatagram", Integer.toString(MAX_DATAGRAM)),
                new Attribute("T38FaxUdpEC", ERROR_CORRECTION));
        return new MediaDescription(IMAGE, port, 1, UDPTL, List.of(T38), java.util.Optional.empty(), List.of(),
                attributes);
    }
}
