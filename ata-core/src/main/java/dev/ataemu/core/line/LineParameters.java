package dev.ataemu.core.line;

/**
 * Where each port's analog-line settings live in the P-value space (port 1 and port 2 use parallel
 * numbers; a model that lacks one keeps the hardware default).
 */
public record LineParameters(
        int hookFlashEnabled,
        int flashMinMs,
        int flashMaxMs,
        int onHookMs,
        int pulseDialing,
        int txGain,
        int rxGain,
        int callerIdScheme,
        int dtmfCallerIdStart,
        int dtmfCallerIdStop,
        int polarityReversal,
        int loopCurrentDisconnect,
        int loopCurrentDisconnectMs,
        int disableCallWaitingCallerId,
        int disableCallWaitingTone,
        int disableVisualMwi,
        int firstRingTone,
        int firstDistinctiveChoice,
        int noKeyEntryTimeout,
        int useHashAsDialKey,
        int dialPlan,
        int dialPlanPrefix,
        int callFeatures,
        int autoDial,
        int autoDialDelay,
        int earlyDial,
        int disableLineEchoCanceller) {

    public static final LineParameters PORT1 = new LineParameters(4424, 251, 252, 833, 20521, 247, 249, 853,
            4661, 4662, 205, 892, 856, 714, 186, 855, 4010, 870, 85, 72, 4200, 66, 191, 71, 4045, 29, 824);
    public static final LineParameters PORT2 = new LineParameters(4425, 811, 812, 834, 20522, 248, 283, 863,
            4663, 4664, 865, 893, 857, 823, 817, 869, 4030, 880, 292, 772, 4201, 766, 751, 771, 4046, 729, 825);

    /** The system-wide tones and the ring cadence, shared by the ports. */
    public static final int DIAL_TONE = 4000;
    public static final int RINGBACK_TONE = 4001;
    public static final int BUSY_TONE = 4002;
    public static final int REORDER_TONE = 4003;
    public static final int CONFIRMATION_TONE = 4004;
    public static final int CALL_WAITING_TONE = 4005;
    public static final int SYSTEM_RING_CADENCE = 4040;

    public static LineParameters of(int port) {
        return switch (port) {
            case 1 -> PORT1;
            case 2 -> PORT2;
            default -> throw new IllegalArgumentException("no port " + port);
        };
    }
}
