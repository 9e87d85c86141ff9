package dev.ataemu.core.dialplan;

/**
 * One position of a rule: the keys it accepts, whether it may repeat ({@code +}), and what the
 * matched keys become when the number is sent ({@code <a=b>} replaces {@code a} with {@code b};
 * an insertion {@code <=b>} accepts no key at all and adds {@code b}).
 */
record Element(String keys, boolean repeats, String sendAs, boolean insertion) {

    static final String ANY_DIGIT = "0123456789";

    static Element of(String keys) {
        return new Element(keys, false, null, false);
    }

    boolean accepts(char key) {
        return keys.indexOf(key) >= 0;
    }

    Element repeating() {
        return new Element(keys, true, sendAs, insertion);
    }
}
