package dev.ataemu.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.core.net.AddressResolver;
import gov.nist.javax.sip.stack.HopImpl;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SharedStacksTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final AddressResolver LITERAL = hop -> hop;

    @Test
    @DisplayName("SIP-23 the UDP accounts of the process share one stack, each on its own port, and each hears only the requests sent to its port")
    void accountsShareAStack() throws Exception {
        Heard first = new Heard();
        Heard second = new Heard();
        try (StackLease one = lease(LITERAL, first); StackLease two = lease(LITERAL, second)) {
            assertThat(two.stack()).isSameAs(one.stack());
            int port = one.listeningPoint().getPort();
            assertThat(two.listeningPoint().getPort()).isNotEqualTo(port);

            try (DatagramSocket far = new DatagramSocket(0, LOOPBACK)) {
                send(far, options("first", port), port);
                send(far, options("second", two.listeningPoint().getPort()), two.listeningPoint().getPort());
                awaitRequests(first, 1);
                awaitRequests(second, 1);
            }
            assertThat(first.callIds).containsExactly("first");
            assertThat(second.callIds).containsExactly("second");
        }
    }

    @Test
    @DisplayName("FXO-07 two accounts of one stack call each other directly (the HT813's phone calling its own FXO account)")
    void accountsOfOneStackCallEachOther() throws Exception {
        Heard callee = new Heard();
        Heard caller = new Heard();
        try (StackLease one = lease(LITERAL, caller); StackLease two = lease(LITERAL, callee)) {
            Request invite = request(one, "sip:2000@127.0.0.1:" + two.listeningPoint().getPort(), Request.INVITE);
            invite.addHeader(SipFactory.getInstance().createHeaderFactory().createContactHeader(
                    SipFactory.getInstance().createAddressFactory().createAddress(
                            "sip:1000@127.0.0.1:" + one.listeningPoint().getPort())));
            one.provider().getNewClientTransaction(invite).sendRequest();
            awaitRequests(callee, 1);
        }
    }

    @Test
    @DisplayName("PLAT-32 on a shared stack each account's requests go where its own lookups say")
    void eachAccountRoutesWithItsOwnLookups() throws Exception {
        try (DatagramSocket serverOfOne = new DatagramSocket(0, LOOPBACK);
                DatagramSocket serverOfTwo = new DatagramSocket(0, LOOPBACK);
                StackLease one = lease(named("pbx.test", serverOfOne.getLocalPort()), new Heard());
                StackLease two = lease(named("pbx.test", serverOfTwo.getLocalPort()), new Heard())) {
            one.provider().sendRequest(request(one, "sip:1001@pbx.test"));
            two.provider().sendRequest(request(two, "sip:1002@pbx.test"));

            assertThat(receive(serverOfOne)).contains("sip:1001@pbx.test").doesNotContain("1002@");
            assertThat(receive(serverOfTwo)).contains("sip:1002@pbx.test").doesNotContain("1001@");
        }
    }

    @Test
    @DisplayName("SIP-23 an account that goes frees its port for the next (its device switched off and on), the others "
            + "go on, and opening and closing accounts leaves no thread behind; the stack stops with its last account")
    void closingAnAccount() throws Exception {
        Heard stays = new Heard();
        StackLease staying = lease(LITERAL, stays);
        String stackName = staying.stack().getStackName();
        try {
            for (int i = 0; i < 3; i++) {
                lease(LITERAL, new Heard()).close();
            }
            int threads = Thread.activeCount();
            for (int i = 0; i < 20; i++) {
                StackLease passing = lease(LITERAL, new Heard());
                int port = passing.listeningPoint().getPort();
                passing.close();
                StackLease again = SharedStacks.lease("shared-test", LOOPBACK, port, "UDP", Optional.empty(), false, LITERAL,
                        new Heard());
                assertThat(again.listeningPoint().getPort()).isEqualTo(port);
                again.close();
            }
            awaitThreadsAtMost(threads + 2);

            try (DatagramSocket far = new DatagramSocket(0, LOOPBACK)) {
                send(far, options("still", staying.listeningPoint().getPort()), staying.listeningPoint().getPort());
                awaitRequests(stays, 1);
            }
        } finally {
            staying.close();
        }
        StackLease next = lease(LITERAL, new Heard());
        try {
            assertThat(next.stack().getStackName()).isNotEqualTo(stackName);
        } finally {
            next.close();
        }
    }

    @Test
    @DisplayName("SIP-23 a port that is taken is a clear error, and the accounts already open are untouched")
    void aTakenPort() throws Exception {
        Heard stays = new Heard();
        try (StackLease staying = lease(LITERAL, stays)) {
            int taken = staying.listeningPoint().getPort();
            assertThatThrownBy(() -> SharedStacks.lease("taken", LOOPBACK, taken, "UDP", Optional.empty(), false, LITERAL,
                    new Heard())).isInstanceOf(SipException.class).hasMessageContaining(":" + taken);
            try (DatagramSocket far = new DatagramSocket(0, LOOPBACK)) {
                send(far, options("after", taken), taken);
                awaitRequests(stays, 1);
            }
        }
    }

    @Test
    @DisplayName("LOG-08 each account's log hears the messages of its own listening point only")
    void messageLogPerAccount() throws Exception {
        try (StackLease one = lease(LITERAL, new Heard()); StackLease two = lease(LITERAL, new Heard());
                DatagramSocket far = new DatagramSocket(0, LOOPBACK)) {
            List<String> ofOne = new CopyOnWriteArrayList<>();
            List<String> ofTwo = new CopyOnWriteArrayList<>();
            one.onMessage((message, sent, peer) -> ofOne.add(((Request) message).getRequestURI().toString()));
            two.onMessage((message, sent, peer) -> ofTwo.add(((Request) message).getRequestURI().toString()));
            one.provider().sendRequest(request(one, "sip:to-one@127.0.0.1:" + far.getLocalPort()));
            two.provider().sendRequest(request(two, "sip:to-two@127.0.0.1:" + far.getLocalPort()));
            receive(far);
            receive(far);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((ofOne.isEmpty() || ofTwo.isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ofOne).containsExactly("sip:to-one@127.0.0.1:" + far.getLocalPort());
            assertThat(ofTwo).containsExactly("sip:to-two@127.0.0.1:" + far.getLocalPort());
        }
    }

    private static StackLease lease(AddressResolver hops, SipListener listener) throws Exception {
        for (int attempt = 0; ; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
                port = probe.getLocalPort();
            }
            try {
                return SharedStacks.lease("shared-test", LOOPBACK, port, "UDP", Optional.empty(), false, hops, listener);
            } catch (SipException taken) {
                if (attempt == 5) {
                    throw taken;
                }
            }
        }
    }

    /** Looks {@code name} up as the loopback address at {@code port}; other names are taken as they are. */
    private static AddressResolver named(String name, int port) {
        return hop -> hop.getHost().equals(name) ? new HopImpl("127.0.0.1", port, hop.getTransport()) : hop;
    }

    private static Request request(StackLease lease, String uri) throws Exception {
        return request(lease, uri, Request.OPTIONS);
    }

    private static Request request(StackLease lease, String uri, String method) throws Exception {
        SipFactory factory = SipFactory.getInstance();
        AddressFactory addresses = factory.createAddressFactory();
        HeaderFactory headers = factory.createHeaderFactory();
        String local = lease.listeningPoint().getIPAddress();
        int port = lease.listeningPoint().getPort();
        javax.sip.address.Address from = addresses.createAddress("sip:test@" + local + ":" + port);
        List<javax.sip.header.ViaHeader> via = new ArrayList<>();
        via.add(headers.createViaHeader(local, port, "udp", "z9hG4bK" + System.nanoTime()));
        return factory.createMessageFactory().createRequest(addresses.createURI(uri), method,
                headers.createCallIdHeader("route-" + System.nanoTime()), headers.createCSeqHeader(1L, method),
                headers.createFromHeader(from, "tag" + port), headers.createToHeader(addresses.createAddress(uri), null), via,
                headers.createMaxForwardsHeader(70));
    }

    private static String options(String callId, int port) {
        return "OPTIONS sip:test@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK" + callId + System.nanoTime() + "\r\n"
                + "From: <sip:far@127.0.0.1>;tag=far\r\nTo: <sip:test@127.0.0.1>\r\nCall-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    private static void send(DatagramSocket socket, String message, int port) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, port));
    }

    private static String receive(DatagramSocket socket) throws Exception {
        socket.setSoTimeout(5000);
        DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return "";
        }
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
    }

    private static void awaitRequests(Heard heard, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (heard.callIds.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(heard.callIds).hasSize(count);
    }

    private static void awaitThreadsAtMost(int most) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Thread.activeCount() > most && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(most);
    }

    /** An account that notes the Call-ID of each request it hears. */
    private static final class Heard implements SipListener {
        final List<String> callIds = new CopyOnWriteArrayList<>();

        @Override
        public void processRequest(RequestEvent event) {
            callIds.add(((javax.sip.header.CallIdHeader) event.getRequest().getHeader(javax.sip.header.CallIdHeader.NAME))
                    .getCallId());
        }

        @Override
        public void processResponse(ResponseEvent event) {
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }
}
