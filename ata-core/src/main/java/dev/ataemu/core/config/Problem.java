package dev.ataemu.core.config;

/** Why one entry of a batch of changes was refused. */
public record Problem(String key, String value, String reason) {

    @Override
    public String toString() {
        return key + "=" + value + ": " + reason;
    }
}
