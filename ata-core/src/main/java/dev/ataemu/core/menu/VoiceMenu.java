package dev.ataemu.core.menu;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.media.audio.AudioSource;

/**
 * The voice menu a handset reaches by dialing {@code ***} (IVR-01). The firmware declares it and a
 * front-end above it ({@code ata-ivr}) speaks it; without one, {@code ***} is dialed like any number.
 */
public interface VoiceMenu {

    /** Starts the menu on a line whose phone just dialed {@code ***}; the session gets its keys until it ends. */
    MenuSession open(MenuLine line);

    /**
     * "Device not registered" (IVR-33), in the language the store names: what a lifted phone hears
     * instead of dial tone when its account is not registered and may not call without registration.
     */
    AudioSource notRegistered(ParameterStore store);
}
