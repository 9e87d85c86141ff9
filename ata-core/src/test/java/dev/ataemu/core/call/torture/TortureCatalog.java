package dev.ataemu.core.call.torture;

import static dev.ataemu.core.call.torture.TortureMessage.Kind.INVALID;
import static dev.ataemu.core.call.torture.TortureMessage.Kind.RESPONSE;
import static dev.ataemu.core.call.torture.TortureMessage.Kind.VALID;

import dev.ataemu.core.call.torture.TortureMessage.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every message of RFC 4475 section 3 and RFC 5118 section 4, with the answers the RFCs' text
 * allows an endpoint (the device is a user agent, not a proxy or registrar). 487 stands for "the
 * phone rang", as the test then cancels the call; where the RFC lets an element be liberal about
 * an invalid message, the answers of the liberal reading are listed too.
 */
final class TortureCatalog {

    private static final Set<Integer> OPTIONS_OK = Set.of(200);
    private static final Set<Integer> UNSUPPORTED_METHOD = Set.of(501, 405);
    /** Rings (then cancelled), or refused as a phone may refuse a call. */
    private static final Set<Integer> CALL = Set.of(487, 404, 480, 486, 488);
    private static final Set<Integer> NONE = Set.of();

    private TortureCatalog() {
    }

    static List<TortureMessage> all() {
        List<TortureMessage> all = new ArrayList<>();
        // 3.1.1 valid messages
        all.add(m4475("3.1.1.1", "wsinv", VALID, Set.of(481)));
        all.add(m4475("3.1.1.2", "intmeth", VALID, UNSUPPORTED_METHOD));
        all.add(m4475("3.1.1.3", "esc01", VALID, CALL));
        all.add(m4475("3.1.1.4", "escnull", VALID, UNSUPPORTED_METHOD));
        all.add(m4475("3.1.1.5", "esc02", VALID, UNSUPPORTED_METHOD));
        all.add(m4475("3.1.1.6", "lwsdisp", VALID, OPTIONS_OK));
        all.add(m4475("3.1.1.7", "longreq", VALID, CALL));
        all.add(m4475("3.1.1.8", "dblreq", VALID, UNSUPPORTED_METHOD));
        all.add(m4475("3.1.1.9", "semiuri", VALID, OPTIONS_OK));
        all.add(m4475("3.1.1.10", "transports", VALID, OPTIONS_OK));
        all.add(m4475("3.1.1.11", "mpart01", VALID, Set.of(501, 405, 415)));
        all.add(m4475("3.1.1.12", "unreason", RESPONSE, NONE));
        all.add(m4475("3.1.1.13", "noreason", RESPONSE, NONE));
        // 3.1.2 invalid messages
        all.add(m4475("3.1.2.1", "badinv01", INVALID, NONE));
        all.add(m4475("3.1.2.2", "clerr", INVALID, NONE));
        all.add(m4475("3.1.2.3", "ncl", INVALID, NONE));
        all.add(m4475("3.1.2.4", "scalar02", INVALID, NONE));
        all.add(m4475("3.1.2.5", "scalarlg", RESPONSE, NONE));
        all.add(m4475("3.1.2.6", "quotbal", INVALID, CALL));
        all.add(m4475("3.1.2.7", "ltgtruri", INVALID, CALL));
        all.add(m4475("3.1.2.8", "lwsruri", INVALID, CALL));
        all.add(m4475("3.1.2.9", "lwsstart", INVALID, CALL));
        all.add(m4475("3.1.2.10", "trws", INVALID, OPTIONS_OK));
        all.add(m4475("3.1.2.11", "escruri", INVALID, CALL));
        all.add(m4475("3.1.2.12", "baddate", INVALID, CALL));
        all.add(m4475("3.1.2.13", "regbadct", INVALID, UNSUPPORTED_METHOD));
        all.add(m4475("3.1.2.14", "badaspec", INVALID, OPTIONS_OK));
        all.add(m4475("3.1.2.15", "baddn", INVALID, OPTIONS_OK));
        all.add(m4475("3.1.2.16", "badvers", INVALID, Set.of(505)));
        all.add(m4475("3.1.2.17", "mismatch01", INVALID, NONE));
        all.add(m4475("3.1.2.18", "mismatch02", INVALID, Set.of(501)));
        all.add(m4475("3.1.2.19", "bigcode", RESPONSE, NONE));
        // 3.2 transaction layer: reject with 400, or fall back to RFC 2543 matching
        all.add(m4475("3.2.1", "badbranch", VALID, Set.of(200, 400)));
        // 3.3 application layer
        all.add(m4475("3.3.1", "insuf", INVALID, NONE));
        all.add(m4475("3.3.2", "unkscm", VALID, Set.of(416)));
        all.add(m4475("3.3.3", "novelsc", VALID, Set.of(416, 404)));
        all.add(m4475("3.3.4", "unksm2", VALID, Set.of(501, 405, 400)));
        all.add(m4475("3.3.5", "bext01", VALID, Set.of(420)));
        all.add(m4475("3.3.6", "invut", VALID, Set.of(415)));
        all.add(m4475("3.3.7", "regaut01", VALID, Set.of(501, 405, 401)));
        all.add(m4475("3.3.8", "multi01", INVALID, NONE));
        all.add(m4475("3.3.9", "mcl01", INVALID, NONE));
        all.add(m4475("3.3.10", "bcast", RESPONSE, NONE));
        all.add(m4475("3.3.11", "zeromf", VALID, Set.of(200, 483)));
        all.add(m4475("3.3.12", "cparam01", VALID, UNSUPPORTED_METHOD));
        all.add(m4475("3.3.13", "cparam02", VALID, UNSUPPORTED_METHOD));
        all.add(m4475("3.3.14", "regescrt", VALID, UNSUPPORTED_METHOD));
        all.add(m4475("3.3.15", "sdp01", VALID, Set.of(406, 400)));
        // 3.4 backward compatibility
        all.add(m4475("3.4.1", "inv2543", VALID, CALL));
        // RFC 5118 section 4: IPv6 in the content
        all.add(m5118("4.1", "ipv6-good", VALID, UNSUPPORTED_METHOD));
        all.add(m5118("4.2", "ipv6-bad", INVALID, NONE));
        all.add(m5118("4.3", "port-ambiguous", VALID, UNSUPPORTED_METHOD));
        all.add(m5118("4.4", "port-unambiguous", VALID, UNSUPPORTED_METHOD));
        all.add(m5118("4.5", "via-received-param-with-delim", VALID, Set.of(481)));
        all.add(m5118("4.5", "via-received-param-no-delim", VALID, OPTIONS_OK));
        all.add(m5118("4.6", "ipv6-in-sdp", VALID, CALL));
        all.add(m5118("4.7", "mult-ip-in-header", VALID, Set.of(481)));
        all.add(m5118("4.8", "mult-ip-in-sdp", VALID, CALL));
        all.add(m5118("4.9", "ipv4-mapped-ipv6", VALID, CALL));
        all.add(m5118("4.10", "ipv6-bug-abnf-3-colons", VALID, OPTIONS_OK));
        all.add(m5118("4.10", "ipv6-correct-abnf-2-colons", VALID, OPTIONS_OK));
        return all;
    }

    private static TortureMessage m4475(String section, String name, Kind kind, Set<Integer> answers) {
        return new TortureMessage(4475, section, name, kind, answers);
    }

    private static TortureMessage m5118(String section, String name, Kind kind, Set<Integer> answers) {
        return new TortureMessage(5118, section, name, kind, answers);
    }
}
