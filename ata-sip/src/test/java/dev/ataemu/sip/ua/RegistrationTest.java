package dev.ataemu.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.sip.account.AccountSettings;
import dev.ataemu.testing.SippRegistrar;
import dev.ataemu.time.RealTimeScheduler;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registration client against SIPp (Debian sip-tester) acting as a registrar with digest authentication. */
class RegistrationTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path work;

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    private static AccountSettings account(int registrarPort, String password) throws IOException {
        return new AccountSettings(true, true, "127.0.0.1:" + registrarPort, Optional.empty(), "1001", "", password,
                "Alice", "UDP", freeUdpPort(), Duration.ofMinutes(60), Duration.ZERO, Duration.ofSeconds(30),
                Duration.ofSeconds(1200), "Grandstream HT813 (emulator)");
    }

    private static void await(List<RegistrationState> states, RegistrationState wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!states.contains(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    @DisplayName("SIP-13 SIP-14 SIP-15 SIP-19 the account registers with digest authentication and learns the granted expiry")
    void registersWithDigest() throws Exception {
        List<RegistrationState> states = new CopyOnWriteArrayList<>();
        try (SippRegistrar registrar = SippRegistrar.start(work, "1001", "s3cret");
             RealTimeScheduler scheduler = new RealTimeScheduler("sip-test");
             UserAgent agent = new UserAgent("ht813-fxs", LOOPBACK, account(registrar.port(), "s3cret"), scheduler,
                     (state, reason) -> states.add(state))) {
            Thread.sleep(300);
            scheduler.execute(() -> agent.registration().start());
            await(states, RegistrationState.REGISTERED);

            assertThat(states).as(registrar::output)
                    .containsSubsequence(RegistrationState.REGISTERING, RegistrationState.REGISTERED);
            assertThat(agent.registration().granted()).isEqualTo(Duration.ofSeconds(60));
            assertThat(registrar.succeeded(20)).as(registrar::output).isTrue();
        }
    }

    @Test
    @DisplayName("SIP-15 a wrong password ends in 403 and the account waits before trying again")
    void wrongPassword() throws Exception {
        List<RegistrationState> states = new CopyOnWriteArrayList<>();
        try (SippRegistrar registrar = SippRegistrar.start(work, "1001", "s3cret");
             RealTimeScheduler scheduler = new RealTimeScheduler("sip-test");
             UserAgent agent = new UserAgent("ht813-fxs", LOOPBACK, account(registrar.port(), "wrong"), scheduler,
                     (state, reason) -> states.add(state))) {
            Thread.sleep(300);
            scheduler.execute(() -> agent.registration().start());
            await(states, RegistrationState.FAILED);

            assertThat(states).as(registrar::output)
                    .containsSubsequence(RegistrationState.REGISTERING, RegistrationState.FAILED);
        }
    }

    @Test
    void anAccountWithoutServerStaysIdle() throws Exception {
        List<RegistrationState> states = new CopyOnWriteArrayList<>();
        AccountSettings blank = new AccountSettings(true, true, "", Optional.empty(), "", "", "", "", "UDP",
                freeUdpPort(), Duration.ofMinutes(60), Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(1200), "ua");
        try (RealTimeScheduler scheduler = new RealTimeScheduler("sip-test");
             UserAgent agent = new UserAgent("idle", LOOPBACK, blank, scheduler, (state, reason) -> states.add(state))) {
            scheduler.execute(() -> agent.registration().start());
            Thread.sleep(300);
            assertThat(states).containsExactly(RegistrationState.IDLE);
        }
    }
}
