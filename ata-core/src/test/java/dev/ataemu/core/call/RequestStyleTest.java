package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the account writes its requests: the outbound proxy, user=phone, Proxy-Require, unregister on reboot. */
class RequestStyleTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("SIP-05 SIP-18 SIP-27 the INVITE goes through the outbound proxy (P48, loose Route), with user=phone "
            + "(P63) in From and on the dialed number, and Proxy-Require (P197)")
    void outboundProxyAndRequestOptions() throws Exception {
        SippRun proxy = Sipp.answerer(work.resolve("sipp"), 1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, Map.of("P47",
                "pbx.example.invalid", "P48", "127.0.0.1:" + proxy.port(), "P31", "0", "P63", "1", "P197", "com.example.x"))) {
            VirtualHandset handset = calling.dial("6175550100#");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            handset.onHook();
            SippResult result = proxy.awaitResult(Duration.ofSeconds(20));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            String trace = Files.readString(result.messages());
            assertThat(trace).contains("INVITE sip:6175550100@pbx.example.invalid;user=phone SIP/2.0")
                    .containsPattern("Route: <sip:127\\.0\\.0\\.1:" + proxy.port() + ";lr>")
                    .contains("Proxy-Require: com.example.x")
                    .containsPattern("From: <sip:1001@pbx\\.example\\.invalid;user=phone>;tag=");
        }
    }

    @Test
    @DisplayName("SIP-20 Unregister On Reboot (P81): the first REGISTER removes every binding (Contact: *, Expires: 0)")
    void unregisterOnReboot() throws Exception {
        SippRun registrar = Scenarios.sipp(work, "sipp-register-clear.xml").calls(1).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + registrar.port(), "P81", "1", "P271", "1", "P401", "0"))) {
            CallingDevice.await(() -> calling.device.status().ports().get(0).registration() == RegistrationState.REGISTERED);
            SippResult result = registrar.awaitResult(Duration.ofSeconds(20));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(calling.device.status().ports().get(0).registration()).isEqualTo(RegistrationState.REGISTERED);
        }
    }
}
