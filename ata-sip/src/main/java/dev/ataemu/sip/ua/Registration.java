package dev.ataemu.sip.ua;

import dev.ataemu.sip.account.ServerAddress;
import dev.ataemu.sip.account.AccountSettings;
import dev.ataemu.time.Scheduler;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration client of one account (RFC 3261 section 10): REGISTER with digest authentication,
 * refreshed ahead of expiry, retried after the retry wait (or the longer wait after a 403, or the
 * Retry-After of a 5xx when longer), and withdrawn when the account stops. Runs on the device's
 * scheduler.
 *
 * <p>When the server does not answer (64 T1, P209) or answers 5xx, the account registers with the
 * failover server (P967) at once; it stays there while that server answers, unless "Prefer Primary
 * SIP Server" (P4567) sends it back to the server when the failover registration comes up for
 * renewal. When the failover server fails too, the next try after the retry wait is the server.
 */
public final class Registration {

    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
    private static final int MAX_CHALLENGES = 2;
    /** The longest Retry-After honoured: the longest retry wait the settings allow (P138). */
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Hears every change of the registration's state, with a reason for the log and the status page. */
    public interface Listener {
        void changed(RegistrationState state, String reason);
    }

    private final UserAgent agent;
    private final AuthenticationHelper auth;
    private final Listener listener;
    private final String callId;
    private final String fromTag = HexFormat.of().formatHex(RANDOM.generateSeed(4));
    private RegistrationState state = RegistrationState.IDLE;
    private ClientTransaction pending;
    private long cseq = 1;
    private int challenges;
    private boolean stopping;
    /** Counts the REGISTERs asked for: a lookup that comes back after a later one was asked for is dropped. */
    private long sends;
    private Scheduler.Timer next;
    private Duration granted = Duration.ZERO;
    private boolean onFailover;
    private boolean onBackupProxy;
    /** "Unregister On Reboot" (P81): the first REGISTER after start removes every binding (Contact: *). */
    private boolean clearing;

    Registration(UserAgent agent, AuthenticationHelper auth, Listener listener) {
        this.agent = agent;
        this.auth = auth;
        this.listener = listener;
        this.callId = agent.provider().getNewCallId().getCallId();
    }

    public RegistrationState state() {
        return state;
    }

    /** The lifetime the registrar granted the last time it accepted the binding. */
    public Duration granted() {
        return granted;
    }

    /** The server the account registers with and calls through now: the primary or the failover one. */
    public String server() {
        return onFailover ? agent.settings().failoverServer() : agent.settings().server();
    }

    /** The outbound proxy requests go through now: P48, or its backup P2333 after P48 stopped answering. */
    public java.util.Optional<String> outboundProxy() {
        if (onBackupProxy) {
            return java.util.Optional.of(agent.settings().network().backupOutboundProxy());
        }
        return agent.settings().outboundProxy().filter(proxy -> !proxy.isBlank());
    }

    /** Starts registering, if the account has what it takes. Call on the device's scheduler. */
    public void start() {
        stopping = false;
        onFailover = false;
        onBackupProxy = false;
        if (!agent.settings().canRegister()) {
            enter(RegistrationState.IDLE, "no server or user ID, or registration off");
            return;
        }
        clearing = agent.settings().signalling().unregisterOnReboot();
        send(clearing ? Duration.ZERO : agent.settings().expires());
    }

    /** Registers again now (the server seems to have lost us), without starting over. */
    public void renew() {
        if (!stopping && agent.settings().canRegister()) {
            send(agent.settings().expires());
        }
    }

    /** Stops refreshing, and withdraws the binding if there is one. */
    public void stop() {
        cancelTimer();
        if (state == RegistrationState.REGISTERED && !stopping) {
            stopping = true;
            send(Duration.ZERO);
        }
    }

    /** Forgets the registration without telling the registrar (power cut, stack shut down). */
    void halt() {
        cancelTimer();
        sends++;
        stopping = true;
        pending = null;
    }

    void response(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null || transaction != pending) {
            return;
        }
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
                && challenges < MAX_CHALLENGES) {
            challenges++;
            answerChallenge(response, transaction);
            return;
        }
        pending = null;
        challenges = 0;
        if (stopping) {
            enter(RegistrationState.IDLE, "unregistered (" + status + ")");
            return;
        }
        if (clearing) {
            clearing = false;
            LOG.info("{}: old bindings removed ({}); registering", agent.settings().userId(), status);
            send(agent.settings().expires());
            return;
        }
        if (status >= 200 && status < 300) {
            registered(response);
        } else if (status == Response.FORBIDDEN) {
            Duration wait = agent.settings().retryAfterForbidden();
            if (wait.isZero()) {
                enter(RegistrationState.IDLE, "403 Forbidden: not retrying");
            } else {
                failed("403 Forbidden", wait);
            }
        } else if (status >= 500 && status < 600) {
            serverUnavailable(status + " " + response.getReasonPhrase(), retryAfter(response));
        } else {
            failed(status + " " + response.getReasonPhrase(), agent.settings().retryWait());
        }
    }

    void timeout(TimeoutEvent event) {
        if (event.getClientTransaction() == null || event.getClientTransaction() != pending) {
            return;
        }
        pending = null;
        challenges = 0;
        if (stopping) {
            enter(RegistrationState.IDLE, "unregister timed out");
        } else {
            serverUnavailable("no answer from " + server(), Duration.ZERO);
        }
    }

    /**
     * How long a 5xx asks us to leave the server alone (RFC 3261 section 21.5.4), at most
     * MAX_RETRY_AFTER: a server must not be able to silence the account for good.
     */
    private static Duration retryAfter(Response response) {
        RetryAfterHeader header = (RetryAfterHeader) response.getHeader(RetryAfterHeader.NAME);
        return header == null ? Duration.ZERO
                : Duration.ofSeconds(Math.min(header.getRetryAfter(), MAX_RETRY_AFTER.toSeconds()));
    }

    /**
     * The first hop did not answer (or refused with 5xx): the next DNS target of the same name, then the
     * backup outbound proxy, then the failover server; when all have failed, the retry wait, or
     * longer when the server asked for that (Retry-After).
     */
    private void serverUnavailable(String reason, Duration serverAsked) {
        ServerAddress firstHop = ServerAddress.parse(outboundProxy().orElse(server()));
        if (agent.hops().failed(firstHop.host(), firstHop.port(), agent.transport())) {
            LOG.info("{}: {}; trying the next address of {}", agent.settings().userId(), reason, firstHop.host());
            send(agent.settings().expires());
            return;
        }
        if (!onBackupProxy && outboundProxy().isPresent() && agent.settings().network().hasBackupOutboundProxy()) {
            onBackupProxy = true;
            LOG.info("{}: {}; going through the backup outbound proxy {}", agent.settings().userId(), reason,
                    outboundProxy().get());
            send(agent.settings().expires());
            return;
        }
        if (!onFailover && agent.settings().hasFailover()) {
            onFailover = true;
            LOG.info("{}: {}; failing over to {}", agent.settings().userId(), reason, server());
            send(agent.settings().expires());
            return;
        }
        onFailover = false;
        onBackupProxy = false;
        agent.hops().forgetFailures();
        Duration wait = agent.settings().retryWait();
        failed(reason, serverAsked.compareTo(wait) > 0 ? serverAsked : wait);
    }

    private void registered(Response response) {
        granted = grantedLifetime(response);
        Duration before = agent.settings().reRegisterBefore();
        Duration refresh = before.isZero() || before.compareTo(granted) >= 0 ? granted.dividedBy(2) : granted.minus(before);
        cancelTimer();
        next = agent.scheduler().schedule(refresh, () -> {
            if (onFailover && agent.settings().preferPrimary()) {
                onFailover = false;
            }
            if (onBackupProxy && agent.settings().network().preferPrimaryOutboundProxy()) {
                onBackupProxy = false;
            }
            // A renewal tries the most preferred DNS target again: the account returns once it recovers.
            agent.hops().forgetFailures();
            send(agent.settings().expires());
        });
        enter(RegistrationState.REGISTERED, "200 OK from " + server() + ", expires in " + granted.toSeconds() + " s");
    }

    private void failed(String reason, Duration retry) {
        cancelTimer();
        next = agent.scheduler().schedule(retry, () -> send(agent.settings().expires()));
        enter(RegistrationState.FAILED, reason + "; retrying in " + retry.toSeconds() + " s");
    }

    private Duration grantedLifetime(Response response) {
        ListIterator<?> contacts = response.getHeaders(ContactHeader.NAME);
        String ours = "@" + agent.contactHost() + ":" + agent.contactPort();
        while (contacts.hasNext()) {
            ContactHeader contact = (ContactHeader) contacts.next();
            if (contact.getAddress().getURI().toString().contains(ours) && contact.getExpires() >= 0) {
                return Duration.ofSeconds(contact.getExpires());
            }
        }
        ExpiresHeader expires = response.getExpires();
        return expires != null ? Duration.ofSeconds(expires.getExpires()) : agent.settings().expires();
    }

    private void answerChallenge(Response response, ClientTransaction challenged) {
        try {
            pending = auth.handleChallenge(response, challenged, agent.provider(), 5, true);
            pending.sendRequest();
        } catch (SipException | NullPointerException e) {
            pending = null;
            failed("cannot answer the authentication challenge (" + e.getMessage() + ")", agent.settings().retryWait());
        }
    }

    /**
     * Sends a REGISTER once the first hop's name is looked up; withdrawing the binding on the way
     * out does not wait (the name was looked up for the binding it withdraws).
     */
    private void send(Duration expires) {
        cancelTimer();
        long attempt = ++sends;
        if (stopping) {
            sendNow(expires);
            return;
        }
        ServerAddress firstHop = ServerAddress.parse(outboundProxy().orElse(server()));
        agent.lookUp(firstHop.host(), firstHop.port(), failure -> {
            if (attempt != sends) {
                return;
            }
            if (failure.isPresent()) {
                pending = null;
                LOG.warn("cannot send REGISTER: {}", failure.get());
                failed("cannot send REGISTER (" + failure.get() + ")", agent.settings().retryWait());
            } else {
                sendNow(expires);
            }
        });
    }

    private void sendNow(Duration expires) {
        try {
            Request request = build(expires);
            pending = agent.provider().getNewClientTransaction(request);
            pending.setRetransmitTimer((int) agent.settings().t1().toMillis());
            challenges = 0;
            pending.sendRequest();
            if (!stopping) {
                enter(RegistrationState.REGISTERING, "REGISTER sent to " + server());
            }
        } catch (Exception e) {
            pending = null;
            LOG.warn("cannot send REGISTER: {}", e.getMessage());
            if (!stopping) {
                failed("cannot send REGISTER (" + e.getMessage() + ")", agent.settings().retryWait());
            }
        }
    }

    private Request build(Duration expires) throws Exception {
        AccountSettings settings = agent.settings();
        ServerAddress server = ServerAddress.parse(server());
        SipURI requestUri = agent.addresses().createSipURI(null, server.host());
        if (server.port() > 0) {
            requestUri.setPort(server.port());
        }
        agent.onTransport(requestUri);
        // The address of record stays in the account's own domain, whichever server takes it.
        SipURI aor = agent.addresses().createSipURI(settings.userId(), ServerAddress.parse(settings.server()).host());
        Address aorAddress = agent.addresses().createAddress(aor);
        if (!settings.displayName().isBlank()) {
            aorAddress.setDisplayName(settings.displayName());
        }
        FromHeader from = agent.headers().createFromHeader(aorAddress, fromTag);
        ToHeader to = agent.headers().createToHeader(agent.addresses().createAddress(aor), null);
        CallIdHeader callIdHeader = agent.headers().createCallIdHeader(callId);
        CSeqHeader cseqHeader = agent.headers().createCSeqHeader(cseq++, Request.REGISTER);
        List<ViaHeader> via = new ArrayList<>();
        via.add(agent.headers().createViaHeader(agent.localHost(), agent.localPort(), agent.transport(), null));
        Request request = agent.messages().createRequest(requestUri, Request.REGISTER, callIdHeader, cseqHeader,
                from, to, via, agent.headers().createMaxForwardsHeader(70));
        request.addHeader(clearing ? agent.headers().createContactHeader() : agent.contact());
        request.addHeader(agent.headers().createExpiresHeader((int) expires.toSeconds()));
        request.addHeader(agent.headers().createHeader("User-Agent", settings.userAgent()));
        addRoute(request);
        return request;
    }

    /** Sends a request outside a dialog through the outbound proxy in use, if there is one. */
    void addRoute(Request request) {
        try {
            agent.routeThroughProxy(request);
        } catch (Exception e) {
            LOG.warn("ignoring the outbound proxy '{}': {}", outboundProxy().orElse(""), e.getMessage());
        }
    }

    private void cancelTimer() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void enter(RegistrationState next, String reason) {
        state = next;
        LOG.info("{}@{}: {} ({})", agent.settings().userId(), agent.settings().server(), next, reason);
        listener.changed(next, reason);
    }
}
