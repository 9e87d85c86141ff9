package dev.ataemu.core.config;

import dev.ataemu.media.tone.ToneSpec;
import java.util.Optional;
import java.util.regex.Pattern;

/** The validation of one value against its declaration, type by type. */
final class ValueRules {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    // host or IPv4 or [IPv6], optional :port, optional /path — as P47, P192 and P237 are written (no scheme).
    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?(?:/[\\x21-\\x7e]*)?");
    private static final Pattern DIGITS = Pattern.compile("[0-9*#A-Da-dxX+,]*");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]*");

    private ValueRules() {
    }

    static Optional<String> problemWith(ParameterDefinition p, String value) {
        if (value == null) {
            return Optional.of("no value");
        }
        return switch (p.type()) {
            case INT -> integerProblem(p, value);
            case ENUM -> choiceProblem(p, value);
            default -> textProblem(p, value);
        };
    }

    private static Optional<String> integerProblem(ParameterDefinition p, String value) {
        if (!INTEGER.matcher(value).matches()) {
            return Optional.of("must be a whole number from " + p.min() + " to " + p.max());
        }
        long number = Long.parseLong(value);
        if (number < p.min() || number > p.max()) {
            return Optional.of("must be from " + p.min() + " to " + p.max());
        }
        return Optional.empty();
    }

    private static Optional<String> choiceProblem(ParameterDefinition p, String value) {
        boolean known = p.choices().stream().anyMatch(choice -> choice.code().equals(value));
        return known ? Optional.empty() : Optional.of("must be one of " + p.allowedValues());
    }

    private static Optional<String> textProblem(ParameterDefinition p, String value) {
        if (value.length() > p.maxLength()) {
            return Optional.of("is " + value.length() + " characters long; at most " + p.maxLength() + " are allowed");
        }
        Optional<String> badCharacter = characterProblem(p, value);
        if (badCharacter.isPresent() || value.isEmpty()) {
            return badCharacter;
        }
        return switch (p.type()) {
            case IPV4 -> ipv4Problem(value);
            case HOST -> HOST.matcher(value).matches() ? Optional.empty()
                    : Optional.of("must be a host name or IP address, optionally with :port and /path, without a scheme");
            case TONE -> toneProblem(value, true);
            case CADENCE -> toneProblem(value, false);
            case DIGITS -> DIGITS.matcher(value).matches() ? Optional.empty()
                    : Optional.of("may hold only the keys 0-9, *, # (and A-D, x, +)");
            case HEX -> HEX.matcher(value).matches() ? Optional.empty()
                    : Optional.of("must be hexadecimal digits");
            case DIALPLAN -> dev.ataemu.core.dialplan.DialPlan.problemWith(value);
            default -> Optional.empty();
        };
    }

    private static Optional<String> characterProblem(ParameterDefinition p, String value) {
        // Multi-line text (certificates, keys) is only possible in free-text settings.
        boolean multiLine = p.type() == ParameterType.STRING && p.charset().isEmpty();
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            boolean control = c < 0x20 || c == 0x7f;
            if (control && !(multiLine && lineBreak)) {
                return Optional.of("contains the control character 0x" + Integer.toHexString(c));
            }
            if (!control && !p.charset().isEmpty() && p.charset().stream().noneMatch(r -> r.contains(c))) {
                return Optional.of("contains '" + new String(Character.toChars(c)) + "', which is not allowed here");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4Problem(String value) {
        var m = IPV4.matcher(value);
        if (!m.matches()) {
            return Optional.of("must be an IPv4 address such as 192.168.1.10");
        }
        for (int group = 1; group <= 4; group++) {
            if (Integer.parseInt(m.group(group)) > 255) {
                return Optional.of("must be an IPv4 address: each part from 0 to 255");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> toneProblem(String value, boolean needsFrequency) {
        try {
            ToneSpec tone = ToneSpec.parse(value);
            if (needsFrequency && tone.frequencies().isEmpty()) {
                return Optional.of("must name at least one frequency, e.g. f1=350@-13,f2=440@-13,c=0/0;");
            }
            if (!needsFrequency && !tone.frequencies().isEmpty()) {
                return Optional.of("is a ring cadence and takes no frequency, e.g. c=2000/4000;");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a valid tone: " + e.getMessage());
        }
    }
}
