package dev.ataemu.media.callerid;

import dev.ataemu.media.fsk.FskStandard;

/**
 * The Bellcore type II (call-waiting caller ID) alert, sent while the far end is muted: the
 * subscriber alerting signal (SAS, the call-waiting beep the user hears), a pause, then the CPE
 * alerting signal (CAS) that asks the phone to acknowledge with DTMF 'D' or 'A'. Once acknowledged,
 * the data follows as {@link CallerIdSignals#callWaiting(CallerId)}.
 */
public final class CallWaitingAlert {

    /** SAS: 440 Hz, 300 ms, at the level of the default call-waiting tone (P4005 {@code f1=440@-13}). */
    public static final double SAS_HZ = 440;
    public static final int SAS_MS = 300;
    public static final double SAS_DBM0 = -13;
    /** Silence between SAS and CAS (the spec notes at least 100 ms before the CAS). */
    public static final int SAS_TO_CAS_MS = 100;
    /** CAS: 2130 + 2750 Hz for 80 ms (GR-30 75-85 ms). */
    public static final int CAS_MS = 80;
    /** The data modem used after the acknowledgement. */
    public static final FskStandard DATA_MODEM = FskStandard.BELL_202;

    private CallWaitingAlert() {
    }

    /** SAS, pause and CAS, ready to play into the call. */
    public static short[] samples() {
        short[] sas = ToneBurst.of(SAS_DBM0, SAS_MS, SAS_HZ);
        short[] cas = cas();
        short[] out = new short[sas.length + CallerIdSignal.samplesOf(SAS_TO_CAS_MS) + cas.length];
        System.arraycopy(sas, 0, out, 0, sas.length);
        System.arraycopy(cas, 0, out, out.length - cas.length, cas.length);
        return out;
    }

    /** The CAS alone. */
    public static short[] cas() {
        return ToneBurst.of(CallerIdTiming.ALERT_TONE_DBM0, CAS_MS, CallerIdTiming.DT_AS_LOW_HZ,
                CallerIdTiming.DT_AS_HIGH_HZ);
    }

    /** Whether a DTMF digit from the phone acknowledges the CAS: 'D' (most phones) or 'A'. */
    public static boolean isAcknowledgement(char digit) {
        return digit == 'D' || digit == 'A';
    }
}
