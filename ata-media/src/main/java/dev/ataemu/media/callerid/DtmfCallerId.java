package dev.ataemu.media.callerid;

/**
 * DTMF caller ID as a digit string (another component turns digits into tones and back).
 *
 * <p>A number is sent as {@code <start><digits><stop>}. A missing number is sent as the '#'
 * variant's {@code D1#} (private) / {@code D3#} (unavailable) when the stop digit is '#', otherwise
 * as the ETSI special-information field {@code B10<stop>} (private) / {@code B00<stop>} (unavailable).
 * The decoder also reads {@code D2#} (international: unavailable), {@code B01} (private) and skips a
 * redirecting-number field {@code D<digits>} inside {@code A...C}.
 */
public final class DtmfCallerId {

    private DtmfCallerId() {
    }

    /** Whether the number can be carried by DTMF at all (digits 0-9 only). */
    public static boolean canCarry(String number) {
        return !number.isEmpty() && number.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    public static String encode(CallerId id, char start, char stop) {
        return encode(id, DtmfMarkers.of(start, stop));
    }

    public static String encode(CallerId id, DtmfMarkers markers) {
        if (id.number().isPresent()) {
            String number = id.number().get();
            if (!canCarry(number)) {
                throw new IllegalArgumentException("'" + number + "' cannot be sent as DTMF digits");
            }
            return markers.start().map(String::valueOf).orElse("") + number + markers.stop();
        }
        boolean withheld = id.numberAbsence().orElse(Absence.UNAVAILABLE) == Absence.PRIVATE;
        if (markers.stop() == '#') {
            return withheld ? "D1#" : "D3#";
        }
        return (withheld ? "B10" : "B00") + markers.stop();
    }

    /** Reads a whole string, start marker (if any) to stop marker, or throws saying why it cannot. */
    public static CallerId decode(String digits) {
        char stop = digits.isEmpty() ? ' ' : digits.charAt(digits.length() - 1);
        if (digits.length() < 2 || "ABCD#".indexOf(stop) < 0) {
            throw new MalformedMessageException("DTMF caller ID must end with a stop digit: '" + digits + "'");
        }
        String body = digits.substring(0, digits.length() - 1);
        if (stop == '#' && body.matches("D[123]")) {
            return CallerId.empty().withNumberAbsent(body.charAt(1) == '1' ? Absence.PRIVATE : Absence.UNAVAILABLE);
        }
        if (body.matches("B(00|01|10)")) {
            return CallerId.empty().withNumberAbsent(body.equals("B00") ? Absence.UNAVAILABLE : Absence.PRIVATE);
        }
        String fields = Character.isDigit(body.charAt(0)) ? body : body.substring(1);
        int end = 0;
        while (end < fields.length() && Character.isDigit(fields.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new MalformedMessageException("no number in DTMF caller ID '" + digits + "'");
        }
        String rest = fields.substring(end);
        if (!rest.isEmpty() && !rest.matches("D\\d*(B\\d\\d)?|B\\d\\d")) {
            throw new MalformedMessageException("unexpected '" + rest + "' after the number in '" + digits + "'");
        }
        return CallerId.empty().withNumber(fields.substring(0, end));
    }
}
