package dev.ataemu.core.config;

/** The web page a P-value is shown on. Port pages are titled per model (FXS PORT1, FXO PORT, ...). */
public enum Page {
    BASIC,
    ADVANCED,
    PORT1,
    PORT2
}
