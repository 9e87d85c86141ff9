package dev.ataemu.media.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.media.events.TelephoneEvent;
import dev.ataemu.media.events.TelephoneEventReceiver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** RFC 4733 telephone-event payloads and the receiver that turns a stream of them into key presses. */
class TelephoneEventFuzzTest {

    @DisplayName("DTMF-01 an RFC 2833 payload decodes, or is refused with IllegalArgumentException, and re-encodes as sent")
    @FuzzTest
    void payload(byte[] payload) {
        TelephoneEvent event;
        try {
            event = TelephoneEvent.decode(payload);
        } catch (IllegalArgumentException refused) {
            assertThat(payload.length).isNotEqualTo(TelephoneEvent.LENGTH);
            return;
        }
        byte[] again = event.encode();
        byte[] expected = payload.clone();
        expected[1] &= (byte) 0xBF; // the reserved bit is not kept (RFC 4733 section 2.3)
        assertThat(again).isEqualTo(expected);
    }

    @DisplayName("DTMF-01 any sequence of event packets, in any order and timing, yields well-formed key reports")
    @FuzzTest
    void receiver(FuzzedDataProvider data) {
        TelephoneEventReceiver receiver = new TelephoneEventReceiver(data.consumeInt(1, 2_000));
        List<TelephoneEventReceiver.Report> reports = new ArrayList<>();
        long now = 0;
        while (data.remainingBytes() > 0) {
            now += data.consumeInt(0, 500);
            if (data.consumeBoolean()) {
                reports.addAll(receiver.poll(now));
                continue;
            }
            TelephoneEvent event = new TelephoneEvent(data.consumeInt(0, 255), data.consumeBoolean(),
                    data.consumeInt(0, 63), data.consumeInt(0, TelephoneEvent.MAX_DURATION));
            reports.addAll(receiver.receive(data.consumeLong() & 0xFFFFFFFFL, data.consumeBoolean(), event, now));
        }
        reports.addAll(receiver.reset());
        for (TelephoneEventReceiver.Report report : reports) {
            if (report instanceof TelephoneEventReceiver.Began began) {
                assertThat(began.event()).isBetween(0, 255);
            } else if (report instanceof TelephoneEventReceiver.Ended ended) {
                assertThat(ended.event()).isBetween(0, 255);
                assertThat(ended.duration()).isNotNegative();
            }
        }
    }
}
