package dev.ataemu.media.callerid;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bellcore (GR-30) and ETSI (EN 300 659-3) on-hook messages: single data message format (SDMF),
 * multiple data message format (MDMF) and the ETSI call set-up message, which shares MDMF's layout
 * and parameter numbers. One decoder reads them all.
 */
public final class CallerIdMessages {

    public static final int SDMF_CALL_SETUP = 0x04;
    public static final int SDMF_MESSAGE_WAITING = 0x06;
    public static final int MDMF_CALL_SETUP = 0x80;
    public static final int MDMF_MESSAGE_WAITING = 0x82;

    public static final int DATE_TIME = 0x01;
    public static final int NUMBER = 0x02;
    public static final int NUMBER_ABSENT = 0x04;
    public static final int REDIRECTION = 0x05;
    public static final int NAME = 0x07;
    public static final int NAME_ABSENT = 0x08;
    public static final int VISUAL_INDICATOR = 0x0B;
    public static final int CALL_TYPE = 0x11;
    public static final int CALL_TYPE_VOICE = 0x01;

    private static final byte SDMF_WAITING = 0x42;
    private static final byte SDMF_NOT_WAITING = 0x6F;

    private CallerIdMessages() {
    }

    /** Bellcore SDMF: {@code MMDDHHMM} then the number, or O/P. The date and time are required. */
    public static byte[] sdmf(CallerId id) {
        DateAndTime time = id.dateTime()
                .orElseThrow(() -> new IllegalArgumentException("SDMF needs the date and time"));
        String number = id.number().orElse(String.valueOf(id.numberAbsence().orElse(Absence.UNAVAILABLE).code()));
        byte[] body = (time.wire() + number).getBytes(StandardCharsets.US_ASCII);
        return new MessageFrame(SDMF_CALL_SETUP, body).wire();
    }

    /** Bellcore MDMF call set-up: date and time, number or its absence, name or its absence, redirection. */
    public static byte[] mdmf(CallerId id) {
        return new MessageFrame(MDMF_CALL_SETUP, Parameter.encode(callParameters(id, true))).wire();
    }

    /** ETSI call set-up: call type (voice) first, then as MDMF; ETSI has no redirection reason. */
    public static byte[] etsiCallSetup(CallerId id) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter(CALL_TYPE, new byte[] {CALL_TYPE_VOICE}));
        parameters.addAll(callParameters(id, false));
        return new MessageFrame(MDMF_CALL_SETUP, Parameter.encode(parameters)).wire();
    }

    /** Bellcore SDMF message waiting: 0x42 three times for on, 0x6F three times for off. */
    public static byte[] sdmfMessageWaiting(boolean waiting) {
        byte value = waiting ? SDMF_WAITING : SDMF_NOT_WAITING;
        return new MessageFrame(SDMF_MESSAGE_WAITING, new byte[] {value, value, value}).wire();
    }

    /** MDMF (Bellcore) and ETSI message waiting: the visual indicator 0xFF on, 0x00 off. */
    public static byte[] mdmfMessageWaiting(boolean waiting) {
        Parameter indicator = new Parameter(VISUAL_INDICATOR, new byte[] {(byte) (waiting ? 0xFF : 0x00)});
        return new MessageFrame(MDMF_MESSAGE_WAITING, Parameter.encode(List.of(indicator))).wire();
    }

    /** Reads any of the messages above, or throws {@link MalformedMessageException} saying what is wrong. */
    public static CallerIdMessage decode(byte[] wire) {
        MessageFrame frame = MessageFrame.parse(wire);
        byte[] body = frame.body();
        return switch (frame.type()) {
            case SDMF_CALL_SETUP -> new CallerIdMessage.CallSetup(sdmfCallerId(body));
            case SDMF_MESSAGE_WAITING -> new CallerIdMessage.MessageWaiting(sdmfWaiting(body));
            case MDMF_CALL_SETUP -> new CallerIdMessage.CallSetup(mdmfCallerId(Parameter.decode(body)));
            case MDMF_MESSAGE_WAITING -> new CallerIdMessage.MessageWaiting(mdmfWaiting(Parameter.decode(body)));
            default -> throw new MalformedMessageException(
                    String.format("unsupported message type 0x%02X", frame.type()));
        };
    }

    /** Whether {@code type} starts a message this class reads. */
    public static boolean isKnownType(int type) {
        return type == SDMF_CALL_SETUP || type == SDMF_MESSAGE_WAITING || type == MDMF_CALL_SETUP
                || type == MDMF_MESSAGE_WAITING;
    }

    private static List<Parameter> callParameters(CallerId id, boolean withRedirection) {
        List<Parameter> parameters = new ArrayList<>();
        id.dateTime().ifPresent(time -> parameters.add(Parameter.text(DATE_TIME, time.wire())));
        id.number().ifPresent(number -> parameters.add(Parameter.text(NUMBER, number)));
        id.numberAbsence().ifPresent(reason -> parameters.add(code(NUMBER_ABSENT, reason.code())));
        id.name().ifPresent(name -> parameters.add(Parameter.text(NAME, name)));
        id.nameAbsence().ifPresent(reason -> parameters.add(code(NAME_ABSENT, reason.code())));
        if (withRedirection) {
            id.redirection().ifPresent(reason -> parameters.add(code(REDIRECTION, reason.code())));
        }
        return parameters;
    }

    private static Parameter code(int type, char code) {
        return new Parameter(type, new byte[] {(byte) code});
    }

    private static CallerId sdmfCallerId(byte[] body) {
        if (body.length < 9) {
            throw new MalformedMessageException("SDMF body needs 8 date digits and a number, got " + body.length + " octets");
        }
        String text = new String(body, StandardCharsets.US_ASCII);
        CallerId id = CallerId.empty().withDateTime(DateAndTime.parse(text.substring(0, 8)));
        String number = text.substring(8);
        if (number.length() == 1 && Absence.ofCode(number.charAt(0)).isPresent()) {
            return id.withNumberAbsent(Absence.ofCode(number.charAt(0)).get());
        }
        return id.withNumber(number);
    }

    private static boolean sdmfWaiting(byte[] body) {
        if (Arrays.equals(body, new byte[] {SDMF_WAITING, SDMF_WAITING, SDMF_WAITING})) {
            return true;
        }
        if (Arrays.equals(body, new byte[] {SDMF_NOT_WAITING, SDMF_NOT_WAITING, SDMF_NOT_WAITING})) {
            return false;
        }
        throw new MalformedMessageException("SDMF message waiting body is neither 42 42 42 nor 6F 6F 6F: "
                + Arrays.toString(body));
    }

    private static CallerId mdmfCallerId(List<Parameter> parameters) {
        CallerId id = CallerId.empty();
        for (Parameter parameter : parameters) {
            switch (parameter.type()) {
                case DATE_TIME -> id = id.withDateTime(DateAndTime.parse(parameter.text()));
                case NUMBER -> {
                    consistent(id.numberAbsence().isEmpty(), parameter);
                    id = id.withNumber(text(parameter));
                }
                case NUMBER_ABSENT -> {
                    consistent(id.number().isEmpty(), parameter);
                    id = id.withNumberAbsent(absence(parameter));
                }
                case NAME -> {
                    consistent(id.nameAbsence().isEmpty(), parameter);
                    id = id.withName(text(parameter));
                }
                case NAME_ABSENT -> {
                    consistent(id.name().isEmpty(), parameter);
                    id = id.withNameAbsent(absence(parameter));
                }
                case REDIRECTION -> id = id.withRedirection(Redirection.ofCode(single(parameter))
                        .orElseThrow(() -> new MalformedMessageException("unknown redirection " + parameter)));
                default -> {
                    // Call type, dialled number and the rest do not change what the display shows.
                }
            }
        }
        return id;
    }

    private static void consistent(boolean fine, Parameter parameter) {
        if (!fine) {
            throw new MalformedMessageException("inconsistent parameters: " + parameter
                    + " contradicts an earlier one");
        }
    }

    /** A number or name; an empty one says nothing, and the absence parameters exist to say why there is none. */
    static String text(Parameter parameter) {
        if (parameter.value().length == 0) {
            throw new MalformedMessageException("empty " + parameter);
        }
        return parameter.text();
    }

    private static boolean mdmfWaiting(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            if (parameter.type() == VISUAL_INDICATOR) {
                int value = parameter.value().length == 1 ? parameter.value()[0] & 0xFF : -1;
                if (value == 0xFF || value == 0x00) {
                    return value == 0xFF;
                }
                throw new MalformedMessageException("visual indicator is neither 0xFF nor 0x00: " + parameter);
            }
        }
        throw new MalformedMessageException("message waiting without a visual indicator parameter");
    }

    private static Absence absence(Parameter parameter) {
        return Absence.ofCode(single(parameter))
                .orElseThrow(() -> new MalformedMessageException("unknown reason for absence " + parameter));
    }

    private static char single(Parameter parameter) {
        if (parameter.value().length != 1) {
            throw new MalformedMessageException("expected one octet in " + parameter);
        }
        return (char) (parameter.value()[0] & 0xFF);
    }
}
