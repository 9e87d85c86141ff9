package dev.ataemu.media.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.dtmf.DtmfDigit;
import dev.ataemu.media.events.TelephoneEventReceiver.Began;
import dev.ataemu.media.events.TelephoneEventReceiver.Ended;
import dev.ataemu.media.events.TelephoneEventReceiver.Ending;
import dev.ataemu.media.events.TelephoneEventReceiver.Report;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TelephoneEventReceiverTest {

    private final TelephoneEventSender sender = new TelephoneEventSender(20, 8, 3, true);
    private final TelephoneEventReceiver receiver = new TelephoneEventReceiver();
    private final List<Report> reports = new ArrayList<>();

    /** Delivers packets at their send time plus {@code startMs}, then lets the clock run 1 s. */
    private void deliver(List<EventPacket> packets, long startMs) {
        long now = startMs;
        for (EventPacket p : packets) {
            now = Math.max(now, startMs + p.atMs());
            reports.addAll(receiver.poll(now));
            reports.addAll(receiver.receive(p.timestamp(), p.marker(), p.event(), now));
        }
        for (long t = now; t < now + 1000; t += 20) {
            reports.addAll(receiver.poll(t));
        }
    }

    private List<EventPacket> press(char key, long timestamp, int ms) {
        return new ArrayList<>(sender.press(DtmfDigit.of(key), timestamp, ms));
    }

    @Test
    @DisplayName("DTMF-07 a clean press is reported once at its first packet and once at its end")
    void cleanPress() {
        deliver(press('7', 8000, 200), 0);
        assertThat(reports).containsExactly(new Began(7, 8000), new Ended(7, 8000, 1600, Ending.END_PACKET));
        assertThat(((Ended) reports.get(1)).durationMs()).isEqualTo(200);
    }

    @Test
    @DisplayName("DTMF-07 the first packet lost: the press begins at the next, with the right digit")
    void firstPacketLost() {
        List<EventPacket> packets = press('#', 1600, 200);
        packets.remove(0);
        deliver(packets, 0);
        assertThat(reports).containsExactly(new Began(11, 1600), new Ended(11, 1600, 1600, Ending.END_PACKET));
    }

    @Test
    @DisplayName("DTMF-07 all end packets lost: the press ends by timeout with the last duration heard")
    void endPacketsLost() {
        List<EventPacket> packets = press('A', 0, 200);
        deliver(packets.subList(0, packets.size() - 3), 0);
        assertThat(reports).containsExactly(new Began(12, 0), new Ended(12, 0, 1600, Ending.TIMEOUT));
    }

    @Test
    @DisplayName("DTMF-07 all end packets of one press lost, the next press follows: both reported, in order")
    void nextPressEndsTheUnfinishedOne() {
        List<EventPacket> first = press('1', 0, 100);
        deliver(first.subList(0, first.size() - 3), 0);
        reports.clear();
        TelephoneEventReceiver quick = new TelephoneEventReceiver(10_000);
        List<Report> seen = new ArrayList<>();
        for (EventPacket p : first.subList(0, first.size() - 3)) {
            seen.addAll(quick.receive(p.timestamp(), p.marker(), p.event(), p.atMs()));
        }
        for (EventPacket p : press('2', 4000, 100)) {
            seen.addAll(quick.receive(p.timestamp(), p.marker(), p.event(), 500 + p.atMs()));
        }
        assertThat(seen).containsExactly(new Began(1, 0), new Ended(1, 0, 1280, Ending.NEXT_EVENT), new Began(2, 4000),
                new Ended(2, 4000, 1280, Ending.END_PACKET));
    }

    @Test
    @DisplayName("DTMF-07 reordered and repeated packets of a string of presses: one report each, right digits and durations")
    void reorderedAndDuplicated() {
        Random random = new Random(7);
        String keys = "159*0#D";
        List<EventPacket> all = new ArrayList<>();
        long ts = 0;
        long at = 0;
        for (char key : keys.toCharArray()) {
            for (EventPacket p : press(key, ts, 100 + 40 * (key % 5))) {
                all.add(new EventPacket(at + p.atMs(), p.timestamp(), p.marker(), p.event()));
            }
            at += 600;
            ts += 600 * 8;
        }
        List<EventPacket> network = new ArrayList<>();
        for (EventPacket p : all) {
            network.add(p);
            if (random.nextInt(10) == 0) {
                network.add(p);
            }
        }
        // swap neighbours here and there, within a press and across the end packets
        for (int i = 1; i < network.size(); i += 3 + random.nextInt(4)) {
            Collections.swap(network, i - 1, i);
        }
        for (EventPacket p : network) {
            reports.addAll(receiver.receive(p.timestamp(), p.marker(), p.event(), p.atMs()));
        }

        assertThat(reports).hasSize(2 * keys.length());
        for (int i = 0; i < keys.length(); i++) {
            char key = keys.charAt(i);
            int code = TelephoneEvent.codeOf(DtmfDigit.of(key));
            int held = Math.max(8, (100 + 40 * (key % 5) + 19) / 20);
            assertThat(reports.get(2 * i)).isEqualTo(new Began(code, i * 4800L));
            assertThat(reports.get(2 * i + 1)).isEqualTo(new Ended(code, i * 4800L, held * 160L, Ending.END_PACKET));
        }
    }

    @Test
    @DisplayName("DTMF-05 a hook flash (event 16) is a press like the keys, and stale packets change nothing")
    void flashAndStalePackets() {
        List<EventPacket> flash = sender.flash(100, 600);
        deliver(flash, 0);
        EventPacket stale = flash.get(3);
        reports.addAll(receiver.receive(stale.timestamp(), stale.marker(), stale.event(), 5000));
        assertThat(reports).containsExactly(new Began(16, 100), new Ended(16, 100, 4800, Ending.END_PACKET));
    }

    @Test
    @DisplayName("DTMF-07 a 10 s press in two segments is one press of 10 s; timestamps wrap")
    void longPressIsOnePress() {
        deliver(press('0', 0xFFFF_0000L, 10_000), 0);
        assertThat(reports).containsExactly(new Began(0, 0xFFFF_0000L), new Ended(0, 0xFFFF_0000L, 80_000, Ending.END_PACKET));
    }
}
