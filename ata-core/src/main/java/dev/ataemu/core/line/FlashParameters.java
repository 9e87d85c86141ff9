package dev.ataemu.core.line;

/** Where each port's hook-flash feature settings live in the P-value space (port 1, port 2). */
record FlashParameters(
        int holdTargetBeforeRefer,
        int transferOnConferenceHangup,
        int disableConference,
        int disableReminderRing,
        int flashDigitControl) {

    static final FlashParameters PORT1 = new FlashParameters(26003, 4560, 4830, 4360, 28080);
    static final FlashParameters PORT2 = new FlashParameters(26103, 4561, 4831, 4361, 28081);

    static FlashParameters of(int port) {
        return port == 1 ? PORT1 : PORT2;
    }
}
