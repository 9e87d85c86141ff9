package dev.ataemu.sip.ua;

import dev.ataemu.sip.account.ServerAddress;
import dev.ataemu.time.Scheduler;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "SUBSCRIBE for MWI" (P99): the account subscribes to its own message-summary at its server
 * (RFC 3842), answering digest challenges, renewing at half the granted time and retrying after the
 * retry wait when refused; the NOTIFYs that follow light the lamp. Runs on the device's scheduler.
 */
final class MwiSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(MwiSubscription.class);
    private static final int MAX_CHALLENGES = 2;

    private final UserAgent agent;
    private final AuthenticationHelper auth;
    private final String callId;
    private final String fromTag = Long.toHexString(System.nanoTime());
    private ClientTransaction pending;
    private long cseq = 1;
    private int challenges;
    private Scheduler.Timer next;
    private boolean active;

    MwiSubscription(UserAgent agent, AuthenticationHelper auth) {
        this.agent = agent;
        this.auth = auth;
        this.callId = agent.provider().getNewCallId().getCallId();
    }

    /** Subscribes now, unless a subscription is already kept. */
    void start() {
        if (!active) {
            active = true;
            send();
        }
    }

    void stop() {
        active = false;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    boolean owns(ResponseEvent event) {
        return event.getClientTransaction() != null && event.getClientTransaction() == pending;
    }

    void response(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && challenges < MAX_CHALLENGES) {
            challenges++;
            try {
                pending = auth.handleChallenge(response, event.getClientTransaction(), agent.provider(), 5, true);
                pending.sendRequest();
            } catch (Exception e) {
                retryLater("cannot answer the challenge: " + e.getMessage());
            }
            return;
        }
        pending = null;
        challenges = 0;
        if (status >= 200 && status < 300) {
            ExpiresHeader expires = response.getExpires();
            Duration granted = expires != null ? Duration.ofSeconds(expires.getExpires()) : agent.settings().expires();
            schedule(granted.dividedBy(2).isZero() ? Duration.ofSeconds(1) : granted.dividedBy(2));
            LOG.info("{}: subscribed to message-summary for {} s", agent.settings().userId(), granted.toSeconds());
        } else {
            retryLater(status + " " + response.getReasonPhrase());
        }
    }

    void timeout() {
        pending = null;
        retryLater("no answer");
    }

    private void send() {
        if (!active) {
            return;
        }
        try {
            Request request = build();
            pending = agent.provider().getNewClientTransaction(request);
            challenges = 0;
            pending.sendRequest();
        } catch (Exception e) {
            retryLater("cannot send SUBSCRIBE: " + e.getMessage());
        }
    }

    private void retryLater(String reason) {
        LOG.info("{}: MWI subscription failed ({}); retrying in {} s", agent.settings().userId(), reason,
                agent.settings().retryWait().toSeconds());
        schedule(agent.settings().retryWait());
    }

    private void schedule(Duration after) {
        if (next != null) {
            next.cancel();
        }
        next = active ? agent.scheduler().schedule(after, this::send) : null;
    }

    private Request build() throws Exception {
        ServerAddress server = ServerAddress.parse(agent.registration().server());
        SipURI target = agent.addresses().createSipURI(agent.settings().userId(), server.host());
        if (server.port() > 0) {
            target.setPort(server.port());
        }
        if (!"udp".equalsIgnoreCase(agent.transport())) {
            target.setTransportParam(agent.transport().toLowerCase());
        }
        SipURI aor = agent.addresses().createSipURI(agent.settings().userId(),
                ServerAddress.parse(agent.settings().server()).host());
        Address aorAddress = agent.addresses().createAddress(aor);
        List<ViaHeader> via = new ArrayList<>();
        via.add(agent.headers().createViaHeader(agent.localHost(), agent.localPort(), agent.transport(), null));
        Request request = agent.messages().createRequest(target, Request.SUBSCRIBE,
                agent.headers().createCallIdHeader(callId), agent.headers().createCSeqHeader(cseq++, Request.SUBSCRIBE),
                agent.headers().createFromHeader(aorAddress, fromTag), agent.headers().createToHeader(aorAddress, null),
                via, agent.headers().createMaxForwardsHeader(70));
        request.addHeader(agent.contact());
        agent.registration().addRoute(request);
        request.addHeader(agent.headers().createEventHeader(MessageSummary.EVENT));
        request.addHeader(agent.headers().createAcceptHeader(MessageSummary.TYPE, MessageSummary.SUBTYPE));
        request.addHeader(agent.headers().createExpiresHeader((int) agent.settings().expires().toSeconds()));
        request.addHeader(agent.headers().createHeader("User-Agent", agent.settings().userAgent()));
        return request;
    }
}
