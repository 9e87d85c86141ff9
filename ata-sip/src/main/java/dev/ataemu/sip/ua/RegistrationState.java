package dev.ataemu.sip.ua;

/** Where an account's registration is. */
public enum RegistrationState {
    /** Not registered and not trying (no server, registration off, or stopped after a 403). */
    IDLE,
    /** A REGISTER is on its way. */
    REGISTERING,
    /** The registrar accepted the binding; a refresh is scheduled. */
    REGISTERED,
    /** The last attempt failed; another is scheduled after the retry wait. */
    FAILED
}
