package dev.ataemu.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.dialplan.DialPlan;
import dev.ataemu.core.dialplan.DialPlanException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;

/**
 * The dial plan (P4200/P4201) as typed into the settings, and the digits dialed against it. An
 * input is the plan, a line break, then the keys pressed.
 */
class DialPlanFuzzTest {

    private static final String KEYS = "0123456789*#";

    @DisplayName("DP-02 a dial plan parses or is refused with DialPlanException, and every dialed prefix gets a decision")
    @FuzzTest
    void plan(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String planText = newline < 0 ? text : text.substring(0, newline);
        String keys = newline < 0 ? "" : text.substring(newline + 1);
        DialPlan plan;
        try {
            plan = DialPlan.parse(planText);
        } catch (DialPlanException refused) {
            assertThat(DialPlan.problemWith(planText)).isPresent();
            return;
        }
        assertThat(DialPlan.problemWith(planText)).isEmpty();
        StringBuilder dialed = new StringBuilder();
        for (char key : keys.toCharArray()) {
            if (KEYS.indexOf(key) < 0 || dialed.length() == 64) {
                continue;
            }
            dialed.append(key);
            DialPlan.Decision decision = plan.decide(dialed.toString());
            assertThat(decision.outcome()).isNotNull();
            if (decision.sendable()) {
                assertThat(decision.number()).isNotNull();
            } else {
                assertThat(decision.number()).isEmpty();
            }
        }
    }
}
