package dev.ataemu.media.callerid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.callerid.CallerIdScheme.Alerting;
import dev.ataemu.media.callerid.CallerIdSignal.Audio;
import dev.ataemu.media.callerid.CallerIdSignal.LineReversal;
import dev.ataemu.media.callerid.CallerIdSignal.RingPulse;
import dev.ataemu.media.callerid.CallerIdSignal.Segment;
import dev.ataemu.media.callerid.CallerIdSignal.Silence;
import dev.ataemu.media.fsk.FskStandard;
import dev.ataemu.media.fsk.TestAudio;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallerIdSignalsTest {

    private static final CallerId ALICE = CallerId.of("6265551234", "ALICE", new DateAndTime(11, 21, 15, 30));
    private static final CallerId NUMBER_ONLY = CallerId.empty().withNumber("6265551234");

    @Test
    @DisplayName("CALL-13 Bellcore: 600 ms after the first ring, 300 seizure + 180 mark bits and MDMF at -13.5 dBm0")
    void bellcoreSignalShape() {
        CallerIdSignal signal = CallerIdSignals.callSetup(CallerIdScheme.BELLCORE, ALICE);

        assertThat(signal.placement()).isEqualTo(Placement.AFTER_FIRST_RING);
        assertThat(signal.segments()).hasSize(2);
        assertThat(signal.segments().get(0)).isEqualTo(new Silence(600));
        short[] burst = ((Audio) signal.segments().get(1)).samples();
        int bits = 300 + 180 + CallerIdMessages.mdmf(ALICE).length * 10;
        assertThat(burst).hasSize(bits * 8000 / 1200);
        short[] markSignal = java.util.Arrays.copyOfRange(burst, 300 * 8000 / 1200 + 8, 480 * 8000 / 1200 - 8);
        assertThat(dev.ataemu.media.audio.Audio.dbm0OfRms(dev.ataemu.media.audio.Audio.rms(markSignal, 0,
                markSignal.length))).isCloseTo(-13.5, within(0.1));
    }

    @Test
    @DisplayName("CALL-13 a Bellcore signal read by the receiver gives number, name and date-time")
    void bellcoreIsReceived() {
        LinePlayer.Display display = new LinePlayer.Display();
        LinePlayer.play(CallerIdSignals.callSetup(CallerIdScheme.BELLCORE, ALICE), new CallerIdReceiver(display));

        assertThat(display.callers).containsExactly(ALICE);
        assertThat(display.rejected).isEmpty();
    }

    @Test
    @DisplayName("CALL-13 a Bellcore signal with white noise at 20 dB SNR is still read exactly")
    void bellcoreThroughNoise() {
        CallerIdSignal signal = CallerIdSignals.callSetup(CallerIdScheme.BELLCORE, ALICE);
        short[] burst = ((Audio) signal.segments().get(1)).samples();
        LinePlayer.Display display = new LinePlayer.Display();

        LinePlayer.frames(TestAudio.withNoise(LinePlayer.audio(signal), burst, 20, 7), new CallerIdReceiver(display));

        assertThat(display.callers).containsExactly(ALICE);
    }

    @ParameterizedTest
    @EnumSource(CallerIdScheme.class)
    @DisplayName("HW-33 every scheme's signal is read back by a receiver listening for everything")
    void everySchemeIsReceived(CallerIdScheme scheme) {
        LinePlayer.Display display = new LinePlayer.Display();
        LinePlayer.play(CallerIdSignals.callSetup(scheme, ALICE), new CallerIdReceiver(display));

        List<CallerId> expected = switch (scheme.modulation()) {
            case DTMF -> List.of(NUMBER_ONLY);
            case DTMF_AND_V23 -> List.of(NUMBER_ONLY, ALICE);
            default -> List.of(scheme == CallerIdScheme.NTT_JAPAN ? NUMBER_ONLY : ALICE);
        };
        assertThat(display.callers).isEqualTo(expected);
        assertThat(display.rejected).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CallerIdScheme.class)
    @DisplayName("HW-30 a receiver set to the scheme (as the HT813 FXO port is) reads it too")
    void schemeReceiverReadsItsScheme(CallerIdScheme scheme) {
        LinePlayer.Display display = new LinePlayer.Display();
        CallerIdReceiver receiver = CallerIdReceiver.forScheme(scheme, scheme.dtmfMarkers(), display);
        LinePlayer.play(CallerIdSignals.callSetup(scheme, ALICE), receiver);

        assertThat(display.callers).isNotEmpty();
        assertThat(display.callers.get(0).number()).contains("6265551234");
    }

    @ParameterizedTest
    @EnumSource(CallerIdScheme.class)
    @DisplayName("HW-33 DT-AS (2130 + 2750 Hz, 100 ms, -13 dBm0 each) precedes the data exactly where the scheme needs it")
    void dtAsWhereNeeded(CallerIdScheme scheme) {
        List<Segment> segments = CallerIdSignals.callSetup(scheme, ALICE).segments();
        List<short[]> tones = segments.stream().filter(Audio.class::isInstance).map(s -> ((Audio) s).samples())
                .filter(samples -> samples.length == 800).toList();
        boolean needsDtAs = scheme.alerting() == Alerting.DT_AS || scheme.alerting() == Alerting.LINE_REVERSAL_DT_AS;

        assertThat(tones).hasSize(needsDtAs ? 1 : 0);
        if (needsDtAs) {
            short[] tone = tones.get(0);
            assertThat(ToneMeter.dbm0(tone, 2130)).isCloseTo(-13, within(0.3));
            assertThat(ToneMeter.dbm0(tone, 2750)).isCloseTo(-13, within(0.3));
            assertThat(ToneMeter.dbm0(tone, 1300)).isLessThan(-40);
        }
    }

    @Test
    @DisplayName("HW-33 ETSI prior to ringing with LR: reversal, DT-AS, FSK, then normal polarity before the ring")
    void etsiLineReversalShape() {
        CallerIdSignal signal = CallerIdSignals.callSetup(CallerIdScheme.ETSI_FSK_PRIOR_TO_RINGING_LR, ALICE);

        assertThat(signal.placement()).isEqualTo(Placement.BEFORE_FIRST_RING);
        List<Segment> segments = signal.segments();
        assertThat(segments.get(0)).isEqualTo(new LineReversal());
        assertThat(segments.get(1)).isEqualTo(new Silence(150));
        assertThat(segments.get(3)).isEqualTo(new Silence(100));
        assertThat(segments.get(5)).isEqualTo(new Silence(300));
        assertThat(segments.get(6)).isEqualTo(new LineReversal());
        assertThat(segments).hasSize(7);
    }

    @Test
    @DisplayName("HW-33 ETSI prior to ringing with RP-AS: a 250 ms ring pulse, 600 ms, then the FSK")
    void ringPulseShape() {
        List<Segment> segments = CallerIdSignals.callSetup(CallerIdScheme.ETSI_FSK_PRIOR_TO_RINGING_RP, ALICE)
                .segments();

        assertThat(segments.subList(0, 2)).containsExactly(new RingPulse(250), new Silence(600));
        assertThat(segments.get(2)).isInstanceOf(Audio.class);
    }

    @Test
    @DisplayName("DTMF-08 DTMF schemes send the string as digits, honouring P4661/P4662 overrides")
    void dtmfSegments() {
        CallerIdSignal denmark = CallerIdSignals.callSetup(CallerIdScheme.DTMF_DENMARK_LR, ALICE);
        CallerIdSignal overridden = CallerIdSignals.callSetup(CallerIdScheme.ETSI_DTMF_DURING_RINGING, ALICE,
                CallerIdScheme.ETSI_DTMF_DURING_RINGING.dtmfMarkers().overriddenBy(4, 3));
        CallerIdSignal sipName = CallerIdSignals.callSetup(CallerIdScheme.DTMF_BRAZIL,
                CallerId.empty().withNumber("alice"));

        assertThat(denmark.segments()).contains(new CallerIdSignal.Dtmf("A6265551234#", 70, 70));
        assertThat(overridden.segments()).contains(new CallerIdSignal.Dtmf("D6265551234C", 70, 70));
        assertThat(sipName.segments()).contains(new CallerIdSignal.Dtmf("B00C", 70, 70));
    }

    @ParameterizedTest
    @EnumSource(CallerIdScheme.class)
    @DisplayName("CALL-31 visual message waiting on and off reaches the phone in every scheme")
    void messageWaitingRoundTrip(CallerIdScheme scheme) {
        LinePlayer.Display display = new LinePlayer.Display();
        CallerIdReceiver receiver = new CallerIdReceiver(display);

        CallerIdSignal on = CallerIdSignals.messageWaiting(scheme, true);
        LinePlayer.play(on, receiver);
        LinePlayer.play(CallerIdSignals.messageWaiting(scheme, false), receiver);

        assertThat(on.placement()).isEqualTo(Placement.WITHOUT_RINGING);
        assertThat(display.lamps).containsExactly(true, false);
    }

    @Test
    @DisplayName("HW-30 both modems read a Bell 202 burst, and the receiver reports it once")
    void bothModemsOneReport() {
        CallerIdSignal bellcore = CallerIdSignals.callSetup(CallerIdScheme.BELLCORE, ALICE);
        LinePlayer.Display v23Display = new LinePlayer.Display();
        LinePlayer.Display bothDisplay = new LinePlayer.Display();

        LinePlayer.play(bellcore, new CallerIdReceiver(Set.of(FskStandard.V23), Optional.empty(), v23Display));
        LinePlayer.play(bellcore, new CallerIdReceiver(bothDisplay));

        assertThat(v23Display.callers).containsExactly(ALICE);
        assertThat(bothDisplay.callers).containsExactly(ALICE);
    }
}
