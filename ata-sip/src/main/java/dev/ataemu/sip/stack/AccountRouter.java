package dev.ataemu.sip.stack;

import gov.nist.core.net.AddressResolver;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * jain-sip's routing, with each request's names looked up by the account that sends it. A stack
 * has one address resolver, but the accounts that share a stack each have their own DNS servers,
 * DNS mode and configured server addresses. The account is known by the request's top Via, which
 * names its listening point; while jain-sip's own routing picks the next hop, the stack's
 * {@link Addresses} hands the lookup to that account. jain-sip makes the router by class name.
 */
public final class AccountRouter extends gov.nist.javax.sip.stack.DefaultRouter {

    private static final ThreadLocal<AddressResolver> SENDER = new ThreadLocal<>();

    private final Map<String, AddressResolver> accounts = new ConcurrentHashMap<>();

    public AccountRouter(SipStack stack, String outboundProxy) {
        super(stack, outboundProxy);
    }

    /** Requests whose top Via names {@code host:port} are routed with {@code resolver}'s lookups. */
    void register(String host, int port, AddressResolver resolver) {
        accounts.put(key(host, port), resolver);
    }

    void forget(String host, int port) {
        accounts.remove(key(host, port));
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        AddressResolver sender = via == null ? null : accounts.get(key(via.getHost(), via.getPort()));
        SENDER.set(sender);
        try {
            return super.getNextHop(request);
        } finally {
            SENDER.remove();
        }
    }

    private static String key(String host, int port) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /**
     * The stack's address resolver: the sending account's lookups while a request is routed.
     * Elsewhere jain-sip asks about addresses it received (a Via's sent-by, to learn the reply port):
     * those need no lookup, since a reply goes back to where the request came from (RFC 3261
     * section 18.2.2), and looking them up would let any sender make the device query names of its
     * choosing. A literal address gets the transport's default port when it has none.
     */
    static final class Addresses implements AddressResolver {
        @Override
        public Hop resolveAddress(Hop hop) {
            AddressResolver sender = SENDER.get();
            if (sender != null) {
                return sender.resolveAddress(hop);
            }
            if (hop.getPort() > 0) {
                return hop;
            }
            String transport = hop.getTransport() == null ? "UDP" : hop.getTransport();
            return new HopImpl(hop.getHost(), "TLS".equalsIgnoreCase(transport) ? 5061 : 5060, transport);
        }
    }
}
