package dev.ataemu.hal.port;

/** The two kinds of analog port: FXS feeds a telephone, FXO connects to a PSTN line. */
public enum PortType {
    FXS,
    FXO
}
