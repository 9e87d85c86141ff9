package dev.ataemu.media.callerid;

import static dev.ataemu.media.callerid.CallerIdTiming.*;

import dev.ataemu.media.callerid.CallerIdScheme.Alerting;
import dev.ataemu.media.callerid.CallerIdSignal.Dtmf;
import dev.ataemu.media.callerid.CallerIdSignal.LineReversal;
import dev.ataemu.media.callerid.CallerIdSignal.RingPulse;
import dev.ataemu.media.callerid.CallerIdSignal.Segment;
import dev.ataemu.media.callerid.CallerIdSignal.Silence;
import dev.ataemu.media.fsk.FskModulator;
import dev.ataemu.media.fsk.FskStandard;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the on-line signal for each caller-ID scheme. Bellcore sends MDMF always, so the name and
 * the reasons for absence reach the phone; ETSI, BT and the FSK half of scheme 15 send the ETSI call
 * set-up message; NTT its own framed message.
 */
public final class CallerIdSignals {

    private CallerIdSignals() {
    }

    public static CallerIdSignal callSetup(CallerIdScheme scheme, CallerId id) {
        return callSetup(scheme, id, scheme.dtmfMarkers());
    }

    /** As {@link #callSetup(CallerIdScheme, CallerId)} with the DTMF start/stop digits given (P4661/P4662). */
    public static CallerIdSignal callSetup(CallerIdScheme scheme, CallerId id, DtmfMarkers markers) {
        List<Segment> data = new ArrayList<>();
        if (scheme.modulation().dtmf()) {
            data.add(new Dtmf(DtmfCallerId.encode(dtmfCarryable(id), markers), DTMF_ON_MS, DTMF_OFF_MS));
        }
        if (scheme.modulation() == CallerIdScheme.Modulation.DTMF_AND_V23) {
            data.add(new Silence(DTMF_TO_FSK_MS));
        }
        scheme.modulation().fsk().ifPresent(fsk -> data.add(callSetupBurst(scheme, fsk, id)));
        return switch (scheme.placement()) {
            case AFTER_FIRST_RING -> new CallerIdSignal(Placement.AFTER_FIRST_RING,
                    concat(List.of(new Silence(AFTER_FIRST_RING_MS)), data));
            case AFTER_PRIMARY_RESPONSE -> new CallerIdSignal(Placement.AFTER_PRIMARY_RESPONSE,
                    concat(List.of(new Silence(NTT_RESPONSE_TO_DATA_MS)), data));
            default -> new CallerIdSignal(Placement.BEFORE_FIRST_RING, alerted(scheme, scheme.alerting(), data));
        };
    }

    /**
     * Visual message waiting, sent on-hook without ringing. Bellcore sends it plain (the channel
     * seizure wakes the phone); every other scheme sends the ETSI message in V.23 after its own
     * alerting, or after a DT-AS where the scheme has none (DTMF has no message-waiting format).
     */
    public static CallerIdSignal messageWaiting(CallerIdScheme scheme, boolean waiting) {
        byte[] message = CallerIdMessages.mdmfMessageWaiting(waiting);
        if (scheme == CallerIdScheme.BELLCORE) {
            return new CallerIdSignal(Placement.WITHOUT_RINGING, List.of(burst(FskStandard.BELL_202,
                    FskModulator.BELLCORE_LEVEL_DBM0, SEIZURE_BITS, MARK_BITS, message)));
        }
        Alerting alerting = switch (scheme.alerting()) {
            case NONE, DT_AS -> Alerting.DT_AS;
            case LINE_REVERSAL, LINE_REVERSAL_DT_AS -> Alerting.LINE_REVERSAL_DT_AS;
            case RP_AS -> Alerting.RP_AS;
        };
        Segment data = burst(FskStandard.V23, FskModulator.ETSI_LEVEL_DBM0, SEIZURE_BITS, MARK_BITS, message);
        return new CallerIdSignal(Placement.WITHOUT_RINGING, alerted(scheme, alerting, List.of(data)));
    }

    /** Type II: the data sent once the phone has acknowledged the {@link CallWaitingAlert}. */
    public static CallerIdSignal callWaiting(CallerId id) {
        return new CallerIdSignal(Placement.AFTER_ACKNOWLEDGEMENT, List.of(new Silence(ACKNOWLEDGEMENT_TO_DATA_MS),
                burst(FskStandard.BELL_202, FskModulator.BELLCORE_LEVEL_DBM0, 0, CALL_WAITING_MARK_BITS,
                        CallerIdMessages.mdmf(id))));
    }

    /** The dual-tone alerting signal, 2130 + 2750 Hz. */
    public static short[] dtAs() {
        return ToneBurst.of(ALERT_TONE_DBM0, DT_AS_MS, DT_AS_LOW_HZ, DT_AS_HIGH_HZ);
    }

    private static Segment callSetupBurst(CallerIdScheme scheme, FskStandard fsk, CallerId id) {
        if (scheme == CallerIdScheme.BELLCORE) {
            return burst(fsk, FskModulator.BELLCORE_LEVEL_DBM0, SEIZURE_BITS, MARK_BITS, CallerIdMessages.mdmf(id));
        }
        if (scheme == CallerIdScheme.NTT_JAPAN) {
            return burst(fsk, FskModulator.ETSI_LEVEL_DBM0, 0, NTT_MARK_BITS, NttMessages.encode(id));
        }
        return burst(fsk, FskModulator.ETSI_LEVEL_DBM0, SEIZURE_BITS, MARK_BITS, CallerIdMessages.etsiCallSetup(id));
    }

    private static List<Segment> alerted(CallerIdScheme scheme, Alerting alerting, List<Segment> data) {
        boolean bt = scheme == CallerIdScheme.SIN_227_BT;
        int reversalToAlert = bt ? SIN_227_REVERSAL_TO_ALERT_MS : REVERSAL_TO_ALERT_MS;
        int alertToData = bt ? SIN_227_DT_AS_TO_DATA_MS : DT_AS_TO_DATA_MS;
        List<Segment> before = new ArrayList<>();
        List<Segment> after = new ArrayList<>();
        switch (alerting) {
            case NONE -> { }
            case DT_AS -> before.addAll(List.of(new CallerIdSignal.Audio(dtAs()), new Silence(alertToData)));
            case LINE_REVERSAL -> before.addAll(List.of(new LineReversal(), new Silence(reversalToAlert)));
            case LINE_REVERSAL_DT_AS -> before.addAll(List.of(new LineReversal(), new Silence(reversalToAlert),
                    new CallerIdSignal.Audio(dtAs()), new Silence(alertToData)));
            case RP_AS -> before.addAll(List.of(new RingPulse(RP_AS_MS), new Silence(RP_AS_TO_DATA_MS)));
        }
        after.add(new Silence(bt ? SIN_227_DATA_TO_RING_MS : DATA_TO_RING_MS));
        if (alerting == Alerting.LINE_REVERSAL || alerting == Alerting.LINE_REVERSAL_DT_AS) {
            // Normal polarity again before ringing: the reversal that answers the call is the port's own.
            after.add(new LineReversal());
        }
        return concat(before, data, after);
    }

    private static CallerId dtmfCarryable(CallerId id) {
        return id.number().filter(number -> !DtmfCallerId.canCarry(number)).isPresent()
                ? id.withNumberAbsent(Absence.UNAVAILABLE) : id;
    }

    private static Segment burst(FskStandard fsk, double level, int seizure, int mark, byte[] message) {
        return new CallerIdSignal.Audio(FskModulator.burst(fsk, level, seizure, mark, message));
    }

    @SafeVarargs
    private static List<Segment> concat(List<Segment>... parts) {
        List<Segment> all = new ArrayList<>();
        for (List<Segment> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
