package dev.ataemu.core.call.torture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.testing.SippRegistrar;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The torture messages of RFC 4475 (section 3) and RFC 5118 (section 4), stored bit-exact, fed one
 * by one to a running device over UDP and over TCP (and RFC 5118's over IPv6 too). Each is judged
 * as its RFC says an endpoint should treat it; a phone that rings is cancelled. Afterwards the
 * device, not restarted, still takes a call on the same SIP stack, and registers with a digest
 * registrar (which points the account at a new server, so its stack starts over for that).
 */
class SipTortureTest {

    private static final List<TortureMessage> MESSAGES = TortureCatalog.all();
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    @DisplayName("SIP-50 RFC 4475 and RFC 5118 torture messages over UDP: valid ones handled, invalid ones answered 400"
            + " (or as the RFC says) or dropped, no call left over; the device then takes a call and registers")
    void overUdp() throws Exception {
        try (TortureDevice device = new TortureDevice(work.resolve("udp-device"), TortureDevice.UDP);
             UdpTorturePeer peer = new UdpTorturePeer(new InetSocketAddress(TortureDevice.LOOPBACK, device.sipPort),
                     MESSAGES.stream().map(m -> WireForm.adapt(m, "UDP").viaPort()).collect(Collectors.toSet()))) {
            judge("UDP", TortureRun.feed(peer, MESSAGES), device);

            SippRun caller = Sipp.stock(work.resolve("sipp"), "uac").remote("127.0.0.1:" + device.sipPort)
                    .service(TortureDevice.USER).calls(1).callDuration(Duration.ofSeconds(1)).timeout(LIMIT).start();
            answer(device);
            SippResult call = caller.awaitResult(LIMIT);
            assertThat(call.succeeded()).as(call::describe).isTrue();
            hangUp(device);

            try (SippRegistrar registrar = SippRegistrar.start(work, TortureDevice.USER, TortureDevice.PASSWORD)) {
                device.registerAt(registrar.port());
                assertThat(TortureDevice.await(device::registered, LIMIT)).as(registrar::output).isTrue();
                assertThat(registrar.succeeded(LIMIT.toSeconds())).as(registrar::output).isTrue();
            }
        }
    }

    @Test
    @DisplayName("SIP-50 RFC 4475 and RFC 5118 torture messages over TCP, each on its own connection: valid ones"
            + " handled, invalid ones answered 400 (or as the RFC says) or dropped or the connection closed, no call"
            + " left over; the device then takes a call and registers over TCP")
    void overTcp() throws Exception {
        try (TortureDevice device = new TortureDevice(work.resolve("tcp-device"), TortureDevice.TCP);
             TcpTorturePeer peer = new TcpTorturePeer(new InetSocketAddress(TortureDevice.LOOPBACK, device.sipPort))) {
            judge("TCP", TortureRun.feed(peer, MESSAGES), device);

            try (TcpSipp caller = TcpSipp.call(work, device.sipPort, TortureDevice.USER)) {
                answer(device);
                assertThat(caller.succeeded(LIMIT)).as(caller::output).isTrue();
            }
            hangUp(device);

            try (TcpSipp registrar = TcpSipp.registrar(work, TortureDevice.USER, TortureDevice.PASSWORD)) {
                assertThat(TortureDevice.await(registrar::listening, LIMIT)).as(registrar::output).isTrue();
                device.registerAt(registrar.port);
                assertThat(TortureDevice.await(device::registered, LIMIT)).as(registrar::output).isTrue();
                assertThat(registrar.succeeded(LIMIT)).as(registrar::output).isTrue();
            }
        }
    }

    @Test
    @DisplayName("SIP-50 the RFC 5118 torture messages over UDP on IPv6 loopback (::1): valid ones handled, the"
            + " invalid one answered 400 or as the RFC says or dropped, no call left over")
    void rfc5118OverIpv6() throws Exception {
        InetAddress ipv6 = InetAddress.getByName("::1");
        List<TortureMessage> messages = MESSAGES.stream().filter(message -> message.rfc() == 5118).toList();
        Set<Integer> viaPorts = messages.stream().map(m -> WireForm.adapt(m, "UDP").viaPort())
                .collect(Collectors.toSet());
        Assumptions.assumeTrue(bindable(ipv6, viaPorts), "no IPv6 loopback, or its ports " + viaPorts + " are taken");
        try (TortureDevice device = new TortureDevice(work.resolve("ipv6-device"), TortureDevice.UDP, ipv6);
             UdpTorturePeer peer = new UdpTorturePeer(new InetSocketAddress(ipv6, device.sipPort), viaPorts,
                     List.of(ipv6))) {
            judge("UDP", TortureRun.feed(peer, messages), device);
        }
    }

    /** Whether the UDP {@code ports}, and 5060 that the peer sends from, can be bound on {@code address}. */
    private static boolean bindable(InetAddress address, Set<Integer> ports) {
        Set<Integer> needed = new TreeSet<>(ports);
        needed.add(5060);
        List<DatagramSocket> bound = new ArrayList<>();
        try {
            for (int port : needed) {
                bound.add(new DatagramSocket(port, address));
            }
            return true;
        } catch (java.io.IOException absentOrTaken) {
            return false;
        } finally {
            bound.forEach(DatagramSocket::close);
        }
    }

    /** Prints the table, checks every message against its RFC, and that the device is up with its line at rest. */
    private static void judge(String transport, TortureRun.Result result, TortureDevice device) throws Exception {
        String over = device.address instanceof Inet6Address ? transport + " on IPv6" : transport;
        System.out.print(TortureReport.of(over, result));
        Map<String, String> violations = new LinkedHashMap<>();
        result.outcomes().values().forEach(outcome -> TortureVerdict.violation(transport, outcome)
                .ifPresent(violation -> violations.put(outcome.message.label(), violation)));
        assertThat(violations).as("messages not treated as their RFC says, over " + over).isEmpty();
        if (result.outcomes().containsKey("bext01")) {
            assertThat(result.outcomes().get("bext01").header(420, "Unsupported"))
                    .as("the 420 names what bext01 requires")
                    .contains("nothingSupportsThis", "nothingSupportsThisEither");
            assertThat(result.outcomes().get("invut").header(415, "Accept")).as("the 415 says what is accepted")
                    .isEqualTo("application/sdp");
        }
        assertThat(device.device.power()).isEqualTo(PowerState.READY);
        assertThat(TortureDevice.await(() -> !device.device.handset(1).ringing()
                && device.device.fxsLine(1).state() == LineState.IDLE, LIMIT))
                .as("no torture call is left ringing or up: line %s", device.device.fxsLine(1).state()).isTrue();
    }

    private static void answer(TortureDevice device) throws InterruptedException {
        VirtualHandset handset = device.device.handset(1);
        assertThat(TortureDevice.await(handset::ringing, LIMIT)).as("the phone rings for the call").isTrue();
        handset.offHook();
    }

    private static void hangUp(TortureDevice device) throws InterruptedException {
        assertThat(device.device.fxsLine(1).state()).isIn(LineState.OFF_HOOK_IDLE, LineState.CONNECTED);
        device.device.handset(1).onHook();
        assertThat(TortureDevice.await(() -> device.device.fxsLine(1).state() == LineState.IDLE, LIMIT)).isTrue();
    }
}
