package dev.ataemu.sip.call;

import dev.ataemu.sip.account.SessionTimerSettings;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;
import javax.sip.message.Request;

/**
 * The negotiation of RFC 4028 session timers: what our INVITE asks, what our answer to an INVITE
 * settles, and what a 2xx to our INVITE settled. Only the headers; {@link SessionTimer} keeps time.
 */
public final class SessionTimers {

    public static final String SESSION_EXPIRES = "Session-Expires";
    public static final String MIN_SE = "Min-SE";
    public static final int TOO_SMALL = 422;

    /** Who sends the refreshes. */
    public enum Refresher {
        UAC, UAS;

        String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A settled timer: the interval and who refreshes. */
    public record Agreement(int intervalSeconds, Refresher refresher) {
    }

    /** What an incoming INVITE leads to: no timer, a timer, or 422 (its interval is below our Min-SE). */
    public sealed interface Decision {
    }

    public record NoTimer() implements Decision {
    }

    public record Timer(Agreement agreement, boolean callerSupports) implements Decision {
    }

    public record TooSmall(int minSeSeconds) implements Decision {
    }

    private SessionTimers() {
    }

    /** Our answer to an INVITE's timer request (or lack of one), as the UAS. */
    public static Decision decide(Request invite, SessionTimerSettings settings) {
        if (!settings.enabled()) {
            return new NoTimer();
        }
        boolean supports = Extensions.supports(invite, "timer");
        Optional<Agreement> asked = read(invite);
        Refresher ours = settings.uasRefresher() == 2 || !supports ? Refresher.UAS : Refresher.UAC;
        if (asked.isPresent()) {
            int interval = asked.get().intervalSeconds();
            if (interval < settings.minSeSeconds()) {
                return new TooSmall(settings.minSeSeconds());
            }
            Refresher refresher = refresherParameter(invite).orElse(ours);
            return new Timer(new Agreement(interval, supports ? refresher : Refresher.UAS), supports);
        }
        if (supports && settings.calleeRequests() || settings.force()) {
            return new Timer(new Agreement(settings.expiresSeconds(), ours), supports);
        }
        return new NoTimer();
    }

    /** The headers of our INVITE: {@code Supported: timer}, and the interval when we ask for one. */
    public static void request(Request invite, SessionTimerSettings settings, HeaderFactory headers) throws Exception {
        if (!settings.enabled()) {
            return;
        }
        invite.addHeader(headers.createSupportedHeader("timer"));
        if (settings.callerRequests()) {
            String refresher = switch (settings.uacRefresher()) {
                case 1 -> ";refresher=uac";
                case 2 -> ";refresher=uas";
                default -> "";
            };
            invite.addHeader(headers.createHeader(SESSION_EXPIRES, settings.expiresSeconds() + refresher));
            invite.addHeader(headers.createHeader(MIN_SE, Integer.toString(settings.minSeSeconds())));
        }
    }

    /** Writes a settled timer into a 2xx (the UAS's answer, or our answer to a refresh). */
    public static void answer(Message response, Agreement agreement, boolean requireTimer, HeaderFactory headers)
            throws Exception {
        response.addHeader(headers.createHeader(SESSION_EXPIRES,
                agreement.intervalSeconds() + ";refresher=" + agreement.refresher().token()));
        if (requireTimer) {
            response.addHeader(headers.createRequireHeader("timer"));
        }
    }

    /** The timer a 2xx settled for our INVITE; our own request stands when the answer says nothing. */
    public static Optional<Agreement> settled(Message ok, SessionTimerSettings settings) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Optional<Agreement> answered = read(ok);
        if (answered.isPresent()) {
            return Optional.of(new Agreement(answered.get().intervalSeconds(),
                    refresherParameter(ok).orElse(Refresher.UAC)));
        }
        return settings.callerRequests()
                ? Optional.of(new Agreement(settings.expiresSeconds(), Refresher.UAC))
                : Optional.empty();
    }

    private static Optional<Agreement> read(Message message) {
        Header header = message.getHeader(SESSION_EXPIRES);
        if (header == null) {
            return Optional.empty();
        }
        String text = Extensions.value(header);
        String number = text.split(";", 2)[0].trim();
        try {
            int seconds = Integer.parseInt(number);
            return seconds > 0 ? Optional.of(new Agreement(seconds, Refresher.UAC)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Refresher> refresherParameter(Message message) {
        Header header = message.getHeader(SESSION_EXPIRES);
        if (header == null) {
            return Optional.empty();
        }
        for (String parameter : Extensions.value(header).split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("refresher")) {
                String who = pair[1].trim().toLowerCase(Locale.ROOT);
                if (who.equals("uac")) {
                    return Optional.of(Refresher.UAC);
                }
                if (who.equals("uas")) {
                    return Optional.of(Refresher.UAS);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a request is a session refresh method (a re-INVITE or an UPDATE). */
    static boolean refreshMethod(String method) {
        return Request.INVITE.equals(method) || Request.UPDATE.equals(method);
    }
}
