package dev.ataemu.core.device;

/** Whether a port's SIP account is registered, worded as the status page words it. */
public enum RegistrationState {
    NOT_REGISTERED("Not Registered"),
    REGISTERED("Registered");

    private final String statusText;

    RegistrationState(String statusText) {
        this.statusText = statusText;
    }

    public String statusText() {
        return statusText;
    }
}
