package dev.ataemu.core.dialplan;

import java.util.List;

/**
 * One alternative of a dial plan: its elements in order; {@code blocks} for a rule starting with
 * {@code ^} (numbers it matches are refused), {@code pstn} for an HT813 {@code L:} rule (numbers
 * it matches go out on the FXO line).
 */
record Rule(List<Element> elements, boolean blocks, boolean pstn) {


    /** The number as sent: each element's keys, replaced or with insertions, as the rule says. */
    String rewrite(String digits) {
        StringBuilder sent = new StringBuilder();
        rewrite(digits, 0, 0, sent);
        return sent.toString();
    }

    enum Fit {
        /** The digits cannot become a match of this rule. */
        NONE,
        /** The digits are the start of a match; more must come. */
        PREFIX,
        /** The digits match, and longer strings could match too. */
        MATCH_EXTENDABLE,
        /** The digits match, and nothing longer can. */
        MATCH_COMPLETE
    }

    /**
     * Runs the digits through the rule as through an automaton: the set of elements each could be at
     * next (a repeating element may take another key or hand over to the next one; an insertion takes
     * no key at all).
     */
    Fit fit(String digits) {
        java.util.BitSet states = closure(single(0));
        for (int i = 0; i < digits.length() && !states.isEmpty(); i++) {
            char key = digits.charAt(i);
            java.util.BitSet next = new java.util.BitSet();
            for (int s = states.nextSetBit(0); s >= 0 && s < elements.size(); s = states.nextSetBit(s + 1)) {
                Element e = elements.get(s);
                if (!e.insertion() && e.accepts(key)) {
                    next.set(s + 1);
                    if (e.repeats()) {
                        next.set(s);
                    }
                }
            }
            states = closure(next);
        }
        boolean matched = states.get(elements.size());
        boolean more = false;
        for (int s = states.nextSetBit(0); s >= 0 && s < elements.size(); s = states.nextSetBit(s + 1)) {
            more |= !elements.get(s).insertion();
        }
        if (matched) {
            return more ? Fit.MATCH_EXTENDABLE : Fit.MATCH_COMPLETE;
        }
        return more ? Fit.PREFIX : Fit.NONE;
    }

    private static java.util.BitSet single(int state) {
        java.util.BitSet set = new java.util.BitSet();
        set.set(state);
        return set;
    }

    /** Adds the states reached by skipping insertions, which take no key. */
    private java.util.BitSet closure(java.util.BitSet states) {
        for (int s = states.nextSetBit(0); s >= 0 && s < elements.size(); s = states.nextSetBit(s + 1)) {
            if (elements.get(s).insertion()) {
                states.set(s + 1);
            }
        }
        return states;
    }

    private boolean rewrite(String digits, int at, int element, StringBuilder sent) {
        if (element == elements.size()) {
            return at == digits.length();
        }
        Element e = elements.get(element);
        int length = sent.length();
        if (e.insertion()) {
            sent.append(e.sendAs());
            if (rewrite(digits, at, element + 1, sent)) {
                return true;
            }
            sent.setLength(length);
            return false;
        }
        int end = at;
        while (end < digits.length() && e.accepts(digits.charAt(end)) && (e.repeats() || end == at)) {
            end++;
            sent.append(e.sendAs() != null ? e.sendAs() : String.valueOf(digits.charAt(end - 1)));
            int kept = sent.length();
            if (rewrite(digits, end, element + 1, sent)) {
                return true;
            }
            sent.setLength(kept);
        }
        sent.setLength(length);
        return false;
    }
}
