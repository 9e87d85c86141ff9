package dev.ataemu.media.callerid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.audio.Audio;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallWaitingTest {

    private static final CallerId BOB = CallerId.of("3125550000", "BOB", new DateAndTime(2, 29, 23, 59));

    @Test
    @DisplayName("CALL-15 the call-waiting alert is SAS 440 Hz 300 ms, 100 ms pause, CAS 2130+2750 Hz 80 ms")
    void alertShape() {
        short[] alert = CallWaitingAlert.samples();
        short[] sas = Arrays.copyOfRange(alert, 0, 2400);
        short[] pause = Arrays.copyOfRange(alert, 2400, 3200);
        short[] cas = Arrays.copyOfRange(alert, 3200, alert.length);

        assertThat(alert).hasSize(2400 + 800 + 640);
        assertThat(ToneMeter.dbm0(sas, 440)).isCloseTo(-13, within(0.2));
        assertThat(Audio.rms(pause, 0, pause.length)).isZero();
        assertThat(ToneMeter.dbm0(cas, 2130)).isCloseTo(-13, within(0.3));
        assertThat(ToneMeter.dbm0(cas, 2750)).isCloseTo(-13, within(0.3));
        assertThat(CallWaitingAlert.isAcknowledgement('D')).isTrue();
        assertThat(CallWaitingAlert.isAcknowledgement('A')).isTrue();
        assertThat(CallWaitingAlert.isAcknowledgement('5')).isFalse();
    }

    @Test
    @DisplayName("CALL-15 the CAS detector fires once on the alert, in any framing, and again on the next alert")
    void casDetectorFiresOnTheAlert() {
        int[] fired = new int[1];
        CasDetector detector = new CasDetector(() -> fired[0]++);
        short[] alert = CallWaitingAlert.samples();

        for (int at = 0; at < alert.length; at += 37) {
            detector.process(alert, at, Math.min(37, alert.length - at));
        }
        assertThat(fired[0]).isEqualTo(1);
        detector.process(new short[800]);
        detector.process(alert);
        assertThat(fired[0]).isEqualTo(2);
    }

    @Test
    @DisplayName("CALL-15 the CAS detector ignores the SAS alone, a short dual tone and 60 s of speech-like audio")
    void casDetectorRejects() {
        int[] fired = new int[1];
        CasDetector detector = new CasDetector(() -> fired[0]++);

        detector.process(Arrays.copyOf(CallWaitingAlert.samples(), 3200));
        detector.process(Arrays.copyOf(CallWaitingAlert.cas(), 400));
        detector.process(new short[800]);
        detector.process(SpeechLikeSignal.seconds(60, 2024));

        assertThat(fired[0]).isZero();
    }

    @Test
    @DisplayName("CALL-15 the CAS is detected with speech-like audio 20 dB under it, and down to -35 dBm0 per tone")
    void casDetectorSensitivity() {
        int[] fired = new int[1];
        CasDetector detector = new CasDetector(() -> fired[0]++);
        short[] cas = CallWaitingAlert.cas();
        short[] speech = SpeechLikeSignal.seconds(1, 7);
        // The CAS is -10 dBm0 (two tones at -13), the speech -20 dBm0: scaled 10 dB down it is 20 dB under.
        short[] mixed = Arrays.copyOf(cas, cas.length);
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = Audio.clip(mixed[i] + speech[4000 + i] * Math.pow(10, -10 / 20.0));
        }
        detector.process(mixed);
        short[] weak = new short[cas.length];
        for (int i = 0; i < cas.length; i++) {
            weak[i] = (short) Math.round(cas[i] * Math.pow(10, -22 / 20.0));
        }
        detector.process(new short[800]);
        detector.process(weak);

        assertThat(fired[0]).isEqualTo(2);
    }

    @Test
    @DisplayName("CALL-15 type II data: no seizure, 80 mark bits, read by the phone after its acknowledgement")
    void typeTwoDataIsReceived() {
        CallerIdSignal signal = CallerIdSignals.callWaiting(BOB);
        short[] burst = ((CallerIdSignal.Audio) signal.segments().get(1)).samples();
        LinePlayer.Display display = new LinePlayer.Display();

        LinePlayer.play(signal, new CallerIdReceiver(display));

        assertThat(signal.placement()).isEqualTo(Placement.AFTER_ACKNOWLEDGEMENT);
        assertThat(burst).hasSize((80 + CallerIdMessages.mdmf(BOB).length * 10) * 8000 / 1200);
        assertThat(ToneMeter.dbm0(Arrays.copyOf(burst, 400), 1200)).isCloseTo(-13.5, within(0.3));
        assertThat(display.callers).containsExactly(BOB);
    }
}
