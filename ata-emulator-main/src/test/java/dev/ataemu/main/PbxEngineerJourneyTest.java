package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ataemu.testing.peers.Baresip;
import dev.ataemu.testing.peers.BaresipOptions;
import dev.ataemu.testing.peers.Kamailio;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PBX engineer's journey (JOURNEYS.md 1), whole process: the emulator started from the command
 * line, its FXS account set on the FXS PORT page and applied, registered with a real Kamailio, a
 * softphone (baresip) calling it: the handset rings with the caller ID, and lifting it answers.
 */
class PbxEngineerJourneyTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private static int freePort() throws Exception {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    @DisplayName("WEB-15 SIP-02 CALL-13 JOURNEY-1 an HT813 set up on its FXS PORT page registers with Kamailio, and a "
            + "softphone's call rings its handset with the caller ID; lifting the handset answers")
    void pbxEngineer() throws Exception {
        try (Kamailio kamailio = Kamailio.start(work.resolve("kamailio"), Map.of("1001", "alpha-1", "2002", "beta-2"));
             EmulatorProcess emulator = EmulatorProcess.start("--model", "HT813", "--http-port", "0",
                     "--bind", "127.0.0.1", "--data-dir", work.resolve("data").toString());
             Baresip softphone = Baresip.start(work.resolve("baresip"), BaresipOptions.of("2002").codecs("pcmu")
                     .registeringTo(kamailio.hostPort(), "beta-2"))) {
            PagesClient pages = new PagesClient(emulator.webUri());
            pages.loginHt813Admin();
            String fxsPort = pages.page("/cgi-bin/config_a1");
            assertThat(fxsPort).contains("<h2>FXS PORT</h2>");
            Map<String, String> account = new LinkedHashMap<>();
            account.put("P47", kamailio.hostPort());
            account.put("P35", "1001");
            account.put("P34", "alpha-1");
            account.put("P40", Integer.toString(freePort()));
            account.put("session_token", PagesClient.token(fxsPort));
            account.put("apply", "Apply");
            assertThat(pages.post("/cgi-bin/update", account)).contains("have been applied");

            Await.until(WAIT, () -> kamailio.isRegistered("1001"));
            assertThat(kamailio.isRegistered("1001")).as(() -> kamailio.logTail(30)).isTrue();
            Await.until(WAIT, () -> state(emulator).get("ports").get(0).get("registration").asText().equals("Registered"));
            assertThat(pages.page("/cgi-bin/index")).contains("<b>Registered</b>", "<b>1001</b>");

            softphone.dial("sip:1001@" + kamailio.hostPort());
            Await.until(WAIT, () -> handset(emulator).get("ringing").asBoolean());
            Await.until(WAIT, () -> !handset(emulator).get("callerId").isNull());
            JsonNode ringing = handset(emulator);
            assertThat(ringing.get("callerId").get("number").asText()).isEqualTo("2002");

            emulator.post("/api/emulator/ports/1/hook", "{\"state\":\"off\"}", "admin");
            softphone.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            Await.until(WAIT, () -> state(emulator).get("ports").get(0).get("line").asText().equals("connected"));
            assertThat(state(emulator).get("ports").get(0).get("line").asText()).isEqualTo("connected");
            emulator.post("/api/emulator/ports/1/hook", "{\"state\":\"on\"}", "admin");
            softphone.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
            emulator.terminate();
        }
    }

    private static JsonNode state(EmulatorProcess emulator) {
        try {
            return JSON.readTree(emulator.get("/api/emulator/state", "admin").body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode handset(EmulatorProcess emulator) {
        try {
            return JSON.readTree(emulator.get("/api/emulator/ports/1/handset", "admin").body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
