package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call into the emulator as a user runs it: its own process, answered from its console. */
class EmulatorCallTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("CALL-06 the running emulator takes a SIP call, rings port 1 and connects when the console lifts the handset")
    void theRunningEmulatorTakesACall() throws Exception {
        int sipPort = freeEvenPort();
        try (EmulatorProcess emulator = EmulatorProcess.start("--model", "HT502", "--http-port", "0",
                "--bind", "127.0.0.1", "--data-dir", work.resolve("data").toString(),
                "--set", "P40=" + sipPort, "--set", "P39=" + freeEvenPort(), "--set", "P35=1001")) {
            emulator.awaitStartLine();
            emulator.type("events on");
            SippRun caller = Sipp.stock(work.resolve("sipp"), "uac").remote("127.0.0.1:" + sipPort)
                    .service("1001").calls(1).callDuration(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(30)).start();
            emulator.awaitOutput("Ring[port=1, on=true]");

            emulator.type("offhook 1");
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            emulator.terminate();
        }
    }

    @Test
    @DisplayName("CALL-06 with --answer-after the phone answers SIPp's calls by itself and hangs up after each, "
            + "so three calls in a row connect with nobody at the handset")
    void answeringPhonesTakeCallsInARow() throws Exception {
        int sipPort = freeEvenPort();
        try (EmulatorProcess emulator = EmulatorProcess.start("--model", "HT502", "--http-port", "0",
                "--bind", "127.0.0.1", "--data-dir", work.resolve("data").toString(), "--answer-after", "300",
                "--set", "P40=" + sipPort, "--set", "P39=" + freeEvenPort(), "--set", "P35=1001")) {
            emulator.awaitStartLine();
            SippResult result = Sipp.stock(work.resolve("sipp"), "uac").remote("127.0.0.1:" + sipPort)
                    .service("1001").calls(3).rate(0.25).callDuration(Duration.ofSeconds(1))
                    .timeout(Duration.ofSeconds(60)).run();

            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(result.successfulCalls()).isEqualTo(3);
            emulator.terminate();
        }
    }

    private static int freeEvenPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort() & ~1;
        }
    }
}
