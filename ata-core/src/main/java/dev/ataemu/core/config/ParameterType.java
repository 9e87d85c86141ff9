package dev.ataemu.core.config;

/** The kinds of value a P-value holds; each kind has its own validation. */
public enum ParameterType {
    /** A whole number within a range. */
    INT,
    /** One code out of a closed list of numeric choices. */
    ENUM,
    /** Free text within a length and character set. */
    STRING,
    /** Free text that front-ends never show back. */
    PASSWORD,
    /** A dotted-quad IPv4 address, or empty. */
    IPV4,
    /** A server address: host or IP, optional :port, optional /path; or empty. */
    HOST,
    /** A Grandstream tone string such as {@code f1=350@-13,f2=440@-13,c=0/0;}, or empty. */
    TONE,
    /** A ring cadence such as {@code c=2000/4000;}, or empty. */
    CADENCE,
    /** Telephone keys: 0-9, *, # (and A-D, +, x where the firmware allows them). */
    DIGITS,
    /** Hexadecimal digits. */
    HEX,
    /** A Grandstream dial plan such as {@code { x+ | *x+ }} (P4200 / P4201). */
    DIALPLAN;

    public boolean isText() {
        return this != INT && this != ENUM;
    }
}
