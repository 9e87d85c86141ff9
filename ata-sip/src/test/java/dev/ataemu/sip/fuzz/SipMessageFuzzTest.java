package dev.ataemu.sip.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.sip.account.SessionTimerSettings;
import dev.ataemu.sip.call.DtmfRelay;
import dev.ataemu.sip.call.Extensions;
import dev.ataemu.sip.call.SessionTimers;
import dev.ataemu.sip.sdp.SdpParseException;
import dev.ataemu.sip.sdp.SessionDescription;
import dev.ataemu.sip.ua.MessageSummary;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.DisplayName;

/**
 * SIP datagrams as the device's stack reads them (jain-sip's message parser, the one its UDP
 * channel uses), and then what the device itself reads from a parsed request: the session-timer
 * headers, Supported/Allow, and the body as SDP, message summary or DTMF relay.
 */
class SipMessageFuzzTest {

    private static final SessionTimerSettings TIMERS = new SessionTimerSettings(true, 180, 90, true, true, false,
            false, 1, 2);

    @DisplayName("SIP-50 a datagram is a SIP message the device reads without error, or a ParseException the stack drops")
    @FuzzTest
    void datagram(byte[] datagram) {
        SIPMessage message;
        try {
            message = new StringMsgParser().parseSIPMessage(datagram, true, false, null);
        } catch (ParseException dropped) {
            return;
        }
        if (message == null) {
            return;
        }
        if (message instanceof Request request) {
            SessionTimers.Decision decision = SessionTimers.decide(request, TIMERS);
            if (decision instanceof SessionTimers.Timer timer) {
                assertThat(timer.agreement().intervalSeconds()).isGreaterThanOrEqualTo(TIMERS.minSeSeconds());
            }
            Extensions.supports(request, "timer");
            Extensions.allows(request, Request.UPDATE);
        } else {
            SessionTimers.settled(message, TIMERS);
        }
        byte[] raw = message.getRawContent();
        if (raw != null) {
            readBody(message, new String(raw, StandardCharsets.UTF_8));
        }
    }

    private static void readBody(SIPMessage message, String body) {
        try {
            SessionDescription.parse(body);
        } catch (SdpParseException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        MessageSummary.parse(body).ifPresent(summary -> assertThat(summary.newMessages()).isNotNegative());
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        if (type != null && type.getContentSubType() != null && DtmfRelay.carriesKeys(type.getContentSubType())) {
            DtmfRelay.key(type.getContentSubType(), body);
        }
    }
}
