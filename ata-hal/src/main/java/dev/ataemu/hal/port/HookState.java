package dev.ataemu.hal.port;

/** The loop state of an analog port, worded as the status page words it. */
public enum HookState {
    ON_HOOK("On Hook"),
    OFF_HOOK("Off Hook");

    private final String statusText;

    HookState(String statusText) {
        this.statusText = statusText;
    }

    public String statusText() {
        return statusText;
    }
}
