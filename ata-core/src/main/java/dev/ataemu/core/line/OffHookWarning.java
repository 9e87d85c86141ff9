package dev.ataemu.core.line;

import dev.ataemu.core.dialplan.DialPlan;
import dev.ataemu.hal.fxs.FxsPort;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A phone left off hook: dial tone times out to reorder, and reorder or busy to the howler. */
final class OffHookWarning {

    // The warning is the line's own doing: its log keeps the line's name.
    private static final Logger LOG = LoggerFactory.getLogger(FxsLine.class);
    /** Dial tone with no key for this long gives the reorder tone (PLAT-71). */
    static final java.time.Duration DIAL_TONE_TIMEOUT = java.time.Duration.ofSeconds(30);
    /** A phone left off hook on the reorder or busy tone this long hears the howler. */
    static final java.time.Duration HOWLER_AFTER = java.time.Duration.ofSeconds(60);
    /** The receiver off-hook tone: four tones, 100 ms on and off (Telcordia GR-506; quieter here, so the sum does not clip). */
    private static final String HOWLER = "f1=1400@-6,f2=2060@-6,f3=2450@-6,f4=2600@-6,c=100/100;";

    private final FxsLine line;
    private final Dialing dialing;
    private dev.ataemu.time.Scheduler.Timer offHookTimer;

    OffHookWarning(FxsLine line, Dialing dialing) {
        this.line = line;
        this.dialing = dialing;
    }

    /** Starts the warning's wait for the state the line just entered, ending the one before. */
    void follow(LineState state) {
        if (offHookTimer != null) {
            offHookTimer.cancel();
            offHookTimer = null;
        }
        FxsPort port = line.port();
        if (state == LineState.DIAL_TONE) {
            offHookTimer = port.scheduler().schedule(DIAL_TONE_TIMEOUT, () -> {
                if (line.state() == LineState.DIAL_TONE) {
                    LOG.info("port {}: no key after {} s of dial tone", line.index(), DIAL_TONE_TIMEOUT.toSeconds());
                    dialing.refuseNumber(new DialPlan.Decision(DialPlan.Outcome.NO_MATCH, "", false));
                }
            });
        } else if (state == LineState.OFF_HOOK_IDLE) {
            offHookTimer = port.scheduler().schedule(HOWLER_AFTER, () -> {
                if (line.state() == LineState.OFF_HOOK_IDLE && port.hookState() == HookState.OFF_HOOK) {
                    LOG.info("port {}: left off hook; howler", line.index());
                    port.play(new ToneGenerator(ToneSpec.parse(HOWLER)));
                }
            });
        }
    }
}
