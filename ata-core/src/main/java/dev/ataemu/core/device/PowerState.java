package dev.ataemu.core.device;

/** Where a device is in its life: unplugged, starting up, or running. */
public enum PowerState {
    OFF,
    BOOTING,
    READY
}
