package dev.ataemu.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.media.audio.Wav;
import dev.ataemu.media.dsp.Goertzel;
import dev.ataemu.time.VirtualScheduler;
import dev.ataemu.web.ServedDevice;
import dev.ataemu.web.server.WebServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emulator API's hands on the hardware, through HTTP, on a device running on virtual time. */
class EmulatorControlApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private WebServer web;
    private Device device;
    private ApiClient api;

    private ApiClient serve(DeviceModel model) throws Exception {
        ServedDevice served = ServedDevice.start(dataDir, model, scheduler);
        device = served.device;
        web = served.web;
        api = new ApiClient(web.uri());
        return api;
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    @ParameterizedTest(name = "{0} {1} without the admin password is refused with 401")
    @CsvSource({"GET, /api/emulator/state", "POST, /api/emulator/ports/1/hook", "POST, /api/emulator/ports/1/keys",
        "GET, /api/emulator/ports/1/earpiece", "POST, /api/emulator/ports/1/mouthpiece", "GET, /api/emulator/ports/1/handset",
        "POST, /api/emulator/ports/1/flash", "POST, /api/emulator/ports/1/echo", "POST, /api/emulator/reset-button", "POST, /api/emulator/power",
        "POST, /api/emulator/pstn/ring", "POST, /api/emulator/pstn/hangup", "GET, /api/emulator/pstn",
        "GET, /api/emulator/events"})
    void everyRouteNeedsTheAdminPassword(String method, String path) throws Exception {
        serve(DeviceModels.HT813);
        HttpResponse<String> response = api.anonymous(method, path);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(device.power()).isEqualTo(PowerState.READY);
    }

    @Test
    @DisplayName("CALL-01 lifting the handset through the API: the earpiece WAV holds the dial tone")
    void hookAndEarpiece() throws Exception {
        serve(DeviceModels.HT502);

        assertThat(api.post("/api/emulator/ports/1/hook", "{\"state\":\"off\"}").statusCode()).isEqualTo(200);
        scheduler.advance(Duration.ofMillis(500));

        HttpResponse<byte[]> wav = api.getBytes("/api/emulator/ports/1/earpiece?lastMs=400");
        assertThat(wav.statusCode()).isEqualTo(200);
        assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/wav");
        short[] heard = Wav.decode(wav.body());
        assertThat(heard).hasSize(3200);
        assertThat(Goertzel.levelDbm0(heard, 0, heard.length, 350)).isCloseTo(-13, within(1.0));

        JsonNode handset = JSON.readTree(api.get("/api/emulator/ports/1/handset").body());
        assertThat(handset.get("hook").asText()).isEqualTo("off");
        JsonNode state = JSON.readTree(api.get("/api/emulator/state").body());
        assertThat(state.get("ports").get(0).get("hook").asText()).isEqualTo("off");
    }

    @Test
    @DisplayName("DTMF-06 keys pressed through the API are dialed")
    void keys() throws Exception {
        serve(DeviceModels.HT502);
        api.post("/api/emulator/ports/2/hook", "{\"state\":\"off\"}");
        scheduler.advance(Duration.ofMillis(300));

        HttpResponse<String> response = api.post("/api/emulator/ports/2/keys", "{\"digits\":\"*985\",\"onMs\":80,\"offMs\":80}");
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(device.fxsLine(2).dialed()).isEqualTo("*985");
    }

    @Test
    @DisplayName("STAR-04 the API makes the phone's line echo what it hears; the port's echo canceller is on")
    void lineEcho() throws Exception {
        serve(DeviceModels.HT502);
        HttpResponse<String> response = api.post("/api/emulator/ports/1/echo", "{\"returnLossDb\":14,\"delayMs\":4}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("returnLossDb").asInt()).isEqualTo(14);
    }

    @Test
    void theMouthpieceTakesAToneOrAWav() throws Exception {
        serve(DeviceModels.HT502);
        assertThat(api.post("/api/emulator/ports/1/mouthpiece", "{\"tone\":\"f1=1004@-13,c=0/0;\"}").statusCode()).isEqualTo(200);
        assertThat(api.post("/api/emulator/ports/1/mouthpiece", Wav.encode(new short[800]), "audio/wav").statusCode())
                .isEqualTo(200);
        assertThat(api.post("/api/emulator/ports/1/mouthpiece", "{\"silence\":true}").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1} {2} is refused with {3}: {4}")
    @CsvSource(delimiter = '|', value = {
        "POST|/api/emulator/ports/3/hook|{\"state\":\"off\"}|404|has no port 3",
        "POST|/api/emulator/ports/x/hook|{\"state\":\"off\"}|404|not a port number",
        "POST|/api/emulator/ports/2/hook|{\"state\":\"off\"}|409|FXO port",
        "POST|/api/emulator/ports/1/hook|{\"state\":\"sideways\"}|400|must be one of off, on",
        "POST|/api/emulator/ports/1/hook|{state:off|400|not valid JSON",
        "POST|/api/emulator/ports/1/hook|[1,2]|400|JSON object",
        "POST|/api/emulator/ports/1/hook||400|needs a JSON body",
        "POST|/api/emulator/ports/1/keys|{\"digits\":\"12X\"}|400|0-9 * # A B C D",
        "POST|/api/emulator/ports/1/keys|{\"digits\":\"\"}|400|0-9 * # A B C D",
        "POST|/api/emulator/ports/1/keys|{\"digits\":12}|400|must be a string",
        "POST|/api/emulator/ports/1/keys|{\"digits\":\"1\",\"onMs\":5}|400|from 20 to 5000",
        "POST|/api/emulator/ports/1/keys|{\"digits\":\"1\",\"offMs\":999999}|400|from 20 to 5000",
        "POST|/api/emulator/ports/1/flash|{\"ms\":-1}|400|from 10 to 10000",
        "POST|/api/emulator/ports/1/flash|{\"ms\":1.5}|400|whole number",
        "POST|/api/emulator/ports/1/echo|{\"returnLossDb\":61}|400|from 0 to 60",
        "POST|/api/emulator/ports/1/echo|{\"returnLossDb\":10,\"delayMs\":1001}|400|from 0 to 1000",
        "POST|/api/emulator/ports/1/mouthpiece|{\"tone\":\"f1=9999@-13;\"}|400|not a Grandstream tone",
        "POST|/api/emulator/ports/1/mouthpiece|{}|400|send a WAV body",
        "POST|/api/emulator/reset-button|{\"ms\":0}|400|from 1 to 60000",
        "POST|/api/emulator/reset-button|{\"ms\":3600000}|400|from 1 to 60000",
        "POST|/api/emulator/power|{\"state\":\"maybe\"}|400|must be one of on, off",
        "POST|/api/emulator/pstn/ring|{\"number\":\"555\"}|404|has no FXO port",
        "GET|/api/emulator/ports/1/earpiece?lastMs=0||400|from 1 to 60000",
        "GET|/api/emulator/ports/1/earpiece?lastMs=lots||400|whole number",
        "GET|/api/emulator/nowhere||404|no emulator API",
        "GET|/api/emulator/power||405|use POST"})
    void badRequestsAreRefusedWithAReason(String method, String path, String body, int status, String reason)
            throws Exception {
        serve(path.contains("ports/2/hook") ? DeviceModels.HT813 : DeviceModels.HT502);
        HttpResponse<String> response = method.equals("GET") ? api.get(path)
                : api.post(path, body == null ? "" : body);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(reason);
        assertThat(device.power()).isEqualTo(PowerState.READY);
    }

    @Test
    void aWavInAnotherFormatIsRefused() throws Exception {
        serve(DeviceModels.HT502);
        byte[] wav = Wav.encode(new short[160]);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 16000);
        HttpResponse<String> response = api.post("/api/emulator/ports/1/mouthpiece", wav, "audio/wav");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("16000 Hz");
    }

    @Test
    @DisplayName("HW-24 a 7 s press of the reset button through the API restores the factory defaults")
    void resetButton() throws Exception {
        serve(DeviceModels.HT502);
        device.store().apply(Map.of("P3", "Alice"));

        assertThat(api.post("/api/emulator/reset-button", "{\"ms\":7000}").statusCode()).isEqualTo(200);
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(device.store().get(3)).isEmpty();
    }

    @Test
    @DisplayName("HW-16 while the HT502 reset button is held 7 s, the state shows LAN and WAN lit")
    void resetConfirmationLedsInTheState() throws Exception {
        serve(DeviceModels.HT502);
        api.post("/api/emulator/reset-button", "{\"ms\":9000}");
        scheduler.advance(Duration.ofMillis(7500));

        JsonNode leds = JSON.readTree(api.get("/api/emulator/state").body()).get("leds");
        assertThat(leds.findValuesAsText("id")).containsExactly("POWER", "WAN", "LAN", "PHONE1", "PHONE2");
        assertThat(leds.get(1).get("state").asText()).isEqualTo("on");
        assertThat(leds.get(2).get("state").asText()).isEqualTo("on");
    }

    @Test
    @DisplayName("HW-26 a provider-locked HT813 keeps its settings on a 7 s press")
    void providerLock() throws Exception {
        serve(DeviceModels.HT813);
        device.store().apply(Map.of("P3", "Alice"));
        assertThat(api.post("/api/emulator/provider-lock", "{\"locked\":true}").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(api.get("/api/emulator/state").body()).get("providerLocked").asBoolean()).isTrue();

        api.post("/api/emulator/reset-button", "{\"ms\":8000}");
        scheduler.advance(Duration.ofSeconds(12));

        assertThat(device.store().get(3)).isEqualTo("Alice");
        assertThat(api.post("/api/emulator/provider-lock", "{\"locked\":\"yes\"}").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("FXO-20 a PSTN hang-up with the disconnect tone is detected when P712 is on, and the phone hears busy")
    void pstnDisconnectTone() throws Exception {
        serve(DeviceModels.HT813);
        device.store().apply(Map.of("P712", "1", "P893", "0", "P841", "f1=480@-24,f2=620@-24,c=500/500;"));
        api.post("/api/emulator/pstn/party", "{\"echo\":true}");
        api.post("/api/emulator/pstn/ring", "{\"number\":\"6265551234\",\"name\":\"ALICE\"}");
        scheduler.advance(Duration.ofSeconds(5));
        api.post("/api/emulator/ports/1/hook", "{\"state\":\"off\"}");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(JSON.readTree(api.get("/api/emulator/pstn").body()).get("state").asText()).isEqualTo("connected");

        assertThat(api.post("/api/emulator/pstn/hangup", "{\"signal\":\"disconnect-tone\"}").statusCode()).isEqualTo(200);
        scheduler.advance(Duration.ofSeconds(4));

        assertThat(device.fxoLine().orElseThrow().bridged()).isFalse();
        short[] heard = Wav.decode(api.getBytes("/api/emulator/ports/1/earpiece?lastMs=1000").body());
        assertThat(Goertzel.levelDbm0(heard, 0, heard.length, 480)).as("the HT813's own busy tone").isGreaterThan(-40);
        assertThat(api.post("/api/emulator/pstn/hangup", "{\"signal\":\"smoke\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void powerOffAndOn() throws Exception {
        serve(DeviceModels.HT813);
        api.post("/api/emulator/power", "{\"state\":\"off\"}");
        scheduler.runPending();
        assertThat(JSON.readTree(api.get("/api/emulator/state").body()).get("power").asText()).isEqualTo("off");
        assertThat(JSON.readTree(api.get("/api/emulator/state").body()).get("lifelineBypass").asBoolean()).isTrue();

        api.post("/api/emulator/power", "{\"state\":\"on\"}");
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(JSON.readTree(api.get("/api/emulator/state").body()).get("power").asText()).isEqualTo("ready");
    }

    @Test
    @DisplayName("FXO-03 a PSTN ring through the API rings the HT813's phone with caller ID")
    void pstnRing() throws Exception {
        serve(DeviceModels.HT813);

        HttpResponse<String> ring = api.post("/api/emulator/pstn/ring", "{\"number\":\"6265551234\",\"name\":\"ALICE\"}");
        assertThat(ring.statusCode()).isEqualTo(200);
        scheduler.advance(Duration.ofSeconds(11));

        assertThat(api.post("/api/emulator/pstn/ring", "{\"number\":\"1\"}").statusCode()).as("line busy").isEqualTo(409);
        JsonNode pstn = JSON.readTree(api.get("/api/emulator/pstn").body());
        assertThat(pstn.get("state").asText()).isEqualTo("ringing");
        assertThat(pstn.get("ringsCounted").asInt()).isEqualTo(2);
        JsonNode handset = JSON.readTree(api.get("/api/emulator/ports/1/handset").body());
        assertThat(handset.get("callerId").get("number").asText()).isEqualTo("6265551234");
        assertThat(handset.get("callerId").get("name").asText()).isEqualTo("ALICE");
        assertThat(handset.get("ringsHeard").asInt()).isGreaterThanOrEqualTo(1);

        assertThat(api.post("/api/emulator/pstn/hangup", "").statusCode()).isEqualTo(200);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(JSON.readTree(api.get("/api/emulator/pstn").body()).get("state").asText()).isEqualTo("idle");
    }

    @Test
    @DisplayName("HW-32 a handset's audio socket sends what the earpiece hears, 20 ms of 8 kHz PCM a message, and "
            + "takes what the mouthpiece says")
    void audioSocket() throws Exception {
        serve(DeviceModels.HT502);
        LinkedBlockingQueue<Integer> frames = new LinkedBlockingQueue<>();
        WebSocket socket = api.http().newWebSocketBuilder()
                .header("Authorization", api.authorization())
                .buildAsync(URI.create(api.base().toString().replace("http:", "ws:") + "api/emulator/ports/1/audio"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
                                frames.add(data.remaining());
                                webSocket.request(1);
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        try {
            device.handset(1).offHook();
            // The server side of the socket may open a moment after the client's: device time goes on
            // in small steps until the first frame comes.
            Integer first = null;
            for (int step = 0; step < 250 && first == null; step++) {
                scheduler.advance(Duration.ofMillis(20));
                first = frames.poll(20, TimeUnit.MILLISECONDS);
            }
            assertThat(first).as("one 20 ms frame of 16-bit samples").isEqualTo(320);

            // The key 5 said into the socket, as a microphone would: the line dials it.
            dev.ataemu.media.dtmf.DtmfSender five = new dev.ataemu.media.dtmf.DtmfSender("5", 100, 100);
            short[] frame = new short[160];
            for (int n = 0; n < 10; n++) {
                five.read(frame);
                // Byte by byte: the JDK's client masks a buffer in its own byte order, so a little-endian
                // ordered buffer would arrive with its bytes moved about.
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(320);
                for (short sample : frame) {
                    bytes.put((byte) sample).put((byte) (sample >> 8));
                }
                socket.sendBinary(bytes.flip(), true).get(5, TimeUnit.SECONDS);
            }
            Thread.sleep(200);
            scheduler.advance(Duration.ofMillis(400));
            assertThat(device.fxsLine(1).dialed()).isEqualTo("5");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    @DisplayName("HW-21 the events socket sends the state, then LED, hook and call changes as they happen")
    void eventsSocket() throws Exception {
        serve(DeviceModels.HT813);
        LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = api.http().newWebSocketBuilder()
                .header("Authorization", api.authorization())
                .buildAsync(URI.create(api.base().toString().replace("http:", "ws:") + "api/emulator/events"),
                        new WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    try {
                                        messages.add(JSON.readTree(text.toString()));
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                    text.setLength(0);
                                }
                                webSocket.request(1);
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        try {
            JsonNode first = messages.poll(10, TimeUnit.SECONDS);
            assertThat(first.get("type").asText()).isEqualTo("state");
            assertThat(first.get("state").get("model").asText()).isEqualTo("HT813");

            device.handset(1).offHook();
            scheduler.advance(Duration.ofMillis(200));

            List<JsonNode> events = drain(messages, 3);
            assertThat(events).anySatisfy(e -> {
                assertThat(e.get("type").asText()).isEqualTo("hook");
                assertThat(e.get("state").asText()).isEqualTo("off");
            });
            assertThat(events).anySatisfy(e -> {
                assertThat(e.get("type").asText()).isEqualTo("led");
                assertThat(e.get("id").asText()).isEqualTo("FXS");
                assertThat(e.get("state").asText()).isEqualTo("blink");
                assertThat(e.get("onMs").asInt()).isEqualTo(500);
            });
            assertThat(events).anySatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("call"));
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    private static List<JsonNode> drain(LinkedBlockingQueue<JsonNode> messages, int atLeast) throws InterruptedException {
        List<JsonNode> events = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.size() < atLeast && System.nanoTime() < deadline) {
            JsonNode next = messages.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                events.add(next);
            }
        }
        JsonNode more;
        while ((more = messages.poll(200, TimeUnit.MILLISECONDS)) != null) {
            events.add(more);
        }
        return events;
    }
}
