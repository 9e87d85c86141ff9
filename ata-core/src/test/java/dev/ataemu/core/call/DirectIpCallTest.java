package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
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

/** Direct IP calls keyed with *47, to SIPp's answerer on loopback, with no SIP server configured. */
class DirectIpCallTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("STAR-09 CALL-09 CALL-11 *47 and a star-encoded address call it directly: INVITE sip:ip:port, answered")
    void callsTheAddressDirectly() throws Exception {
        SippRun callee = Sipp.answerer(work.resolve("sipp"), 1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of("P31", "0"))) {
            VirtualHandset handset = calling.dial("*47127*0*0*1*" + callee.port() + "#");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.CONNECTED);
            handset.onHook();
            SippResult result = callee.awaitResult(Duration.ofSeconds(20));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(Files.readString(result.messages())).contains("INVITE sip:127.0.0.1:" + callee.port() + " SIP/2.0");
        }
    }

    @Test
    @DisplayName("CALL-10 with Disable Direct IP Call (P277) the phone gets the reorder tone and nothing is sent")
    void disabledDirectIpCalls() throws Exception {
        SippRun callee = Sipp.answerer(work.resolve("sipp"), 1).timeout(Duration.ofSeconds(5)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P31", "0", "P277", "1"))) {
            calling.dial("*47127*0*0*1*" + callee.port() + "#");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.OFF_HOOK_IDLE);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.OFF_HOOK_IDLE);
            SippResult result = callee.awaitResult(Duration.ofSeconds(10));
            assertThat(result.succeeded()).as("SIPp got no call").isFalse();
        }
    }
}
