package dev.ataemu.sip.ua;

import dev.ataemu.sip.account.ServerAddress;
import dev.ataemu.sip.account.AccountSettings;
import dev.ataemu.time.Scheduler;
import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import java.net.InetAddress;
import java.util.Objects;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP user agent of one account: a listening point on the account's local port, on the stack it
 * shares with the process's other accounts ({@link dev.ataemu.sip.stack.SharedStacks}), with every
 * event handed over to the device's scheduler so that the account's state machines run one event at
 * a time.
 */
public final class UserAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UserAgent.class);
    /** Where every account of the process looks names up; a few threads, since most answers come from the cache. */
    private static final java.util.concurrent.ExecutorService LOOKUPS = java.util.concurrent.Executors.newFixedThreadPool(4,
            work -> {
                Thread thread = new Thread(work, "sip-dns");
                thread.setDaemon(true);
                return thread;
            });

    private final Scheduler scheduler;
    private final AccountSettings settings;
    private final InetAddress address;
    private final dev.ataemu.sip.stack.StackLease lease;
    private final SipProvider provider;
    private final ListeningPoint listeningPoint;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final Registration registration;
    private final CallDispatcher calls;
    private final AuthenticationHelper auth;
    private final MwiSubscription mwi;
    private final dev.ataemu.sip.dns.SipResolver dns;
    private final dev.ataemu.sip.dns.HopResolver hops;
    private KeepAlive keepAlive;
    private volatile java.util.function.Consumer<MessageSummary> messageWaiting = summary -> { };

    public UserAgent(String name, InetAddress address, AccountSettings settings, Scheduler scheduler,
            Registration.Listener registrationListener) throws SipException {
        this.scheduler = Objects.requireNonNull(scheduler);
        this.settings = settings;
        this.address = address;
        boolean tls = "TLS".equalsIgnoreCase(settings.transport());
        this.dns = new dev.ataemu.sip.dns.SipResolver(settings.network().dnsServers());
        this.hops = new dev.ataemu.sip.dns.HopResolver(dns, settings.network().dnsMode(), settings.network().configuredIps());
        SipFactory factory = SipFactory.getInstance();
        try {
            this.addresses = factory.createAddressFactory();
            this.headers = factory.createHeaderFactory();
            this.messages = factory.createMessageFactory();
        } catch (PeerUnavailableException e) {
            throw new SipException("cannot start the SIP user agent (" + e.getMessage() + ")", e);
        }
        learnPublicMapping();
        try {
            this.lease = dev.ataemu.sip.stack.SharedStacks.lease(name, address, settings.localPort(), settings.transport(),
                    tls ? java.util.Optional.of(dev.ataemu.sip.stack.TlsIdentity.selfSigned(name)) : java.util.Optional.empty(),
                    settings.network().verifyServerCertificate(), hops, new Dispatcher());
        } catch (SipException e) {
            throw new SipException("cannot start the SIP user agent on " + address.getHostAddress() + ":"
                    + settings.localPort() + " (" + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")", e);
        }
        this.listeningPoint = lease.listeningPoint();
        this.provider = lease.provider();
        this.auth = ((SipStackExt) lease.stack()).getAuthenticationHelper(new Credentials(settings), headers);
        this.registration = new Registration(this, auth, (state, reason) -> {
            registrationListener.changed(state, reason);
            if (state == RegistrationState.REGISTERED && settings.subscribeMwi()) {
                mwiSubscription().start();
            }
            if (state == RegistrationState.REGISTERED) {
                keepAlive.start();
            }
        });
        this.calls = new CallDispatcher(this);
        this.mwi = new MwiSubscription(this, auth);
        this.keepAlive = new KeepAlive(this);
    }

    /** {@code listener} hears every SIP message this account sends and receives (for the syslog). */
    public void onMessage(dev.ataemu.sip.stack.SipMessageLog.Listener listener) {
        lease.onMessage(listener);
    }

    /**
     * Places a call to {@code user} through the account's server, with our SDP offer; the listener
     * hears ringing, the answer, failure or the far end's BYE on the device's scheduler.
     */
    public dev.ataemu.sip.call.OutgoingCall call(String user, String offer, dev.ataemu.sip.call.OutgoingCall.Listener listener)
            throws Exception {
        return call(user, offer, false, false, listener);
    }

    /** The same, withholding the caller's identity when {@code anonymous} (with Privacy: id when {@code privacyHeader}). */
    public dev.ataemu.sip.call.OutgoingCall call(String user, String offer, boolean anonymous, boolean privacyHeader,
            dev.ataemu.sip.call.OutgoingCall.Listener listener) throws Exception {
        return call(user, offer, anonymous, privacyHeader, false, listener);
    }

    /** The same; a {@code paging} call asks the far end to answer by itself (Call-Info answer-after=0, Alert-Info). */
    public dev.ataemu.sip.call.OutgoingCall call(String user, String offer, boolean anonymous, boolean privacyHeader,
            boolean paging, dev.ataemu.sip.call.OutgoingCall.Listener listener) throws Exception {
        ServerAddress server = ServerAddress.parse(registration.server());
        dev.ataemu.sip.call.ClientCall call = new dev.ataemu.sip.call.ClientCall(calls.context(), auth, listener);
        if (paging) {
            call.autoAnswer();
        }
        call.start(user, server.host(), server.port(), offer, settings, anonymous, privacyHeader);
        calls.placed(call);
        return call;
    }

    /**
     * A call for someone else, as a gateway places one: the account's user in From, with
     * {@code callerName} as its display name (the HT813's PSTN caller, FXO-23).
     */
    public dev.ataemu.sip.call.OutgoingCall callFor(String callerName, String user, String offer,
            dev.ataemu.sip.call.OutgoingCall.Listener listener) throws Exception {
        ServerAddress server = ServerAddress.parse(registration.server());
        dev.ataemu.sip.call.ClientCall call = new dev.ataemu.sip.call.ClientCall(calls.context(), auth, listener);
        call.displayName(callerName);
        call.start(user, server.host(), server.port(), offer, settings, false, false);
        calls.placed(call);
        return call;
    }

    /** Places a call to a full SIP URI (a transfer's target), taking over the {@code replaces} dialog when given. */
    public dev.ataemu.sip.call.OutgoingCall callUri(String uri, String offer, java.util.Optional<String> replaces,
            dev.ataemu.sip.call.OutgoingCall.Listener listener) throws Exception {
        if (!(addresses.createURI(uri) instanceof javax.sip.address.SipURI target)) {
            throw new IllegalArgumentException("not a SIP URI: " + uri);
        }
        String fromHost = settings.server().isBlank() ? localHost() : ServerAddress.parse(registration.server()).host();
        dev.ataemu.sip.call.ClientCall call = new dev.ataemu.sip.call.ClientCall(calls.context(), auth, listener);
        call.startTo(target, fromHost, offer, settings, false, false, replaces);
        calls.placed(call);
        return call;
    }

    /** Who takes incoming calls; until set, they are refused with 480. */
    public void onCall(dev.ataemu.sip.call.CallHandler handler) {
        calls.handler(handler);
    }

    public Registration registration() {
        return registration;
    }

    private volatile java.util.function.Consumer<ControlEvent> control = what -> { };

    /** Hears each accepted provisioning NOTIFY (check-sync, resync, reboot). */
    public void onControl(java.util.function.Consumer<ControlEvent> listener) {
        control = java.util.Objects.requireNonNull(listener);
    }

    void controlled(ControlEvent what) {
        control.accept(what);
    }

    /** Hears each message-summary NOTIFY (subscribed or not): whether voicemail waits. */
    public void onMessageWaiting(java.util.function.Consumer<MessageSummary> listener) {
        messageWaiting = java.util.Objects.requireNonNull(listener);
    }

    void messageSummary(MessageSummary summary) {
        messageWaiting.accept(summary);
    }

    private MwiSubscription mwiSubscription() {
        return mwi;
    }

    /** The account's DNS, as its mode and servers say. */
    public dev.ataemu.sip.dns.SipResolver dns() {
        return dns;
    }

    /** Where the account's requests go: the lookups of its DNS mode, with the targets that failed skipped. */
    dev.ataemu.sip.dns.HopResolver hops() {
        return hops;
    }

    public AccountSettings settings() {
        return settings;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    SipProvider provider() {
        return provider;
    }

    AddressFactory addresses() {
        return addresses;
    }

    HeaderFactory headers() {
        return headers;
    }

    MessageFactory messages() {
        return messages;
    }

    String localHost() {
        return address.getHostAddress();
    }

    /** What STUN says our SIP socket looks like from outside; Contact names it unless a NAT IP is set. */
    private volatile java.net.InetSocketAddress publicMapping;


    /**
     * NAT traversal by STUN (P52 with a STUN server, P76): before the stack takes the SIP port, asks
     * the server from that very port what it looks like outside, so that Contact and SDP name the
     * public mapping (NAT-03). A fixed NAT IP (P101) needs no asking; no answer leaves our own address.
     */
    private void learnPublicMapping() {
        String server = settings.network().stunServer().strip();
        if (server.isEmpty() || !settings.network().natAddress().isBlank() || !"UDP".equalsIgnoreCase(settings.transport())) {
            return;
        }
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(
                new java.net.InetSocketAddress(address, settings.localPort()))) {
            ServerAddress stun = ServerAddress.parse(server);
            java.util.List<InetAddress> addresses = dns.addresses(stun.host());
            if (addresses.isEmpty()) {
                LOG.warn("{}: the STUN server {} has no address", settings.userId(), stun.host());
                return;
            }
            java.util.Optional<java.net.InetSocketAddress> mapping = dev.ataemu.sip.nat.StunClient.mappedAddress(socket,
                    new java.net.InetSocketAddress(addresses.get(0), stun.port() > 0 ? stun.port() : STUN_PORT));
            mapping.ifPresentOrElse(found -> {
                LOG.info("{}: STUN says port {} is {} outside", settings.userId(), settings.localPort(), found);
                publicMapping = found;
            }, () -> LOG.warn("{}: no answer from the STUN server {}", settings.userId(), server));
        } catch (Exception e) {
            LOG.warn("{}: STUN to {} failed: {}", settings.userId(), server, e.getMessage());
        }
    }

    private static final int STUN_PORT = 3478;

    /** The address we give as ours in Contact: "Use NAT IP" (P101), else the STUN mapping, else our own. */
    public String contactHost() {
        String nat = settings.network().natAddress();
        if (!nat.isBlank()) {
            return nat.strip();
        }
        java.net.InetSocketAddress mapped = publicMapping;
        return mapped != null ? mapped.getAddress().getHostAddress() : localHost();
    }

    int contactPort() {
        java.net.InetSocketAddress mapped = publicMapping;
        return mapped != null && settings.network().natAddress().isBlank() ? mapped.getPort() : localPort();
    }

    /** Whether our URIs use the sips scheme: over TLS, when the account says so (P2329). */
    boolean sips() {
        return "TLS".equalsIgnoreCase(transport()) && settings.network().sipsScheme();
    }

    /** Marks a URI we send to with the account's transport (see {@link dev.ataemu.sip.call.ServerCall.Context#onTransport}). */
    void onTransport(javax.sip.address.SipURI uri) throws java.text.ParseException {
        calls.context().onTransport(uri);
    }

    /** Sends a request outside a dialog through the outbound proxy in use, if there is one. */
    void routeThroughProxy(javax.sip.message.Request request) throws java.text.ParseException, SipException {
        calls.context().routeThroughProxy(request);
    }

    /** Our Contact header for requests outside a dialog (REGISTER, SUBSCRIBE). */
    javax.sip.header.ContactHeader contact() throws java.text.ParseException {
        return calls.context().contact();
    }

    int localPort() {
        return listeningPoint.getPort();
    }

    ListeningPoint listeningPoint() {
        return listeningPoint;
    }

    String transport() {
        return listeningPoint.getTransport();
    }

    /**
     * Looks {@code host} up off the device's scheduler, since a DNS server that does not answer
     * keeps a lookup waiting for seconds, then hands {@code then} on the scheduler why it failed,
     * or nothing when it was found (the request that follows finds the answer in the cache).
     */
    void lookUp(String host, int port, java.util.function.Consumer<java.util.Optional<String>> then) {
        if (dev.ataemu.sip.dns.SipResolver.isLiteral(host)) {
            then.accept(java.util.Optional.empty());
            return;
        }
        String transport = transport();
        LOOKUPS.execute(() -> {
            java.util.Optional<String> failure;
            try {
                hops.lookUp(host, port, transport);
                failure = java.util.Optional.empty();
            } catch (RuntimeException e) {
                failure = java.util.Optional.of(e.getCause() != null && e.getCause().getMessage() != null
                        ? e.getCause().getMessage() : String.valueOf(e.getMessage()));
            }
            java.util.Optional<String> outcome = failure;
            scheduler.execute(() -> then.accept(outcome));
        });
    }

    /** Closes the account's listening point at once, as a power cut would: no unregistration. */
    @Override
    public void close() {
        registration.halt();
        mwi.stop();
        keepAlive.stop();
        lease.close();
    }

    /** jain-sip calls in on its own threads; the account's logic runs on the device's scheduler. */
    private final class Dispatcher implements SipListener {
        @Override
        public void processRequest(RequestEvent event) {
            scheduler.execute(() -> calls.request(event));
        }

        @Override
        public void processResponse(ResponseEvent event) {
            scheduler.execute(() -> {
                String method = ((javax.sip.header.CSeqHeader) event.getResponse()
                        .getHeader(javax.sip.header.CSeqHeader.NAME)).getMethod();
                if (javax.sip.message.Request.REGISTER.equals(method)) {
                    registration.response(event);
                } else if (mwi.owns(event)) {
                    mwi.response(event);
                } else if (keepAlive.owns(event)) {
                    keepAlive.response(event);
                } else {
                    calls.response(event);
                }
            });
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            scheduler.execute(() -> {
                String method = event.getClientTransaction() == null ? ""
                        : event.getClientTransaction().getRequest().getMethod();
                if (javax.sip.message.Request.SUBSCRIBE.equals(method)) {
                    mwi.timeout();
                } else if (javax.sip.message.Request.OPTIONS.equals(method)) {
                    // An unanswered keep-alive is counted when the next one is due.
                } else {
                    registration.timeout(event);
                    calls.timeout(event);
                }
            });
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            LOG.warn("SIP transport error toward {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
            scheduler.execute(() -> calls.dialogTerminated(event.getDialog()));
        }
    }
}
