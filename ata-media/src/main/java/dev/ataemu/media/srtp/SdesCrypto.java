package dev.ataemu.media.srtp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One SDP security description (RFC 4568): {@code a=crypto:<tag> <crypto-suite> inline:<key||salt>
 * [|lifetime][|MKI:length] [session-params]}. Parsing accepts what this ATA can honour and refuses
 * the rest with an {@link IllegalArgumentException} that says why; {@link #answer} and
 * {@link #acceptAnswer} run the offer/answer exchange of RFC 4568 section 7.
 */
public record SdesCrypto(int tag, SrtpCryptoSuite suite, MasterKey masterKey, List<String> sessionParameters) {

    /**
     * The lifetime sent when the "Crypto Life Time" setting is on; the Grandstream platform re-keys
     * after 2^31 packets (FEATURES PLAT-94).
     */
    public static final long SENT_LIFETIME = 1L << 31;

    private static final int MAX_TAG = 999_999_999;
    private static final Pattern WHITESPACE = Pattern.compile("[ \t]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    public SdesCrypto {
        if (tag < 0 || tag > MAX_TAG) {
            throw new IllegalArgumentException("crypto tag " + tag + " outside 0 to " + MAX_TAG);
        }
        Objects.requireNonNull(suite);
        Objects.requireNonNull(masterKey);
        sessionParameters = List.copyOf(sessionParameters);
    }

    /** A fresh key for one suite, with the lifetime parameter when {@code cryptoLifetime} is set. */
    public static SdesCrypto offer(int tag, SrtpCryptoSuite suite, boolean cryptoLifetime, SecureRandom random) {
        return new SdesCrypto(tag, suite, MasterKey.generate(random, lifetime(cryptoLifetime)), List.of());
    }

    /** One line per suite in preference order, tags 1, 2, ... each with its own fresh key. */
    public static List<SdesCrypto> offer(List<SrtpCryptoSuite> suites, boolean cryptoLifetime, SecureRandom random) {
        List<SdesCrypto> lines = new ArrayList<>();
        for (SrtpCryptoSuite suite : suites) {
            lines.add(offer(lines.size() + 1, suite, cryptoLifetime, random));
        }
        return List.copyOf(lines);
    }

    /** {@link #answer(List, Set, boolean, SecureRandom)} with every suite enabled. */
    public static Optional<SdesSelection> answer(List<String> offerLines, boolean cryptoLifetime, SecureRandom random) {
        return answer(offerLines, EnumSet.allOf(SrtpCryptoSuite.class), cryptoLifetime, random);
    }

    /**
     * Picks the first offered line, in the offer's order, that parses and names an enabled suite,
     * and answers it with the same tag and suite and a key of our own (RFC 4568 section 7.1.2).
     * Lines that cannot be accepted are skipped, as the RFC asks; empty when none is left.
     */
    public static Optional<SdesSelection> answer(List<String> offerLines, Set<SrtpCryptoSuite> enabled,
            boolean cryptoLifetime, SecureRandom random) {
        for (String line : offerLines) {
            SdesCrypto remote;
            try {
                remote = parse(line);
            } catch (IllegalArgumentException unusable) {
                continue;
            }
            if (enabled.contains(remote.suite())) {
                return Optional.of(new SdesSelection(offer(remote.tag(), remote.suite(), cryptoLifetime, random), remote));
            }
        }
        return Optional.empty();
    }

    /**
     * The offerer's side (RFC 4568 section 7.1.3): the answer must carry the tag and suite of one
     * of our lines; that line's key protects what we send, the answer's key what we receive.
     */
    public static SdesSelection acceptAnswer(List<SdesCrypto> offered, String answerLine) {
        SdesCrypto remote = parse(answerLine);
        for (SdesCrypto local : offered) {
            if (local.tag() == remote.tag()) {
                if (local.suite() != remote.suite()) {
                    throw new IllegalArgumentException("answer tag " + remote.tag() + " names " + remote.suite()
                            + " but the offer said " + local.suite());
                }
                return new SdesSelection(local, remote);
            }
        }
        throw new IllegalArgumentException("answer tag " + remote.tag() + " was not offered");
    }

    /**
     * Reads one line, with or without {@code a=}.
     *
     * @throws IllegalArgumentException naming what is malformed or unsupported
     */
    public static SdesCrypto parse(String line) {
        String value = line.strip();
        if (value.startsWith("a=")) {
            value = value.substring(2);
        }
        if (!value.startsWith("crypto:")) {
            throw new IllegalArgumentException("not a crypto attribute: " + abbreviate(line));
        }
        String[] fields = WHITESPACE.split(value.substring("crypto:".length()).strip());
        if (fields.length < 3) {
            throw new IllegalArgumentException("crypto attribute needs a tag, a suite and key parameters: " + abbreviate(line));
        }
        if (!fields[0].matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("crypto tag is not 1 to 9 digits: " + abbreviate(fields[0]));
        }
        int tag = Integer.parseInt(fields[0]);
        SrtpCryptoSuite suite = SrtpCryptoSuite.forSdesName(fields[1])
                .orElseThrow(() -> new IllegalArgumentException("unknown crypto suite " + abbreviate(fields[1])));
        MasterKey key = parseKeyParameters(fields[2], suite);
        List<String> parameters = new ArrayList<>();
        for (int i = 3; i < fields.length; i++) {
            checkSessionParameter(fields[i]);
            parameters.add(fields[i]);
        }
        return new SdesCrypto(tag, suite, key, parameters);
    }

    /** The attribute value, {@code <tag> <suite> inline:...}, without {@code a=crypto:}. */
    public String attributeValue() {
        StringBuilder value = new StringBuilder().append(tag).append(' ').append(suite.sdesName())
                .append(" inline:").append(masterKey.keyAndSaltBase64());
        masterKey.lifetime().ifPresent(packets -> value.append('|').append(formatLifetime(packets)));
        masterKey.mki().ifPresent(mki -> value.append('|').append(mki.value()).append(':').append(mki.length()));
        for (String parameter : sessionParameters) {
            value.append(' ').append(parameter);
        }
        return value.toString();
    }

    /** The SDP line, {@code a=crypto:...}. */
    public String format() {
        return "a=crypto:" + attributeValue();
    }

    /** Never shows the key: this ends up in logs. */
    @Override
    public String toString() {
        return "SdesCrypto[tag=" + tag + ", " + suite + ", " + masterKey + ", " + sessionParameters + "]";
    }

    private static MasterKey parseKeyParameters(String field, SrtpCryptoSuite suite) {
        if (field.contains(";")) {
            throw new IllegalArgumentException("more than one master key per crypto line is not supported");
        }
        if (!field.startsWith("inline:")) {
            throw new IllegalArgumentException("key method is not inline: " + abbreviate(field));
        }
        String[] parts = field.substring("inline:".length()).split("\\|", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("too many '|' fields in the key parameters");
        }
        byte[] keyAndSalt = decodeBase64(parts[0]);
        if (keyAndSalt.length != suite.keyAndSaltLength()) {
            throw new IllegalArgumentException(suite + " needs " + suite.keyAndSaltLength() + " bytes of key and salt, found "
                    + keyAndSalt.length);
        }
        OptionalLong lifetime = OptionalLong.empty();
        Optional<Mki> mki = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].contains(":")) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException("the MKI must come after the lifetime");
                }
                mki = Optional.of(parseMki(parts[i]));
            } else if (i == 1) {
                lifetime = OptionalLong.of(parseLifetime(parts[i]));
            } else {
                throw new IllegalArgumentException("malformed MKI " + abbreviate(parts[i]));
            }
        }
        return MasterKey.fromKeyAndSalt(keyAndSalt, lifetime, mki);
    }

    private static byte[] decodeBase64(String text) {
        if (!BASE64.matcher(text).matches() || text.length() % 4 == 1) {
            throw new IllegalArgumentException("key and salt are not base64: " + abbreviate(text));
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key and salt are not base64: " + abbreviate(text), e);
        }
    }

    private static long parseLifetime(String text) {
        boolean power = text.startsWith("2^");
        String digits = power ? text.substring(2) : text;
        if (!DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("malformed lifetime " + abbreviate(text));
        }
        long packets;
        if (power) {
            int exponent = Integer.parseInt(digits.length() > 3 ? "999" : digits);
            if (exponent > 48) {
                throw new IllegalArgumentException("lifetime " + text + " exceeds the SRTP maximum of 2^48 packets");
            }
            packets = 1L << exponent;
        } else {
            packets = digits.length() > 15 ? Long.MAX_VALUE : Long.parseLong(digits);
            if (packets > SrtpCryptoSuite.MAX_SRTP_PACKETS) {
                throw new IllegalArgumentException("lifetime " + text + " exceeds the SRTP maximum of 2^48 packets");
            }
            if (packets == 0) {
                throw new IllegalArgumentException("lifetime of zero packets");
            }
        }
        return packets;
    }

    private static Mki parseMki(String text) {
        String[] valueAndLength = text.split(":", -1);
        if (valueAndLength.length != 2 || !DIGITS.matcher(valueAndLength[0]).matches()
                || !valueAndLength[1].matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("malformed MKI " + abbreviate(text));
        }
        int length = Integer.parseInt(valueAndLength[1]);
        if (length < 1 || length > 128) {
            throw new IllegalArgumentException("MKI length " + length + " outside 1 to 128");
        }
        if (length > Mki.MAX_LENGTH) {
            throw new IllegalArgumentException("MKI length " + length + " not supported (1 to " + Mki.MAX_LENGTH + " bytes)");
        }
        if (valueAndLength[0].length() > 10) {
            throw new IllegalArgumentException("MKI value " + abbreviate(valueAndLength[0]) + " does not fit in " + length + " bytes");
        }
        return new Mki(Long.parseLong(valueAndLength[0]), length);
    }

    /**
     * The SRTP session parameters of RFC 4568 section 6.3. Window size hints and the FEC ones are
     * harmless here (the replay window is larger than the usual hints; no FEC is sent); key
     * derivation rates and unencrypted or unauthenticated streams are not offered by this ATA.
     * An unknown parameter makes the line unusable unless it starts with "-".
     */
    private static void checkSessionParameter(String parameter) {
        String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
        switch (name) {
            case "WSH":
                if (!parameter.matches("WSH=[0-9]{1,9}")) {
                    throw new IllegalArgumentException("malformed window size hint " + abbreviate(parameter));
                }
                return;
            case "FEC_ORDER":
            case "FEC_KEY":
                return;
            case "KDR":
                throw new IllegalArgumentException("key derivation rate " + abbreviate(parameter) + " not supported");
            case "UNENCRYPTED_SRTP":
            case "UNENCRYPTED_SRTCP":
            case "UNAUTHENTICATED_SRTP":
                throw new IllegalArgumentException(name + " not supported");
            default:
                if (!parameter.startsWith("-")) {
                    throw new IllegalArgumentException("unknown session parameter " + abbreviate(parameter));
                }
        }
    }

    private static OptionalLong lifetime(boolean cryptoLifetime) {
        return cryptoLifetime ? OptionalLong.of(SENT_LIFETIME) : OptionalLong.empty();
    }

    private static String formatLifetime(long packets) {
        return Long.bitCount(packets) == 1 ? "2^" + Long.numberOfTrailingZeros(packets) : Long.toString(packets);
    }

    /** Hostile lines can be long: error messages quote at most a few dozen characters. */
    private static String abbreviate(String text) {
        return text.length() <= 48 ? text : text.substring(0, 45) + "...";
    }
}
