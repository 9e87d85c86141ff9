package dev.ataemu.core.device;

/** The device-wide P-values that the emulator's own code reads by number. */
public final class SystemParameters {

    /** Admin password for the web interface (also the emulator API's password). */
    public static final int ADMIN_PASSWORD = 2;
    /** End-user password. */
    public static final int USER_PASSWORD = 196;
    /** HTTP web port. */
    public static final int HTTP_PORT = 901;

    private SystemParameters() {
    }
}
