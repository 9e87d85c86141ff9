package dev.ataemu.core.config;

/** Who may change a P-value through the web pages and the voice menu. */
public enum AccessLevel {
    /** The end-user login may change it (the Basic Settings page). */
    USER,
    /** Only the administrator may change it. */
    ADMIN
}
