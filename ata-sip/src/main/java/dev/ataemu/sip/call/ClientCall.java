package dev.ataemu.sip.call;

import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import java.util.ArrayList;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The UAC side of one call (RFC 3261 section 13.2): INVITE with our offer, digest challenges, ACK, CANCEL and BYE. */
public final class ClientCall extends DialogCall implements OutgoingCall {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCall.class);
    private static final int MAX_CHALLENGES = 2;

    private final ServerCall.Context context;
    private final AuthenticationHelper auth;
    private final Listener listener;
    private ClientTransaction invite;
    private Dialog dialog;
    private int challenges;
    private boolean answered;
    private boolean over;
    private final SessionTimer timer;
    private String localSdp = "";
    private Response answer;
    private ClientTransaction refreshing;

    public ClientCall(ServerCall.Context context, AuthenticationHelper auth, Listener listener) {
        super(context);
        this.context = context;
        this.auth = auth;
        this.listener = listener;
        this.timer = new SessionTimer(context.scheduler(), this::refreshSession, this::sessionExpired);
    }

    private boolean autoAnswer;
    private String displayName;

    /** Names the caller in From by {@code name} rather than the account's display name (a gateway's caller). */
    public void displayName(String name) {
        displayName = name;
    }

    @Override
    protected Dialog currentDialog() {
        return dialog;
    }

    @Override
    protected boolean established() {
        return answered && !over;
    }

    @Override
    protected void offered(String sdp) {
        localSdp = sdp;
    }

    /** Marks the call, before it starts, as one the far end should answer by itself (paging, *74). */
    public void autoAnswer() {
        autoAnswer = true;
    }

    public String callId() {
        return ((javax.sip.header.CallIdHeader) invite.getRequest().getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
    }

    /**
     * Sends the INVITE to {@code user} at {@code host[:port]} (the account's server or a direct IP).
     * An anonymous call (RFC 3323) goes from {@code "Anonymous" <sip:anonymous@anonymous.invalid>},
     * with {@code Privacy: id} when {@code privacyHeader}.
     */
    public void start(String user, String host, int port, String offer, dev.ataemu.sip.account.AccountSettings account,
            boolean anonymous, boolean privacyHeader) throws Exception {
        SipURI target = context.addresses().createSipURI(user, host);
        if (port > 0) {
            target.setPort(port);
        }
        context.onTransport(target);
        // "Tel URI" (P63): a dialed number is marked as one (RFC 3261 section 19.1.1).
        if (account.signalling().telUri() != 0 && user.matches("\\+?[0-9*#]+")) {
            target.setUserParam("phone");
        }
        startTo(target, host, offer, account, anonymous, privacyHeader, java.util.Optional.empty());
    }

    /**
     * Sends the INVITE to a full URI (a transfer's Refer-To target), From the account at
     * {@code fromHost}; {@code replaces} names the dialog the call takes over (RFC 3891).
     */
    public void startTo(SipURI target, String fromHost, String offer, dev.ataemu.sip.account.AccountSettings account,
            boolean anonymous, boolean privacyHeader, java.util.Optional<String> replaces) throws Exception {
        String fromDisplayName = displayName != null ? displayName : account.displayName();
        SipURI fromUri = anonymous ? context.addresses().createSipURI("anonymous", "anonymous.invalid")
                : context.addresses().createSipURI(context.userId(), fromHost);
        // "User ID is Phone Number" (SIP-18): the account's number is marked as one in From.
        if (!anonymous && account.signalling().telUri() != 0) {
            fromUri.setUserParam("phone");
        }
        Address from = context.addresses().createAddress(fromUri);
        if (anonymous) {
            from.setDisplayName("Anonymous");
        } else if (!fromDisplayName.isBlank()) {
            from.setDisplayName(fromDisplayName);
        }
        List<ViaHeader> via = new ArrayList<>();
        via.add(context.headers().createViaHeader(context.localHost(), context.localPort(), context.transport(), null));
        Request request = context.messages().createRequest(target, Request.INVITE,
                context.provider().getNewCallId(), context.headers().createCSeqHeader(1L, Request.INVITE),
                context.headers().createFromHeader(from, Long.toHexString(System.nanoTime())),
                context.headers().createToHeader(context.addresses().createAddress(target), null), via,
                context.headers().createMaxForwardsHeader(70));
        request.addHeader(context.contact());
        request.addHeader(context.headers().createHeader("User-Agent", context.userAgent()));
        if (!account.signalling().proxyRequire().isBlank()) {
            request.addHeader(context.headers().createProxyRequireHeader(account.signalling().proxyRequire().trim()));
        }
        // The outbound proxy (P48) takes the INVITE first.
        context.routeThroughProxy(request);
        if (anonymous && privacyHeader) {
            request.addHeader(context.headers().createHeader("Privacy", "id"));
            request.addHeader(context.headers().createHeader("P-Asserted-Identity",
                    "\"Anonymous\" <sip:anonymous@anonymous.invalid>"));
        }
        if (replaces.isPresent()) {
            request.addHeader(context.headers().createHeader("Replaces", replaces.get()));
        }
        if (autoAnswer) {
            // What phones and PBXs take as "answer by yourself" (intercom, paging).
            request.addHeader(context.headers().createHeader("Call-Info", "<" + target + ">;answer-after=0"));
            request.addHeader(context.headers().createHeader("Alert-Info", "<http://127.0.0.1>;info=alert-autoanswer"));
        }
        DialogRequests.addAllow(context, request);
        SessionTimers.request(request, context.timers(), context.headers());
        if (context.reliableProvisional()) {
            request.addHeader(context.headers().createSupportedHeader("100rel"));
        }
        ContentTypeHeader type = context.headers().createContentTypeHeader("application", "sdp");
        request.setContent(offer, type);
        localSdp = offer;
        invite = context.provider().getNewClientTransaction(request);
        dialog = invite.getDialog();
        invite.sendRequest();
    }

    /** A response to our INVITE (or to a retried one after a challenge). */
    public void response(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        String method = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
        if (refreshing != null && event.getClientTransaction() == refreshing) {
            refreshAnswered(response);
            return;
        }
        if (actionAnswered(event)) {
            return;
        }
        if (!Request.INVITE.equals(method)) {
            return;
        }
        if (answered && status >= 200 && status < 300) {
            // A retransmitted 2xx: the ACK was lost, so it goes again.
            DialogRequests.acknowledge(dialog, response);
            return;
        }
        if (status < 200) {
            if (status > 100 && Extensions.supports(response, "100rel") && response.getHeader("RSeq") != null) {
                prack(event);
            }
            if (status == Response.RINGING || status == Response.SESSION_PROGRESS) {
                byte[] body = response.getRawContent();
                if (body != null && body.length > 0) {
                    listener.earlyMedia(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    listener.ringing();
                }
            }
            return;
        }
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && challenges < MAX_CHALLENGES && !over) {
            challenges++;
            try {
                invite = auth.handleChallenge(response, event.getClientTransaction(), context.provider(), 5, true);
                dialog = invite.getDialog();
                invite.sendRequest();
            } catch (Exception e) {
                fail(status, "cannot answer the challenge: " + e.getMessage());
            }
            return;
        }
        if (status >= 200 && status < 300) {
            Dialog confirmed = event.getDialog() != null ? event.getDialog() : dialog;
            dialog = confirmed;
            try {
                long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
                confirmed.sendAck(confirmed.createAck(cseq));
            } catch (Exception e) {
                LOG.warn("cannot send ACK: {}", e.getMessage());
            }
            if (over) {
                bye();
                return;
            }
            answered = true;
            answer = response;
            SessionTimers.settled(response, context.timers()).ifPresent(agreement ->
                    timer.start(agreement, agreement.refresher() == SessionTimers.Refresher.UAC));
            byte[] body = response.getRawContent();
            listener.answered(body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        fail(status, response.getReasonPhrase());
    }

    /** Acknowledges a reliable provisional response (RFC 3262) with PRACK. */
    private void prack(ResponseEvent event) {
        Dialog early = event.getDialog() != null ? event.getDialog() : dialog;
        try {
            Request prack = early.createPrack(event.getResponse());
            early.sendRequest(context.provider().getNewClientTransaction(prack));
        } catch (Exception e) {
            LOG.warn("cannot PRACK the {}: {}", event.getResponse().getStatusCode(), e.getMessage());
        }
    }

    /** The far end sent BYE. */
    public void endedByFarSide() {
        if (!over) {
            over = true;
            timer.stop();
            listener.ended();
        }
    }

    public boolean over() {
        return over;
    }

    @Override
    public void sendKey(char key, int durationMs) {
        if (answered && !over) {
            DialogRequests.sendKey(context, dialog, key, durationMs);
        }
    }

    /** A re-INVITE or UPDATE of this call arrived: a new offer, or the peer refreshing the session. */
    public void reinvited(javax.sip.RequestEvent event) {
        ReInvites.Handler handler = answered && !over ? offer -> {
            java.util.Optional<String> ours = listener.reoffered(offer);
            ours.filter(sdp -> !sdp.isEmpty()).ifPresent(sdp -> localSdp = sdp);
            return ours;
        } : offer -> java.util.Optional.empty();
        ReInvites.answer(context, event, handler, ok -> {
            SessionTimers.Agreement agreement = timer.agreement();
            if (agreement != null) {
                try {
                    SessionTimers.answer(ok, agreement, false, context.headers());
                } catch (Exception e) {
                    LOG.debug("cannot add the session timer: {}", e.getMessage());
                }
            }
        });
        timer.refreshed();
    }

    private void refreshSession() {
        if (over || !answered) {
            return;
        }
        boolean update = !context.timers().forceInvite() && Extensions.allows(answer, Request.UPDATE);
        refreshing = DialogRequests.refresh(context, dialog, localSdp, update, timer.agreement());
    }

    private void refreshAnswered(Response response) {
        if (DialogRequests.refreshAnswered(dialog, response, timer, this::sessionExpired)) {
            refreshing = null;
        }
    }

    private void sessionExpired() {
        if (!over) {
            LOG.info("the session was not refreshed in time; hanging up");
            hangUp();
            listener.ended();
        }
    }

    /** A REFER inside this call arrived. */
    public void referred(javax.sip.RequestEvent event) {
        Referrals.accept(context, dialog, event, answered && !over ? listener.transfers() : null);
    }

    /** The far end relayed a key by SIP INFO. */
    public void keyRelayed(char key) {
        if (answered && !over) {
            listener.key(key);
        }
    }

    @Override
    public void hangUp() {
        if (over) {
            return;
        }
        over = true;
        timer.stop();
        if (answered) {
            bye();
        } else if (invite != null) {
            try {
                context.provider().getNewClientTransaction(invite.createCancel()).sendRequest();
            } catch (Exception e) {
                LOG.debug("cannot CANCEL: {}", e.getMessage());
            }
        }
    }

    private void bye() {
        try {
            dialog.sendRequest(context.provider().getNewClientTransaction(dialog.createRequest(Request.BYE)));
        } catch (Exception e) {
            LOG.warn("cannot send BYE: {}", e.getMessage());
        }
    }

    private void fail(int status, String reason) {
        if (!over) {
            over = true;
            listener.failed(status, reason);
        }
    }
}
