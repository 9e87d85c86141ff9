package dev.ataemu.sip.ua;

import java.util.Locale;
import java.util.Optional;
import javax.sip.header.EventHeader;

/** The provisioning NOTIFYs a server sends a device: check-sync (with {@code ;reboot=true} or not), resync, reboot. */
public enum ControlEvent {
    CHECK_SYNC,
    RESYNC,
    REBOOT;

    static Optional<ControlEvent> of(EventHeader header) {
        String type = header.getEventType() == null ? "" : header.getEventType().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "check-sync" -> Optional.of("true".equalsIgnoreCase(header.getParameter("reboot")) ? REBOOT : CHECK_SYNC);
            case "resync" -> Optional.of(RESYNC);
            case "reboot" -> Optional.of(REBOOT);
            default -> Optional.empty();
        };
    }
}
