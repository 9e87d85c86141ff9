package dev.ataemu.sip.ua;

import dev.ataemu.sip.account.KeepAliveSettings;
import dev.ataemu.sip.account.ServerAddress;
import dev.ataemu.time.Scheduler;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.address.SipURI;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's keep-alives while registered: an empty datagram to the server every P84 seconds
 * (NAT traversal "keep-alive", so a NAT's mapping stays open), and SIP OPTIONS every P2398 seconds; when
 * P2399 OPTIONS in a row got no answer by the time the next was due, the account registers again.
 * Runs on the device's scheduler.
 */
final class KeepAlive {

    private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);

    private final UserAgent agent;
    private final KeepAliveSettings settings;
    private Scheduler.Timer natTimer;
    private Scheduler.Timer optionsTimer;
    private ClientTransaction pendingOptions;
    private int lost;
    private long cseq = 1;
    private final String callId;
    /** The stack's UDP socket, looked up once; empty over TCP or when it cannot be reached. */
    private java.util.Optional<java.net.DatagramSocket> udpSocket;

    KeepAlive(UserAgent agent) {
        this.agent = agent;
        this.settings = agent.settings().keepAlive();
        this.callId = agent.provider().getNewCallId().getCallId();
    }

    /** Starts the keep-alives that are on, unless they already run. */
    void start() {
        if (settings.natKeepAlive() && natTimer == null && !settings.natInterval().isZero()) {
            natTimer = agent.scheduler().schedule(settings.natInterval(), this::sendKeepAlive);
        }
        if (settings.options() && optionsTimer == null) {
            optionsTimer = agent.scheduler().schedule(settings.optionsInterval(), this::sendOptions);
        }
    }

    void stop() {
        if (natTimer != null) {
            natTimer.cancel();
            natTimer = null;
        }
        if (optionsTimer != null) {
            optionsTimer.cancel();
            optionsTimer = null;
        }
    }

    boolean owns(ResponseEvent event) {
        return event.getClientTransaction() != null && event.getClientTransaction() == pendingOptions;
    }

    /** Any answer to our OPTIONS shows the server is there. */
    void response(ResponseEvent event) {
        if (event.getResponse().getStatusCode() >= 200) {
            pendingOptions = null;
            lost = 0;
        }
    }

    // The device sends an empty UDP datagram (NAT-05) from its SIP socket; over TCP, or if that socket
    // cannot be reached, the stack's CRLF heartbeat (RFC 5626) does the same job.
    private void sendKeepAlive() {
        natTimer = agent.scheduler().schedule(settings.natInterval(), this::sendKeepAlive);
        try {
            ServerAddress server = ServerAddress.parse(agent.registration().outboundProxy()
                    .orElse(agent.registration().server()));
            dev.ataemu.sip.dns.SipTarget target = agent.hops().choose(server.host(), server.port(), agent.transport());
            InetAddress address = target.address();
            int port = target.port();
            if (udpSocket == null) {
                udpSocket = findUdpSocket();
            }
            java.util.Optional<java.net.DatagramSocket> socket = udpSocket;
            if (socket.isPresent()) {
                socket.get().send(new java.net.DatagramPacket(new byte[0], 0, address, port));
            } else {
                ((gov.nist.javax.sip.ListeningPointExt) agent.listeningPoint()).sendHeartbeat(address.getHostAddress(), port);
            }
        } catch (Exception e) {
            LOG.debug("cannot send the keep-alive: {}", e.getMessage());
        }
    }

    private java.util.Optional<java.net.DatagramSocket> findUdpSocket() {
        if (!(agent.listeningPoint() instanceof gov.nist.javax.sip.ListeningPointImpl point)
                || !(point.getMessageProcessor() instanceof gov.nist.javax.sip.stack.UDPMessageProcessor udp)) {
            return java.util.Optional.empty();
        }
        try {
            java.lang.reflect.Field sock = gov.nist.javax.sip.stack.UDPMessageProcessor.class.getDeclaredField("sock");
            sock.setAccessible(true);
            return java.util.Optional.ofNullable((java.net.DatagramSocket) sock.get(udp));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private void sendOptions() {
        optionsTimer = agent.scheduler().schedule(settings.optionsInterval(), this::sendOptions);
        if (pendingOptions != null && ++lost >= settings.optionsMaxLost()) {
            LOG.info("{}: {} OPTIONS unanswered; registering again", agent.settings().userId(), lost);
            lost = 0;
            pendingOptions = null;
            agent.registration().renew();
            return;
        }
        try {
            ServerAddress server = ServerAddress.parse(agent.registration().server());
            SipURI target = agent.addresses().createSipURI(null, server.host());
            if (server.port() > 0) {
                target.setPort(server.port());
            }
            SipURI aor = agent.addresses().createSipURI(agent.settings().userId(), server.host());
            List<ViaHeader> via = new ArrayList<>();
            via.add(agent.headers().createViaHeader(agent.localHost(), agent.localPort(), agent.transport(), null));
            Request options = agent.messages().createRequest(target, Request.OPTIONS,
                    agent.headers().createCallIdHeader(callId), agent.headers().createCSeqHeader(cseq++, Request.OPTIONS),
                    agent.headers().createFromHeader(agent.addresses().createAddress(aor), Long.toHexString(System.nanoTime())),
                    agent.headers().createToHeader(agent.addresses().createAddress(aor), null), via,
                    agent.headers().createMaxForwardsHeader(70));
            options.addHeader(agent.headers().createHeader("User-Agent", agent.settings().userAgent()));
            agent.registration().addRoute(options);
            ClientTransaction transaction = agent.provider().getNewClientTransaction(options);
            transaction.sendRequest();
            pendingOptions = transaction;
        } catch (Exception e) {
            LOG.debug("cannot send OPTIONS: {}", e.getMessage());
        }
    }
}
