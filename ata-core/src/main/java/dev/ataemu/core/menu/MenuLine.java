package dev.ataemu.core.menu;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.time.Scheduler;

/**
 * What the voice menu may do with the line it answers and with the device: read and change the
 * P-values, play into the earpiece, and hand the line back for a call. Every method runs on the
 * device's scheduler, and the menu's own timers must too.
 */
public interface MenuLine {

    /** The FXS port whose phone is in the menu. */
    int port();

    ParameterStore store();

    Scheduler scheduler();

    MenuDevice device();

    /** Plays {@code audio} into the earpiece, in place of whatever played before. */
    void play(AudioSource audio);

    /**
     * Option 47 (IVR-28): the menu ends and the phone hears dial tone; the keys that follow are a
     * star-encoded address, as after {@code *47}.
     */
    void directIpCall();

    /** Option 86 (IVR-29): the menu ends and the line calls the account's voicemail. */
    void voicemail();
}
