package dev.ataemu.sip.stack;

import dev.ataemu.sip.dns.SipResolver;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.SipFactory;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and initialises jain-sip while a device is still booting, so that its first REGISTER need
 * not wait for it: a stack made and stopped, the factories, one request and one answer parsed, the
 * DNS resolver's tables and the JVM's default TLS context (every listening point asks for it).
 * Only speed depends on it; anything it fails at happens again, and is reported, when a real stack
 * is made.
 */
public final class SipWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String REQUEST = "OPTIONS sip:warm-up@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-warm-up\r\nMax-Forwards: 70\r\n"
            + "From: <sip:warm-up@127.0.0.1>;tag=1\r\nTo: <sip:warm-up@127.0.0.1>\r\nCall-ID: warm-up\r\n"
            + "CSeq: 1 OPTIONS\r\nContact: <sip:warm-up@127.0.0.1:5060>\r\nContent-Length: 0\r\n\r\n";
    private static final String ANSWER = "SIP/2.0 401 Unauthorized\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-warm-up\r\n"
            + "From: <sip:warm-up@127.0.0.1>;tag=1\r\nTo: <sip:warm-up@127.0.0.1>;tag=2\r\nCall-ID: warm-up\r\n"
            + "CSeq: 1 REGISTER\r\nWWW-Authenticate: Digest realm=\"warm-up\", nonce=\"1\", algorithm=MD5, qop=\"auth\"\r\n"
            + "Content-Length: 0\r\n\r\n";

    private SipWarmUp() {
    }

    /** Starts the warm-up on a thread of its own, the first time it is asked for in the process. */
    public static void inBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(SipWarmUp::run, "sip-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            SipStack stack = SipStacks.create("sip-warm-up");
            SipFactory factory = SipFactory.getInstance();
            factory.createMessageFactory().createRequest(REQUEST);
            factory.createMessageFactory().createResponse(ANSWER);
            factory.createHeaderFactory();
            factory.createAddressFactory().createAddress("\"Warm Up\" <sip:warm-up@127.0.0.1:5060;transport=udp>");
            SipStacks.stop(stack);
            new SipResolver(java.util.List.of());
            org.xbill.DNS.Type.value("NAPTR");
            javax.net.ssl.SSLContext.getDefault().getServerSocketFactory();
        } catch (Exception | LinkageError e) {
            // Asked for here, not when the class loads: the caller's thread does not set up logging.
            Logger log = LoggerFactory.getLogger(SipWarmUp.class);
            log.debug("SIP warm-up: {}", e.toString());
        }
    }
}
