package dev.ataemu.core.dialplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A port's dial plan (P4200 / P4201) in the Grandstream grammar: {@code { rule | rule ... }}, each
 * rule made of digits, {@code *}, {@code #}, {@code \+} (a literal plus), {@code x} (any digit),
 * {@code [3-5]} and {@code [147]} (one of), {@code +} after an element (one or more of it),
 * {@code <2=011>} (replace), {@code <=1617>} (insert), {@code ^} before a rule (block what it
 * matches) and, on the HT813, {@code L:} before a rule (place what it matches on the PSTN line).
 * Spaces are ignored. Parsed once when set, so a bad plan is refused then, not at dialing.
 */
public final class DialPlan {

    /** The factory plan when none is set: any digits. */
    public static final DialPlan ANY_DIGITS = parseOrThrow("{x+}");

    private final List<Rule> rules;

    private DialPlan(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** What the digits dialed so far mean. */
    public Decision decide(String digits) {
        boolean prefix = false;
        boolean extendable = false;
        Optional<Rule> complete = Optional.empty();
        Optional<Rule> matched = Optional.empty();
        for (Rule rule : rules) {
            Rule.Fit fit = rule.fit(digits);
            if (rule.blocks()) {
                if (fit == Rule.Fit.MATCH_COMPLETE || fit == Rule.Fit.MATCH_EXTENDABLE) {
                    return Decision.blocked();
                }
                continue;
            }
            switch (fit) {
                case PREFIX -> prefix = true;
                case MATCH_EXTENDABLE -> {
                    extendable = true;
                    matched = preferred(matched, rule);
                }
                case MATCH_COMPLETE -> {
                    complete = preferred(complete, rule);
                    matched = preferred(matched, rule);
                }
                case NONE -> { }
            }
        }
        if (matched.isPresent()) {
            Rule rule = matched.get();
            boolean waitForMore = extendable || prefix;
            return new Decision(waitForMore ? Outcome.MATCH_MAY_GROW : Outcome.SEND_NOW, rule.rewrite(digits), rule.pstn());
        }
        return prefix ? new Decision(Outcome.NEEDS_MORE, "", false) : new Decision(Outcome.NO_MATCH, "", false);
    }

    /** The {@code L:} rule wins over a VoIP rule that matches the same number (DP-16); else the first. */
    private static Optional<Rule> preferred(Optional<Rule> current, Rule candidate) {
        if (current.isEmpty() || candidate.pstn() && !current.get().pstn()) {
            return Optional.of(candidate);
        }
        return current;
    }

    /** What to do with the digits dialed so far. */
    public enum Outcome {
        /** They match and nothing longer could: send now. */
        SEND_NOW,
        /** They match, but a longer number could too: send on the dial key or the no-key-entry timeout. */
        MATCH_MAY_GROW,
        /** They are the start of a number the plan allows. */
        NEEDS_MORE,
        /** No number the plan allows starts like this. */
        NO_MATCH,
        /** A {@code ^} rule refuses them. */
        BLOCKED
    }

    /** @param number what goes out when sent (replacements and insertions applied); @param pstn an {@code L:} rule matched */
    public record Decision(Outcome outcome, String number, boolean pstn) {
        static Decision blocked() {
            return new Decision(Outcome.BLOCKED, "", false);
        }

        /** Whether the digits may be sent as they are now (on the dial key or the timeout). */
        public boolean sendable() {
            return outcome == Outcome.SEND_NOW || outcome == Outcome.MATCH_MAY_GROW;
        }
    }

    public static DialPlan parse(String text) throws DialPlanException {
        return new Parser(text).plan();
    }

    /** The problem with a plan, for the store's validation; empty when it reads. */
    public static Optional<String> problemWith(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (DialPlanException e) {
            return Optional.of("not a dial plan: " + e.getMessage());
        }
    }

    private static DialPlan parseOrThrow(String text) {
        try {
            return parse(text);
        } catch (DialPlanException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the grammar left to right, one rule at a time. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        DialPlan plan() throws DialPlanException {
            skipSpaces();
            expect('{', "a dial plan starts with '{'");
            List<Rule> rules = new ArrayList<>();
            while (true) {
                rules.add(rule());
                skipSpaces();
                if (peek() == '|') {
                    at++;
                    continue;
                }
                expect('}', "expected '|' or '}'");
                skipSpaces();
                if (at < text.length()) {
                    throw new DialPlanException("text after the closing '}'", at + 1);
                }
                return new DialPlan(rules);
            }
        }

        private Rule rule() throws DialPlanException {
            skipSpaces();
            boolean pstn = false;
            if (text.startsWith("L:", at)) {
                pstn = true;
                at += 2;
                skipSpaces();
            }
            boolean blocks = false;
            if (peek() == '^') {
                blocks = true;
                at++;
            }
            List<Element> elements = new ArrayList<>();
            while (true) {
                skipSpaces();
                char c = peek();
                if (c == '|' || c == '}' || c == 0) {
                    break;
                }
                int start = at;
                if (c == '+') {
                    if (elements.isEmpty() || elements.get(elements.size() - 1).insertion()
                            || elements.get(elements.size() - 1).repeats()) {
                        throw new DialPlanException("'+' with nothing to repeat", start + 1);
                    }
                    at++;
                    elements.set(elements.size() - 1, elements.get(elements.size() - 1).repeating());
                    continue;
                }
                if (c == '<') {
                    at++;
                    elements.addAll(replacement(start));
                } else {
                    elements.add(element());
                }
            }
            if (elements.stream().allMatch(Element::insertion)) {
                throw new DialPlanException("an empty rule", at + 1);
            }
            return new Rule(elements, blocks, pstn);
        }

        private Element element() throws DialPlanException {
            char c = peek();
            int start = at;
            at++;
            if (c >= '0' && c <= '9' || c == '*' || c == '#') {
                return Element.of(String.valueOf(c));
            }
            if (c == 'x' || c == 'X') {
                return Element.of(Element.ANY_DIGIT);
            }
            if (c == '\\') {
                char escaped = peek();
                if (escaped == 0) {
                    throw new DialPlanException("'\\' at the end", start + 1);
                }
                at++;
                return Element.of(String.valueOf(escaped));
            }
            if (c == '[') {
                return Element.of(set(start));
            }
            throw new DialPlanException("unexpected '" + c + "'", start + 1);
        }

        private String set(int start) throws DialPlanException {
            StringBuilder keys = new StringBuilder();
            while (peek() != ']') {
                char first = peek();
                if (first == 0) {
                    throw new DialPlanException("'[' without ']'", start + 1);
                }
                if (!isKey(first)) {
                    throw new DialPlanException("'" + first + "' in a set", at + 1);
                }
                at++;
                if (peek() == '-') {
                    at++;
                    char last = peek();
                    if (!(last >= '0' && last <= '9') || !(first >= '0' && first <= '9') || last < first) {
                        throw new DialPlanException("a range must run from a digit up to a digit", at + 1);
                    }
                    at++;
                    for (char d = first; d <= last; d++) {
                        keys.append(d);
                    }
                } else {
                    keys.append(first);
                }
            }
            at++;
            if (keys.isEmpty()) {
                throw new DialPlanException("an empty set", start + 1);
            }
            return keys.toString();
        }

        /** {@code <dialed=sent>}: the dialed keys, the first sending {@code sent} and the others nothing. */
        private List<Element> replacement(int start) throws DialPlanException {
            int close = text.indexOf('>', at);
            int equals = text.indexOf('=', at);
            if (close < 0 || equals < 0 || equals > close) {
                throw new DialPlanException("'<' needs the form <dialed=sent>", start + 1);
            }
            String dialed = text.substring(at, equals).replace(" ", "");
            String sent = text.substring(equals + 1, close).replace(" ", "");
            for (int i = 0; i < dialed.length() + sent.length(); i++) {
                char key = i < dialed.length() ? dialed.charAt(i) : sent.charAt(i - dialed.length());
                if (!isKey(key) && key != '+') {
                    throw new DialPlanException("'" + key + "' in a replacement", start + 2 + i);
                }
            }
            at = close + 1;
            if (dialed.isEmpty()) {
                return List.of(new Element("", false, sent, true));
            }
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < dialed.length(); i++) {
                elements.add(new Element(String.valueOf(dialed.charAt(i)), false, i == 0 ? sent : "", false));
            }
            return elements;
        }

        private static boolean isKey(char c) {
            return c >= '0' && c <= '9' || c == '*' || c == '#';
        }

        private void expect(char wanted, String problem) throws DialPlanException {
            if (peek() != wanted) {
                throw new DialPlanException(problem, at + 1);
            }
            at++;
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : 0;
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
