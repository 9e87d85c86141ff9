package dev.ataemu.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.core.fault.ScriptedRegistrar.Reply;
import dev.ataemu.hal.led.LedState;
import dev.ataemu.time.VirtualScheduler;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registrar that refuses: 503 with and without Retry-After, 403. On virtual time, the account's
 * state (the status page, the FXS LED) and when it tries again, counted on the wire; and that it
 * registers once the registrar accepts, without a reboot.
 */
class RegistrarAnswersTest {

    private static final Duration WIRE = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofMillis(200);
    /** Ample for a response on loopback to reach the device's scheduler. */
    private static final Duration HANDLED = Duration.ofMillis(400);

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private ScriptedRegistrar registrar;
    private Device device;
    private int refusals;

    private Device device(Map<String, String> more) throws Exception {
        registrar = new ScriptedRegistrar();
        Map<String, String> settings = new HashMap<>(Map.of("P47", "127.0.0.1:" + registrar.port(), "P35", "1001",
                "P34", "secret", "P40", Integer.toString(freeUdpPort()), "P401", "0"));
        settings.putAll(more);
        device = VirtualTime.unpowered(dataDir, DeviceModels.HT813, scheduler, settings);
        return device;
    }

    @AfterEach
    void stop() throws Exception {
        if (device != null) {
            device.powerOff();
            scheduler.runPending();
        }
        if (registrar != null) {
            registrar.close();
        }
        System.out.printf("registrar refusals injected: %d, every retry on its time%n", refusals);
    }

    @Test
    @DisplayName("SIP-51 PLAT-38 HW-21 a registrar answering 503: not registered, FXS LED dark, a new REGISTER every "
            + "P138 (20 s) and never sooner, 16 in 5 minutes; registered once it accepts, without a reboot")
    void unavailableWithoutRetryAfter() throws Exception {
        device(Map.of());
        registrar.answer(Reply.of(503, "Service Unavailable"));
        bootAndAwaitAttempts(1);
        assertThat(registration()).isEqualTo(RegistrationState.NOT_REGISTERED);
        assertThat(device.led("FXS").state()).isEqualTo(LedState.OFF);

        for (int retry = 2; retry <= 16; retry++) {
            nextAttemptAfter(Duration.ofSeconds(20), retry);
        }
        assertThat(registrar.attempts()).as("no busy loop: one REGISTER per 20 s, 16 in 5 minutes").isEqualTo(16);
        assertThat(registrar.datagrams()).as("and no retransmission of an answered one").isEqualTo(16);
        assertThat(registration()).isEqualTo(RegistrationState.NOT_REGISTERED);
        refusals += registrar.attempts();

        refusalTakenIn(16);
        registrar.answer(Reply.of(200, "OK"));
        scheduler.advance(Duration.ofSeconds(20));
        assertThat(VirtualTime.await(scheduler, WIRE, () -> registration() == RegistrationState.REGISTERED)).isTrue();
        assertThat(device.led("FXS").state()).isEqualTo(LedState.ON);
    }

    @Test
    @DisplayName("SIP-51 a registrar answering 503 with Retry-After: 120 is not asked again before 120 s")
    void unavailableWithRetryAfter() throws Exception {
        device(Map.of());
        registrar.answer(new Reply(503, "Service Unavailable", "Retry-After: 120\r\n"));
        bootAndAwaitAttempts(1);
        nextAttemptAfter(Duration.ofSeconds(120), 2);
        nextAttemptAfter(Duration.ofSeconds(120), 3);
        refusals += registrar.attempts();

        refusalTakenIn(3);
        registrar.answer(Reply.of(200, "OK"));
        scheduler.advance(Duration.ofSeconds(120));
        assertThat(VirtualTime.await(scheduler, WIRE, () -> registration() == RegistrationState.REGISTERED)).isTrue();
    }

    @Test
    @DisplayName("SIP-15 a registrar answering 403: not registered, asked again only after P26002 (1200 s); with "
            + "P26002 = 0 never again")
    void forbidden() throws Exception {
        device(Map.of());
        registrar.answer(Reply.of(403, "Forbidden"));
        bootAndAwaitAttempts(1);
        assertThat(registration()).isEqualTo(RegistrationState.NOT_REGISTERED);
        nextAttemptAfter(Duration.ofSeconds(1200), 2);
        refusals += registrar.attempts();

        refusalTakenIn(2);
        registrar.answer(Reply.of(200, "OK"));
        scheduler.advance(Duration.ofSeconds(1200));
        assertThat(VirtualTime.await(scheduler, WIRE, () -> registration() == RegistrationState.REGISTERED)).isTrue();
    }

    @Test
    @DisplayName("SIP-15 with P26002 = 0 a 403 stops the account: no REGISTER in two hours")
    void forbiddenStops() throws Exception {
        device(Map.of("P26002", "0"));
        registrar.answer(Reply.of(403, "Forbidden"));
        bootAndAwaitAttempts(1);
        refusalTakenIn(1);
        scheduler.advance(Duration.ofHours(2));
        VirtualTime.await(scheduler, QUIET, () -> false);
        assertThat(registrar.attempts()).isEqualTo(1);
        assertThat(registration()).isEqualTo(RegistrationState.NOT_REGISTERED);
        refusals += registrar.attempts();
    }

    private void bootAndAwaitAttempts(int attempts) throws InterruptedException {
        VirtualTime.booted(device, scheduler);
        awaitAttempts(attempts);
        VirtualTime.await(scheduler, QUIET, () -> false);
        assertThat(registrar.attempts()).isEqualTo(attempts);
    }

    /**
     * Checks that the account stays quiet until {@code wait} after the last refusal, and then tries
     * again. Virtual time moves on only once the device has taken the refusal in: it sets the retry.
     */
    private void nextAttemptAfter(Duration wait, int attempt) throws InterruptedException {
        refusalTakenIn(attempt - 1);
        scheduler.advance(wait.minusSeconds(1));
        VirtualTime.await(scheduler, QUIET, () -> false);
        assertThat(registrar.attempts()).as("attempt %d not before %s", attempt, wait).isEqualTo(attempt - 1);
        scheduler.advance(Duration.ofSeconds(1));
        awaitAttempts(attempt);
        assertThat(registrar.attempts()).as("attempt %d after %s", attempt, wait).isEqualTo(attempt);
    }

    /** Waits for the device to take in the answer to attempt {@code attempt}, so that its retry is set. */
    private void refusalTakenIn(int attempt) throws InterruptedException {
        VirtualTime.await(scheduler, WIRE, () -> registrar.answered() >= attempt);
        VirtualTime.await(scheduler, HANDLED, () -> false);
    }

    private void awaitAttempts(int attempts) throws InterruptedException {
        VirtualTime.await(scheduler, WIRE, () -> registrar.attempts() >= attempts);
    }

    private RegistrationState registration() {
        return device.status().ports().get(0).registration();
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
