package dev.ataemu.sip.call;

import java.util.ListIterator;
import javax.sip.header.Header;
import javax.sip.message.Message;

/** What a peer's message says it supports, requires and allows (option tags and methods). */
public final class Extensions {

    private Extensions() {
    }

    /** Whether the message's Supported (or Require) headers name {@code option}. */
    public static boolean supports(Message message, String option) {
        for (String name : new String[] {"Supported", "Require"}) {
            ListIterator<?> values = message.getHeaders(name);
            while (values.hasNext()) {
                for (String token : value((Header) values.next()).split(",")) {
                    if (token.trim().equalsIgnoreCase(option)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the peer's Allow header lists {@code method}. */
    public static boolean allows(Message message, String method) {
        ListIterator<?> values = message.getHeaders("Allow");
        while (values.hasNext()) {
            for (String token : value((Header) values.next()).split(",")) {
                if (token.trim().equalsIgnoreCase(method)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A header's value as written, without its name. */
    static String value(Header header) {
        String text = header.toString().trim();
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(colon + 1).trim();
    }
}
