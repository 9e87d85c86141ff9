package dev.ataemu.hal.line;

import dev.ataemu.media.callerid.CallerId;

/** What a caller-ID display shows: the caller as decoded from the line, and whether it came during a call. */
public record DisplayedCallerId(CallerId callerId, boolean callWaiting) {
}
