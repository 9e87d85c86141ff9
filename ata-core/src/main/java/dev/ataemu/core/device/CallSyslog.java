package dev.ataemu.core.device;

import dev.ataemu.core.line.FxsLine;
import dev.ataemu.core.line.LineState;
import dev.ataemu.core.syslog.Syslog;
import java.util.HashMap;
import java.util.Map;

/** The calls of the FXS lines in the syslog (LOG-10): each incoming and outgoing call, its answer and its end. */
final class CallSyslog {

    private final Syslog syslog;
    private final Map<Integer, LineState> last = new HashMap<>();

    CallSyslog(Syslog syslog) {
        this.syslog = syslog;
    }

    void follow(FxsLine line) {
        LineState now = line.state();
        LineState before = last.put(line.index(), now);
        if (before == now) {
            return;
        }
        int port = line.index();
        if (now == LineState.RINGING) {
            syslog.info("Incoming call on port " + port);
        } else if (now == LineState.CALLING) {
            syslog.info("Outgoing call on port " + port + " to " + line.dialed());
        } else if (now == LineState.CONNECTED) {
            syslog.info((before == LineState.RINGING ? "Incoming" : "Outgoing") + " call on port " + port + " answered");
        } else if (before == LineState.CONNECTED) {
            syslog.info("Call on port " + port + " ended");
        }
    }
}
