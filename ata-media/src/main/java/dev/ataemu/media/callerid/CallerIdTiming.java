package dev.ataemu.media.callerid;

/**
 * The numbers that shape caller-ID signals, with where they come from. Where a standard gives a
 * range the value sits well inside it.
 */
public final class CallerIdTiming {

    /** Channel seizure, alternating bits: GR-30 and EN 300 659-1 both ask for 300. */
    public static final int SEIZURE_BITS = 300;
    /** Mark signal before on-hook data: GR-30 180 bits, EN 300 659-1 180 ± 25. */
    public static final int MARK_BITS = 180;
    /** Mark signal of call-waiting (type II) data, which has no seizure: GR-30 80 bits. */
    public static final int CALL_WAITING_MARK_BITS = 80;
    /** NTT sends no seizure; the mark length is that of spandsp's JCLIP transmitter (NTT's own text not found). */
    public static final int NTT_MARK_BITS = 75;

    /** From the end of the first ring to the data: GR-30 at least 500 ms, EN 300 659-1 500-2000 ms. */
    public static final int AFTER_FIRST_RING_MS = 600;
    /** Line reversal to DT-AS (or to DTMF): EN 300 659-1 at least 100 ms. */
    public static final int REVERSAL_TO_ALERT_MS = 150;
    /** DT-AS length: EN 300 659-1 100 ± 10 ms, inside BT SIN 227's 88-110 ms. */
    public static final int DT_AS_MS = 100;
    /** DT-AS to data: EN 300 659-1 45-500 ms. */
    public static final int DT_AS_TO_DATA_MS = 100;
    /** RP-AS ring pulse: EN 300 659-1 200-300 ms. */
    public static final int RP_AS_MS = 250;
    /** RP-AS to data: EN 300 659-1 500-800 ms. */
    public static final int RP_AS_TO_DATA_MS = 600;
    /** End of data to the first ring: EN 300 659-1 200-500 ms. */
    public static final int DATA_TO_RING_MS = 300;
    /** Between the DTMF string and the FSK repeat of scheme 15. */
    public static final int DTMF_TO_FSK_MS = 200;

    /** BT SIN 227, from a UK telco profile: reversal, 300 ms, DT-AS, 150 ms, data, 400 ms to ring. */
    public static final int SIN_227_REVERSAL_TO_ALERT_MS = 300;
    public static final int SIN_227_DT_AS_TO_DATA_MS = 150;
    public static final int SIN_227_DATA_TO_RING_MS = 400;

    /** DTMF caller ID tone and pause: 70 ms each, typical of ETSI networks; Denmark needs at least 50. */
    public static final int DTMF_ON_MS = 70;
    public static final int DTMF_OFF_MS = 70;

    /** Type II: from the phone's acknowledgement to the data; GR-30 allows up to 500 ms. */
    public static final int ACKNOWLEDGEMENT_TO_DATA_MS = 100;
    /** NTT: from the phone's primary response to the data (NTT's own figure not found). */
    public static final int NTT_RESPONSE_TO_DATA_MS = 100;

    /** DT-AS and CAS level, per tone: spandsp's alert generator uses -13 dBm0. */
    public static final double ALERT_TONE_DBM0 = -13;
    public static final double DT_AS_LOW_HZ = 2130;
    public static final double DT_AS_HIGH_HZ = 2750;

    private CallerIdTiming() {
    }
}
