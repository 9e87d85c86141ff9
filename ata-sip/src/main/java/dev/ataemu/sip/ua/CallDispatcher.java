package dev.ataemu.sip.ua;

import dev.ataemu.sip.account.ServerAddress;
import dev.ataemu.sip.call.CallHandler;
import dev.ataemu.sip.call.DtmfRelay;
import dev.ataemu.sip.call.ServerCall;
import dev.ataemu.sip.call.SessionTimers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incoming requests of an account: a new INVITE becomes a {@link ServerCall} for the firmware; ACK,
 * BYE and CANCEL go to the call they belong to; other requests get a proper answer.
 */
final class CallDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CallDispatcher.class);

    private final UserAgent agent;
    private final Map<String, ServerCall> byCallId = new HashMap<>();
    private final Map<String, dev.ataemu.sip.call.ClientCall> placed = new HashMap<>();
    private CallHandler handler = CallHandler.REJECT;
    private final DigestChallenge challenge = new DigestChallenge();
    private java.util.Set<java.net.InetAddress> servers;

    CallDispatcher(UserAgent agent) {
        this.agent = agent;
    }

    void handler(CallHandler newHandler) {
        handler = Objects.requireNonNull(newHandler);
    }

    void request(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        String callId = ((javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
        try {
            completeRfc2543(request);
            if (!Request.ACK.equals(method) && Requests.hasControlCharacters(request)) {
                answer(event, Response.BAD_REQUEST);
                return;
            }
            if (agent.settings().checks().fromProxyOnly() && !Request.ACK.equals(method) && !fromServer(request)) {
                LOG.info("refusing a {} that is not from the account's servers", method);
                answer(event, Response.FORBIDDEN);
                return;
            }
            Optional<RequestChecks.Refusal> refusal = RequestChecks.refusal(request, agent.headers());
            if (refusal.isPresent()) {
                refuse(event, refusal.get());
                return;
            }
            switch (method) {
                case Request.INVITE -> invite(event, callId);
                case Request.ACK -> {
                    ServerCall call = byCallId.get(callId);
                    if (call != null) {
                        call.acknowledged();
                    }
                }
                case Request.BYE -> {
                    ServerCall call = byCallId.remove(callId);
                    dev.ataemu.sip.call.ClientCall outgoing = placed.remove(callId);
                    answer(event, call == null && outgoing == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST
                            : Response.OK);
                    if (call != null) {
                        call.endedByFarSide(false);
                    }
                    if (outgoing != null) {
                        outgoing.endedByFarSide();
                    }
                }
                case Request.CANCEL -> {
                    ServerCall call = byCallId.remove(callId);
                    answer(event, call == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK);
                    if (call != null) {
                        call.endedByFarSide(true);
                    }
                }
                case Request.INFO -> info(event, callId);
                case Request.NOTIFY -> notify(event);
                // The stack matches RAck to our reliable 180 and stops retransmitting it; the PRACK gets its 200.
                case Request.PRACK -> answer(event, byCallId.containsKey(callId) ? Response.OK
                        : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                case Request.UPDATE -> reinvited(event, callId);
                case Request.REFER -> toCall(event, callId, call -> call.referred(event), call -> call.referred(event));
                default -> Requests.answerUnsupported(agent, event);
            }
        } catch (Exception e) {
            LOG.warn("cannot handle {}: {}", method, e.getMessage());
        }
    }

    ServerCall.Context context() {
        return new ServerCall.Context(agent.provider(), agent.messages(), agent.headers(), agent.addresses(),
                agent.localHost(), agent.localPort(), agent.settings().userId(), agent.settings().userAgent(),
                agent.scheduler(), agent.settings().sessionTimer(), agent.settings().signalling().reliableProvisional(),
                agent.transport(), agent.contactHost(), agent.contactPort(), agent.registration().outboundProxy(),
                agent.sips());
    }

    void placed(dev.ataemu.sip.call.ClientCall call) {
        placed.put(call.callId(), call);
    }

    void response(javax.sip.ResponseEvent event) {
        String callId = ((javax.sip.header.CallIdHeader) event.getResponse()
                .getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
        dev.ataemu.sip.call.ClientCall call = placed.get(callId);
        if (call != null) {
            call.response(event);
        }
        ServerCall incoming = byCallId.get(callId);
        if (incoming != null) {
            incoming.response(event);
        }
    }

    /** A request of one of our calls went unanswered (a re-INVITE, a REFER). */
    void timeout(javax.sip.TimeoutEvent event) {
        javax.sip.ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null) {
            return;
        }
        String callId = ((javax.sip.header.CallIdHeader) transaction.getRequest()
                .getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
        dev.ataemu.sip.call.ClientCall call = placed.get(callId);
        if (call != null) {
            call.timeout(transaction);
        }
        ServerCall incoming = byCallId.get(callId);
        if (incoming != null) {
            incoming.timeout(transaction);
        }
    }

    private interface NotifyTaker {
        void take(RequestEvent event) throws Exception;
    }

    private static void notified(NotifyTaker taker, RequestEvent event) {
        try {
            taker.take(event);
        } catch (Exception e) {
            LOG.warn("cannot take a NOTIFY of a transfer: {}", e.getMessage());
        }
    }

    void dialogTerminated(Dialog dialog) {
        if (dialog != null && dialog.getCallId() != null) {
            byCallId.remove(dialog.getCallId().getCallId());
        }
    }

    private void invite(RequestEvent event, String callId) throws Exception {
        Request request = event.getRequest();
        if (((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            reinvited(event, callId);
            return;
        }
        if (agent.settings().checks().checkUserId() && request.getRequestURI() instanceof javax.sip.address.SipURI uri
                && !agent.settings().userId().equals(uri.getUser())) {
            answer(event, Response.NOT_FOUND);
            return;
        }
        Optional<RequestChecks.Refusal> unacceptable = RequestChecks.sessionRefusal(request, agent.headers());
        if (unacceptable.isPresent()) {
            refuse(event, unacceptable.get());
            return;
        }
        if (agent.settings().checks().challengeInvites() && !challenged(event)) {
            return;
        }
        SessionTimers.Decision timers = SessionTimers.decide(request, agent.settings().sessionTimer());
        ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                : agent.provider().getNewServerTransaction(request);
        if (timers instanceof SessionTimers.TooSmall small) {
            Response tooSmall = agent.messages().createResponse(SessionTimers.TOO_SMALL, request);
            tooSmall.addHeader(agent.headers().createHeader(SessionTimers.MIN_SE, Integer.toString(small.minSeSeconds())));
            transaction.sendResponse(tooSmall);
            return;
        }
        transaction.sendResponse(agent.messages().createResponse(Response.TRYING, request));
        ServerCall call = new ServerCall(context(), transaction, timers);
        byCallId.put(callId, call);
        handler.incoming(call);
    }

    /**
     * INFO inside a call: a relayed key goes to the call; an empty INFO (a keep-alive) is simply
     * acknowledged; a body of another kind is refused with 415, an unreadable key with 400.
     */
    private void info(RequestEvent event, String callId) throws Exception {
        ServerCall incoming = byCallId.get(callId);
        dev.ataemu.sip.call.ClientCall outgoing = placed.get(callId);
        if (incoming == null && outgoing == null) {
            answer(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        Request request = event.getRequest();
        byte[] raw = request.getRawContent();
        if (raw == null || raw.length == 0) {
            answer(event, Response.OK);
            return;
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type == null || !DtmfRelay.TYPE.equalsIgnoreCase(type.getContentType())
                || !DtmfRelay.carriesKeys(type.getContentSubType())) {
            answer(event, Response.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        Optional<Character> key = DtmfRelay.key(type.getContentSubType(), new String(raw, StandardCharsets.UTF_8));
        if (key.isEmpty()) {
            answer(event, Response.BAD_REQUEST);
            return;
        }
        answer(event, Response.OK);
        if (incoming != null) {
            incoming.keyRelayed(key.get());
        } else {
            outgoing.keyRelayed(key.get());
        }
    }

    /**
     * NOTIFY: a message-summary (subscribed, or unsolicited as many servers send it) goes to the
     * firmware; a summary without its Messages-Waiting line is refused with 400, another event with 489.
     */
    private void notify(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        javax.sip.header.EventHeader eventHeader = (javax.sip.header.EventHeader) request.getHeader(
                javax.sip.header.EventHeader.NAME);
        if (eventHeader != null && "refer".equalsIgnoreCase(eventHeader.getEventType())) {
            String callId = ((javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
            toCall(event, callId, call -> notified(call::notified, event), call -> notified(call::notified, event));
            return;
        }
        if (eventHeader != null && ControlEvent.of(eventHeader).isPresent()) {
            control(event, ControlEvent.of(eventHeader).get());
            return;
        }
        if (eventHeader == null || !MessageSummary.EVENT.equalsIgnoreCase(eventHeader.getEventType())) {
            answer(event, Response.BAD_EVENT);
            return;
        }
        byte[] raw = request.getRawContent();
        Optional<MessageSummary> summary = MessageSummary.parse(raw == null ? "" : new String(raw, StandardCharsets.UTF_8));
        if (summary.isEmpty()) {
            answer(event, Response.BAD_REQUEST);
            return;
        }
        answer(event, Response.OK);
        agent.messageSummary(summary.get());
    }

    /**
     * A provisioning NOTIFY (check-sync, resync, reboot), challenged like an INVITE with the
     * account's credentials unless P4428 turns that off; once accepted, the firmware acts on it.
     */
    private void control(RequestEvent event, ControlEvent what) throws Exception {
        if (agent.settings().checks().challengeControl() && !challenged(event)) {
            return;
        }
        answer(event, Response.OK);
        agent.controlled(what);
    }

    /** Whether the request carries valid credentials; if not, it has been answered 401 or 403. */
    private boolean challenged(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        switch (challenge.check(request, agent.settings().authUser(), agent.settings().password())) {
            case NONE -> {
                ServerTransaction challenged = event.getServerTransaction() != null ? event.getServerTransaction()
                        : agent.provider().getNewServerTransaction(request);
                Response unauthorized = agent.messages().createResponse(Response.UNAUTHORIZED, request);
                unauthorized.addHeader(challenge.challenge(agent.headers()));
                challenged.sendResponse(unauthorized);
                return false;
            }
            case INVALID -> {
                answer(event, Response.FORBIDDEN);
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    /** A re-INVITE or UPDATE inside a call we know, whichever side placed it; 481 otherwise. */
    private void reinvited(RequestEvent event, String callId) throws Exception {
        toCall(event, callId, call -> call.reinvited(event), call -> call.reinvited(event));
    }

    /** Hands an in-dialog request to the call it belongs to, whichever side placed it; 481 when none. */
    private void toCall(RequestEvent event, String callId, java.util.function.Consumer<ServerCall> incoming,
            java.util.function.Consumer<dev.ataemu.sip.call.ClientCall> outgoing) throws Exception {
        ServerCall answered = byCallId.get(callId);
        dev.ataemu.sip.call.ClientCall dialed = placed.get(callId);
        if (answered != null) {
            incoming.accept(answered);
        } else if (dialed != null) {
            outgoing.accept(dialed);
        } else {
            answer(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        }
    }

    /** Whether the request came from the account's server, failover server or outbound proxy (resolved once). */
    private boolean fromServer(Request request) {
        if (servers == null) {
            servers = new java.util.HashSet<>();
            java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(agent.settings().server(),
                    agent.settings().failoverServer()));
            agent.settings().outboundProxy().ifPresent(names::add);
            names.add(agent.settings().network().backupOutboundProxy());
            for (String name : names) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    ServerAddress server = ServerAddress.parse(name);
                    agent.dns().targets(server.host(), server.port(), agent.transport(),
                            agent.settings().network().dnsMode(), agent.settings().network().configuredIps())
                            .forEach(target -> servers.add(target.address()));
                } catch (Exception unresolved) {
                    LOG.debug("cannot resolve {}: {}", name, unresolved.getMessage());
                }
            }
        }
        java.net.InetAddress source = ((gov.nist.javax.sip.message.SIPRequest) request).getRemoteAddress();
        return source != null && servers.contains(source);
    }

    /**
     * An RFC 2543 request (RFC 4475 section 3.4.1) may lack Max-Forwards, and an INVITE its Contact;
     * jain-sip makes no transaction without them, so what RFC 2543 implies is filled in: the usual
     * 70 hops, and the caller's From address as the one to reach it at.
     */
    private void completeRfc2543(Request request) throws Exception {
        if (request.getHeader(MaxForwardsHeader.NAME) == null) {
            request.setHeader(agent.headers().createMaxForwardsHeader(70));
        }
        if (Request.INVITE.equals(request.getMethod()) && request.getHeader(ContactHeader.NAME) == null
                && request.getHeader(FromHeader.NAME) instanceof FromHeader from) {
            javax.sip.address.URI caller = (javax.sip.address.URI) from.getAddress().getURI().clone();
            request.setHeader(agent.headers().createContactHeader(agent.addresses().createAddress(caller)));
        }
    }

    private void refuse(RequestEvent event, RequestChecks.Refusal refusal) throws Exception {
        ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                : agent.provider().getNewServerTransaction(event.getRequest());
        Response response = agent.messages().createResponse(refusal.status(), event.getRequest());
        refusal.header().ifPresent(response::addHeader);
        transaction.sendResponse(response);
    }

    private void answer(RequestEvent event, int status) throws Exception {
        ServerTransaction transaction = event.getServerTransaction() != null ? event.getServerTransaction()
                : agent.provider().getNewServerTransaction(event.getRequest());
        transaction.sendResponse(agent.messages().createResponse(status, event.getRequest()));
    }
}
