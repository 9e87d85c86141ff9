package dev.ataemu.core.call.torture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * One message of RFC 4475 or RFC 5118, stored bit-exact as a test resource named after the RFC's
 * name for it, with what the RFC asks of an endpoint that receives it.
 *
 * @param rfc     4475 or 5118
 * @param section the RFC's section, e.g. "3.1.1.1"
 * @param name    the RFC's name, e.g. "wsinv"
 * @param kind    whether it is a valid or an invalid request, or a response
 * @param answers the final answers that fit the RFC's text for an endpoint (for an invalid request:
 *                besides 400 and silence; for an INVITE the phone may also ring instead)
 */
record TortureMessage(int rfc, String section, String name, Kind kind, Set<Integer> answers) {

    enum Kind {
        /** Well formed: handled, never answered 400. */
        VALID,
        /** Malformed: answered 400 (or the answer the RFC names), or dropped. */
        INVALID,
        /** A response the device has no request for: no reply. */
        RESPONSE
    }

    byte[] bytes() {
        String resource = "/torture/rfc" + rfc + "/" + name + ".dat";
        try (InputStream in = TortureMessage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String label() {
        return name + " (" + rfc + " " + section + ")";
    }
}
