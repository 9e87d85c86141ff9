package dev.ataemu.core.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ataemu.core.dialplan.DialPlan.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dial plan grammar against every example of the manuals, the factory plans and the edge cases. */
class DialPlanTest {

    @ParameterizedTest(name = "{0} with {1}: {2} {3}")
    @DisplayName("DP-01 DP-02 DP-03 DP-04 DP-05 DP-06 DP-07 DP-08 DP-09 DP-10 DP-11 DP-12 DP-13 DP-14 DP-18 DP-20 dial plan decisions")
    @CsvSource(delimiter = ';', value = {
        // DP-11 example 1
        "{[369]11 | 1617xxxxxxx}; 911; SEND_NOW; 911",
        "{[369]11 | 1617xxxxxxx}; 311; SEND_NOW; 311",
        "{[369]11 | 1617xxxxxxx}; 411; NO_MATCH; ''",
        "{[369]11 | 1617xxxxxxx}; 1617555; NEEDS_MORE; ''",
        "{[369]11 | 1617xxxxxxx}; 16175551234; SEND_NOW; 16175551234",
        "{[369]11 | 1617xxxxxxx}; 161755512345; NO_MATCH; ''",
        "{[369]11 | 1617xxxxxxx}; 1508; NO_MATCH; ''",
        // DP-12 example 2
        "{^1900x+ | <=1617>xxxxxxx}; 19005551; BLOCKED; ''",
        "{^1900x+ | <=1617>xxxxxxx}; 5551234; SEND_NOW; 16175551234",
        "{^1900x+ | <=1617>xxxxxxx}; 555123; NEEDS_MORE; ''",
        // DP-13 example 3
        "{1xxx[2-9]xxxxxx | <2=011>x+}; 16175551234; SEND_NOW; 16175551234",
        "{1xxx[2-9]xxxxxx | <2=011>x+}; 16171551234; NO_MATCH; ''",
        "{1xxx[2-9]xxxxxx | <2=011>x+}; 24420; MATCH_MAY_GROW; 0114420",
        "{1xxx[2-9]xxxxxx | <2=011>x+}; 2; NEEDS_MORE; ''",
        // DP-14 the default, and the factory plans
        "{x+}; 1002; MATCH_MAY_GROW; 1002",
        "{ x+ | *x+ }; *98; MATCH_MAY_GROW; *98",
        "{ x+ | \\+x+ | *x+ | *xx*x+ }; +4930123; MATCH_MAY_GROW; +4930123",
        "{ x+ | \\+x+ | *x+ | *xx*x+ }; *72*100; MATCH_MAY_GROW; *72*100",
        "{ x+ | \\+x+ | *x+ | *xx*x+ }; #; NO_MATCH; ''",
        // sets, ranges, multi-key replacement, spaces
        "{ [147]xx }; 700; SEND_NOW; 700",
        "{ [147]xx }; 800; NO_MATCH; ''",
        "{ <00=+>x+ }; 004930; MATCH_MAY_GROW; +4930",
        "{ 9 <=1> xxx }; 9555; SEND_NOW; 91555",
        "{ x+ | ^911 }; 911; BLOCKED; ''",
        "{ x+ | ^911 }; 9111; MATCH_MAY_GROW; 9111",
    })
    void decides(String plan, String digits, Outcome outcome, String sent) throws Exception {
        DialPlan.Decision decision = DialPlan.parse(plan).decide(digits);
        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.number()).isEqualTo(sent);
    }

    @ParameterizedTest(name = "{0} with {1}: pstn {2}")
    @DisplayName("DP-15 DP-16 DP-17 L: rules route to the PSTN line, ahead of a VoIP rule in either order")
    @CsvSource(delimiter = ';', value = {
        "{L: 617x+ | x+}; 6175551; true",
        "{x+ | L: 617x+}; 6175551; true",
        "{x+ | L: 617x+}; 5085551; false",
        "{ L: 911x+ | x+ }; 911; false",
        "{ L: 911 | L: 911x+ | x+ }; 911; true",
    })
    void routesToPstn(String plan, String digits, boolean pstn) throws Exception {
        DialPlan.Decision decision = DialPlan.parse(plan).decide(digits);
        assertThat(decision.sendable()).isTrue();
        assertThat(decision.pstn()).isEqualTo(pstn);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("DP-02 malformed dial plans are refused with the position of the problem")
    @CsvSource(delimiter = ';', value = {
        "x+; a dial plan starts with '{' at position 1",
        "{x+; expected '|' or '}' at position 4",
        "{x+} extra; text after the closing '}' at position 6",
        "{+x}; '+' with nothing to repeat at position 2",
        "{x++}; '+' with nothing to repeat at position 4",
        "{[9-3]x}; a range must run from a digit up to a digit at position 5",
        "{[12x}; 'x' in a set at position 5",
        "{[]x}; an empty set at position 2",
        "{x+ | }; an empty rule at position 7",
        "{<2011>x+}; '<' needs the form <dialed=sent> at position 2",
        "{x+ | a}; unexpected 'a' at position 7",
    })
    void refusesMalformedPlans(String plan, String problem) {
        assertThatThrownBy(() -> DialPlan.parse(plan)).isInstanceOf(DialPlanException.class).hasMessage(problem);
    }
}
