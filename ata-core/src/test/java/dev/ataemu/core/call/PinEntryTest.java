package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The gateway's PIN entry on virtual time: the end of an attempt, the tries and the overall limit. */
class PinEntryTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<String> outcome = new ArrayList<>();

    private PinEntry entry() {
        return new PinEntry("2468", scheduler, () -> outcome.add("accepted"), () -> outcome.add("refused"));
    }

    private void keys(PinEntry entry, String keys) {
        for (char key : keys.toCharArray()) {
            entry.key(key);
            scheduler.advance(Duration.ofMillis(300));
        }
    }

    @Test
    @DisplayName("FXO-08 # ends the entry; so do 4 s without a key")
    void endOfEntry() {
        PinEntry hash = entry();
        keys(hash, "2468#");
        assertThat(outcome).containsExactly("accepted");

        outcome.clear();
        PinEntry pause = entry();
        keys(pause, "2468");
        scheduler.advance(Duration.ofMillis(3500));
        assertThat(outcome).as("3.8 s after the last key").isEmpty();
        scheduler.advance(Duration.ofMillis(300));
        assertThat(outcome).containsExactly("accepted");
    }

    @Test
    @DisplayName("FXO-07 FXO-15 a wrong PIN may be tried again; the third wrong one turns the caller away")
    void threeTries() {
        PinEntry entry = entry();
        keys(entry, "1111#");
        keys(entry, "2222#");
        assertThat(outcome).isEmpty();
        keys(entry, "3333#");
        assertThat(outcome).containsExactly("refused");
        keys(entry, "2468#");
        assertThat(outcome).as("nothing after the end").containsExactly("refused");
    }

    @Test
    @DisplayName("FXO-09 without the right PIN within 10 s the caller is turned away")
    void overallTimeout() {
        PinEntry entry = entry();
        keys(entry, "1");
        scheduler.advance(Duration.ofSeconds(9));
        assertThat(outcome).isEmpty();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(outcome).containsExactly("refused");
    }
}
