package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.testing.peers.Kamailio;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover between two real Kamailio registrars: with the primary silent, both HT502 accounts
 * register with the failover server after 64 T1; once the primary is back, the account that
 * prefers it (P4567) returns when its failover registration comes up for renewal, the other
 * (P4568 = No) stays.
 */
class FailoverTest {

    private static final Map<String, String> USERS = Map.of("1001", "alpha-1", "1002", "beta-2");

    @TempDir
    Path work;

    @Test
    @DisplayName("SIP-03 SIP-04 with the primary registrar stopped the accounts register to the failover server, "
            + "and return to the primary as P4567 says")
    void failsOverAndReturnsAsPreferred() throws Exception {
        int primaryPort = freeUdpPort();
        String primary = "127.0.0.1:" + primaryPort;
        try (Kamailio failover = Kamailio.builder(work.resolve("failover")).users(USERS).maxExpires(10).start()) {
            Map<String, String> settings = new HashMap<>(Map.of(
                    "P47", primary, "P34", "alpha-1", "P967", failover.hostPort(), "P4567", "1", "P209", "50",
                    "P747", primary, "P735", "1002", "P734", "beta-2", "P987", failover.hostPort()));
            settings.putAll(Map.of("P4568", "0", "P440", "50", "P739", Integer.toString(freeUdpPort() & ~1)));
            try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, settings)) {
                long started = System.nanoTime();
                await(Duration.ofSeconds(60), () -> calling.device.status().ports().stream()
                        .allMatch(port -> port.registration() == RegistrationState.REGISTERED));
                long failedOverMs = (System.nanoTime() - started) / 1_000_000;
                assertThat(failover.isRegistered("1001")).as(() -> failover.logTail(30)).isTrue();
                assertThat(failover.isRegistered("1002")).isTrue();

                try (Kamailio back = Kamailio.builder(work.resolve("primary")).users(USERS).maxExpires(10)
                        .port(primaryPort).start()) {
                    long restarted = System.nanoTime();
                    await(Duration.ofSeconds(20), () -> back.isRegistered("1001"));
                    long returnedMs = (System.nanoTime() - restarted) / 1_000_000;
                    Thread.sleep(7000);
                    System.out.printf("failover: registered with the failover server after %d ms; port 1 back on the "
                            + "primary %d ms after it returned%n", failedOverMs, returnedMs);

                    assertThat(back.isRegistered("1001")).as("P4567 = Yes: back on the primary").isTrue();
                    assertThat(back.isRegistered("1002")).as("P4568 = No: stays on the failover server").isFalse();
                    assertThat(failover.isRegistered("1002")).isTrue();
                    assertThat(calling.device.status().ports())
                            .allMatch(port -> port.registration() == RegistrationState.REGISTERED);
                }
            }
        }
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, CallingDevice.LOOPBACK)) {
            return probe.getLocalPort();
        }
    }
}
