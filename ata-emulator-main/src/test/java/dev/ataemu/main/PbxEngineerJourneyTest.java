package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ataemu.testing.peers.Baresip;
import dev.ataemu.testing.peers.BaresipOptions;
import dev.ataemu.testing.peers.Kamailio;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PBX engineer's journey (JOURNEYS.md 1), whole process: the emulator started from the command
 * line, its FXS account set on the FXS PORT page and applied, registered with a real Kamailio, a
 * softphone (baresip) calling it: the handset rings with the caller ID, and lifting it answers.
 */
class PbxEngineerJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("name=\"session_token\"[^>]*value=\"([0-9a-f]*)\"");

    @TempDir
    Path work;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private String page(URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String post(URI uri, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

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
            URI web = emulator.webUri();
            String login = page(web.resolve("/cgi-bin/login"));
            post(web.resolve("/cgi-bin/dologin"), Map.of("username", "admin", "P2", "admin", "Login", "Login",
                    "gnkey", "0b82", "session_token", token(login)));
            String fxsPort = page(web.resolve("/cgi-bin/config_a1"));
            assertThat(fxsPort).contains("<h2>FXS PORT</h2>");
            Map<String, String> account = new LinkedHashMap<>();
            account.put("P47", kamailio.hostPort());
            account.put("P35", "1001");
            account.put("P34", "alpha-1");
            account.put("P40", Integer.toString(freePort()));
            account.put("session_token", token(fxsPort));
            account.put("apply", "Apply");
            assertThat(post(web.resolve("/cgi-bin/update"), account)).contains("have been applied");

            await(() -> kamailio.isRegistered("1001"));
            assertThat(kamailio.isRegistered("1001")).as(() -> kamailio.logTail(30)).isTrue();
            await(() -> state(emulator).get("ports").get(0).get("registration").asText().equals("Registered"));
            assertThat(page(web.resolve("/cgi-bin/index"))).contains("<b>Registered</b>", "<b>1001</b>");

            softphone.dial("sip:1001@" + kamailio.hostPort());
            await(() -> handset(emulator).get("ringing").asBoolean());
            await(() -> !handset(emulator).get("callerId").isNull());
            JsonNode ringing = handset(emulator);
            assertThat(ringing.get("callerId").get("number").asText()).isEqualTo("2002");

            emulator.post("/api/emulator/ports/1/hook", "{\"state\":\"off\"}", "admin");
            softphone.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            await(() -> state(emulator).get("ports").get(0).get("line").asText().equals("connected"));
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
