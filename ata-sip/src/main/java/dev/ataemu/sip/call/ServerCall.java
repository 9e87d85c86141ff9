package dev.ataemu.sip.call;

import java.util.Optional;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UAS side of one call (RFC 3261 section 13.3): provisional and final answers to the INVITE, the
 * dialog that follows, a BYE either way, and CANCEL before the answer.
 */
public final class ServerCall extends DialogCall implements IncomingCall {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCall.class);

    /**
     * What the call needs from its user agent.
     *
     * @param localHost     the address we listen on (Via)
     * @param contactHost   the address we give as ours (Contact): the NAT address or the STUN mapping when known
     * @param outboundProxy where new requests go first, when set
     * @param sips          whether our Contact uses the sips scheme (TLS with P2329)
     */
    public record Context(SipProvider provider, MessageFactory messages, HeaderFactory headers,
            AddressFactory addresses, String localHost, int localPort, String userId, String userAgent,
            dev.ataemu.time.Scheduler scheduler, dev.ataemu.sip.account.SessionTimerSettings timers,
            boolean reliableProvisional, String transport, String contactHost, int contactPort,
            java.util.Optional<String> outboundProxy, boolean sips) {

        /** Our Contact: the account's user at our address, with the transport when not UDP. */
        public ContactHeader contact() throws java.text.ParseException {
            SipURI uri = addresses.createSipURI(userId, contactHost);
            uri.setPort(contactPort);
            onTransport(uri);
            return headers.createContactHeader(addresses.createAddress(uri));
        }

        /**
         * Sends a request outside a dialog through the outbound proxy in use, when there is one:
         * a loose-routing Route to it, the Request-URI unchanged.
         */
        public void routeThroughProxy(javax.sip.message.Request request) throws java.text.ParseException,
                javax.sip.SipException {
            if (outboundProxy.isEmpty()) {
                return;
            }
            dev.ataemu.sip.account.ServerAddress address = dev.ataemu.sip.account.ServerAddress.parse(outboundProxy.get());
            SipURI route = addresses.createSipURI(null, address.host());
            if (address.port() > 0) {
                route.setPort(address.port());
            }
            route.setLrParam();
            onTransport(route);
            request.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
        }

        /**
         * Marks a URI we send to with our transport, so the stack uses it (it takes UDP otherwise):
         * the sips scheme when the account uses it over TLS, else a transport parameter.
         */
        public void onTransport(SipURI uri) throws java.text.ParseException {
            if (sips) {
                uri.setSecure(true);
            } else if (!"udp".equalsIgnoreCase(transport)) {
                uri.setTransportParam(transport.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private final Context context;
    private final ServerTransaction invite;
    private final Request request;
    private final String toTag = Long.toHexString(Double.doubleToLongBits(Math.random()));
    private Runnable ended = () -> { };
    private Runnable confirmed = () -> { };
    private java.util.function.Consumer<Character> keys = key -> { };
    private ReInvites.Handler reoffers = offer -> Optional.empty();
    private Referrals.Handler referrals;
    private boolean answered;
    private boolean over;
    private final SessionTimers.Decision timerDecision;
    private final SessionTimer timer;
    private String localSdp = "";
    private javax.sip.ClientTransaction refreshing;

    public ServerCall(Context context, ServerTransaction invite, SessionTimers.Decision timerDecision) {
        super(context);
        this.context = context;
        this.invite = invite;
        this.request = invite.getRequest();
        this.timerDecision = timerDecision;
        this.timer = new SessionTimer(context.scheduler(), this::refreshSession, this::sessionExpired);
    }

    public Dialog dialog() {
        return invite.getDialog();
    }

    @Override
    protected Dialog currentDialog() {
        return dialog();
    }

    @Override
    protected boolean established() {
        return answered && !over;
    }

    @Override
    protected void offered(String sdp) {
        localSdp = sdp;
    }

    @Override
    public Optional<String> callerNumber() {
        javax.sip.address.URI uri = callerAddress().getURI();
        if (uri instanceof SipURI sip && sip.getUser() != null) {
            return Optional.of(sip.getUser());
        }
        if (uri instanceof javax.sip.address.TelURL tel) {
            return Optional.of(tel.getPhoneNumber());
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> callerName() {
        return Optional.ofNullable(callerAddress().getDisplayName()).filter(name -> !name.isBlank());
    }

    @Override
    public boolean anonymous() {
        java.util.ListIterator<?> privacy = request.getHeaders("Privacy");
        while (privacy.hasNext()) {
            String value = privacy.next().toString().toLowerCase(java.util.Locale.ROOT);
            value = value.substring(value.indexOf(':') + 1);
            for (String token : value.split("[;,\\s]+")) {
                if (token.equals("id") || token.equals("header") || token.equals("user")) {
                    return true;
                }
            }
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return from.getAddress().getURI() instanceof SipURI uri
                && ("anonymous".equalsIgnoreCase(uri.getUser()) || uri.getHost().toLowerCase(java.util.Locale.ROOT)
                        .endsWith("anonymous.invalid"));
    }

    // P-Asserted-Identity, set by a trusted proxy, names the caller better than the From they wrote.
    private javax.sip.address.Address callerAddress() {
        javax.sip.header.Header asserted = request.getHeader("P-Asserted-Identity");
        if (asserted instanceof javax.sip.header.HeaderAddress address && address.getAddress() != null) {
            return address.getAddress();
        }
        return ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress();
    }

    @Override
    public Optional<String> calledNumber() {
        if (request.getRequestURI() instanceof SipURI uri && uri.getUser() != null && !uri.getUser().isBlank()) {
            return Optional.of(uri.getUser());
        }
        return Optional.empty();
    }

    @Override
    public String offer() {
        byte[] body = request.getRawContent();
        return body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void ringing() {
        if (answered || over) {
            return;
        }
        if (context.reliableProvisional() && Extensions.supports(request, "100rel")) {
            ringReliably();
            return;
        }
        respond(Response.RINGING, null);
    }

    /** 180 sent reliably (RFC 3262): with RSeq and Require: 100rel, retransmitted until the caller's PRACK. */
    private void ringReliably() {
        try {
            Response ringing = dialog().createReliableProvisionalResponse(Response.RINGING);
            ((ToHeader) ringing.getHeader(ToHeader.NAME)).setTag(toTag);
            ringing.setHeader(context.contact());
            ringing.addHeader(context.headers().createHeader("User-Agent", context.userAgent()));
            DialogRequests.addAllow(context, ringing);
            dialog().sendReliableProvisionalResponse(ringing);
        } catch (Exception e) {
            LOG.info("cannot ring reliably ({}); ringing plainly", e.getMessage());
            respond(Response.RINGING, null);
        }
    }

    @Override
    public void answer(String sdp) {
        if (answered || over) {
            return;
        }
        answered = true;
        localSdp = sdp;
        respond(Response.OK, sdp);
    }

    @Override
    public void reject(int status) {
        if (answered || over) {
            return;
        }
        over = true;
        respond(status, null);
    }

    @Override
    public void redirect(String target) {
        if (answered || over) {
            return;
        }
        over = true;
        timer.stop();
        try {
            Response response = context.messages().createResponse(Response.MOVED_TEMPORARILY, request);
            ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(toTag);
            response.addHeader(context.headers().createContactHeader(
                    context.addresses().createAddress(context.addresses().createURI(target))));
            response.addHeader(context.headers().createHeader("User-Agent", context.userAgent()));
            invite.sendResponse(response);
        } catch (Exception e) {
            LOG.warn("cannot forward the call to {}: {}", target, e.getMessage());
        }
    }

    @Override
    public void hangUp() {
        if (over) {
            return;
        }
        over = true;
        timer.stop();
        if (!answered) {
            respond(Response.REQUEST_TERMINATED, null);
            return;
        }
        try {
            Request bye = dialog().createRequest(Request.BYE);
            dialog().sendRequest(context.provider().getNewClientTransaction(bye));
        } catch (Exception e) {
            LOG.warn("cannot send BYE: {}", e.getMessage());
        }
    }

    @Override
    public void onEnded(Runnable listener) {
        ended = listener;
    }

    @Override
    public void onConfirmed(Runnable listener) {
        confirmed = listener;
    }

    @Override
    public void sendKey(char key, int durationMs) {
        if (answered && !over) {
            DialogRequests.sendKey(context, dialog(), key, durationMs);
        }
    }

    @Override
    public void onReoffer(ReInvites.Handler handler) {
        reoffers = handler;
    }

    /** A re-INVITE or UPDATE of this call arrived: a new offer, or the peer refreshing the session. */
    public void reinvited(javax.sip.RequestEvent event) {
        ReInvites.Handler handler = answered && !over ? offer -> {
            Optional<String> ours = reoffers.reoffered(offer);
            ours.filter(sdp -> !sdp.isEmpty()).ifPresent(sdp -> localSdp = sdp);
            return ours;
        } : offer -> Optional.empty();
        ReInvites.answer(context, event, handler, this::echoTimer);
        timer.refreshed();
    }

    private void echoTimer(Response ok) {
        SessionTimers.Agreement agreement = timer.agreement();
        if (agreement != null) {
            try {
                SessionTimers.answer(ok, agreement, timerDecision instanceof SessionTimers.Timer t && t.callerSupports(),
                        context.headers());
            } catch (Exception e) {
                LOG.debug("cannot add the session timer: {}", e.getMessage());
            }
        }
    }

    private void refreshSession() {
        if (over) {
            return;
        }
        boolean update = !context.timers().forceInvite() && Extensions.allows(request, Request.UPDATE);
        refreshing = DialogRequests.refresh(context, dialog(), localSdp, update, timer.agreement());
    }

    private void sessionExpired() {
        if (!over) {
            LOG.info("the session was not refreshed in time; hanging up");
            hangUp();
            ended.run();
        }
    }

    /** A response to a request this call sent (a session refresh). */
    public void response(javax.sip.ResponseEvent event) {
        if (actionAnswered(event)) {
            return;
        }
        if (event.getClientTransaction() == null || event.getClientTransaction() != refreshing) {
            return;
        }
        if (DialogRequests.refreshAnswered(dialog(), event.getResponse(), timer, this::sessionExpired)) {
            refreshing = null;
        }
    }

    @Override
    public void onReferred(Referrals.Handler handler) {
        referrals = handler;
    }

    /** A REFER inside this call arrived. */
    public void referred(javax.sip.RequestEvent event) {
        Referrals.accept(context, dialog(), event, answered && !over ? referrals : null);
    }

    @Override
    public void onKey(java.util.function.Consumer<Character> listener) {
        keys = listener;
    }

    /** The caller relayed a key by SIP INFO. */
    public void keyRelayed(char key) {
        if (!over) {
            keys.accept(key);
        }
    }

    /** The far side sent ACK for our 200 OK. */
    public void acknowledged() {
        if (timerDecision instanceof SessionTimers.Timer settled && timer.agreement() == null && !over) {
            timer.start(settled.agreement(), settled.agreement().refresher() == SessionTimers.Refresher.UAS);
        }
        confirmed.run();
    }

    /** The far side hung up (BYE) or gave up (CANCEL). */
    public void endedByFarSide(boolean cancelled) {
        if (over) {
            return;
        }
        over = true;
        timer.stop();
        if (cancelled && !answered) {
            respond(Response.REQUEST_TERMINATED, null);
        }
        ended.run();
    }

    public boolean over() {
        return over;
    }

    private void respond(int status, String sdp) {
        try {
            Response response = context.messages().createResponse(status, request);
            if (status > 100) {
                ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(toTag);
            }
            if (status >= 180 && status < 300) {
                response.addHeader(context.contact());
            }
            response.addHeader(context.headers().createHeader("User-Agent", context.userAgent()));
            if (status >= 180 && status < 300) {
                DialogRequests.addAllow(context, response);
            }
            if (status == Response.OK && timerDecision instanceof SessionTimers.Timer settled) {
                SessionTimers.answer(response, settled.agreement(), settled.callerSupports(), context.headers());
            }
            if (sdp != null) {
                ContentTypeHeader type = context.headers().createContentTypeHeader("application", "sdp");
                response.setContent(sdp, type);
            }
            invite.sendResponse(response);
        } catch (Exception e) {
            LOG.warn("cannot send {} to the INVITE: {}", status, e.getMessage());
        }
    }
}
