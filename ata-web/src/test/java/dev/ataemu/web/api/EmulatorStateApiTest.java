package dev.ataemu.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.time.VirtualScheduler;
import dev.ataemu.web.DeviceWeb;
import dev.ataemu.web.server.WebServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorStateApiTest {

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebServer web;
    private Device device;

    private URI serve(DeviceModel model) throws Exception {
        DeviceFolder folder = DeviceFolder.locate(dataDir, model, Optional.empty(), new Random(3));
        device = Device.inFolder(folder, ParameterCatalog.builtIn(), scheduler);
        device.powerOn();
        scheduler.runPending();
        web = DeviceWeb.server(device, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        web.start();
        return web.uri();
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    private HttpResponse<String> get(URI base, String path, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("HW-02 HW-18 FXO-24 the state API shows an HT813 with FXS and FXO ports and a flashing Power LED while booting")
    void theStateOfAnHt813ShowsItsFxsAndFxoPortsAndLeds() throws Exception {
        URI base = serve(DeviceModels.HT813);

        HttpResponse<String> response = get(base, "/api/emulator/state", "admin");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode state = new ObjectMapper().readTree(response.body());
        assertThat(state.get("model").asText()).isEqualTo("HT813");
        assertThat(state.get("mac").asText()).isEqualTo(device.mac().compact());
        assertThat(state.get("firmware").get("Program").asText()).isEqualTo("1.0.9.1");
        assertThat(state.get("power").asText()).isEqualTo("booting");
        assertThat(state.get("uptimeSeconds").asLong()).isZero();
        assertThat(state.get("ports")).hasSize(2);
        assertThat(state.get("ports").get(0).get("type").asText()).isEqualTo("FXS");
        assertThat(state.get("ports").get(1).get("type").asText()).isEqualTo("FXO");
        assertThat(state.get("ports").get(1).get("hook").asText()).isEqualTo("on");
        assertThat(state.get("ports").get(1).get("registration").asText()).isEqualTo("Not Registered");
        JsonNode power = state.get("leds").get(0);
        assertThat(power.get("id").asText()).isEqualTo("POWER");
        assertThat(power.get("state").asText()).isEqualTo("blink");
        assertThat(power.get("onMs").asInt()).isPositive();
    }

    @Test
    @DisplayName("HW-01 HW-10 the state API shows an HT502 with two FXS ports and five LEDs")
    void theStateOfAnHt502ShowsTwoFxsPorts() throws Exception {
        URI base = serve(DeviceModels.HT502);
        scheduler.advance(Duration.ofSeconds(65));

        JsonNode state = new ObjectMapper().readTree(get(base, "/api/emulator/state", "admin").body());

        assertThat(state.get("model").asText()).isEqualTo("HT502");
        assertThat(state.get("power").asText()).isEqualTo("ready");
        assertThat(state.get("uptimeSeconds").asLong()).isEqualTo(65);
        assertThat(state.get("ports").findValuesAsText("type")).containsExactly("FXS", "FXS");
        assertThat(state.get("leds").findValuesAsText("id")).containsExactly("POWER", "WAN", "LAN", "PHONE1", "PHONE2");
        assertThat(state.get("leds").get(0).get("state").asText()).isEqualTo("on");
    }

    @Test
    void theApiAnswersOnlyTheAdministrator() throws Exception {
        URI base = serve(DeviceModels.HT502);

        HttpResponse<String> anonymous = get(base, "/api/emulator/state", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm="));
        assertThat(get(base, "/api/emulator/state", "wrong").statusCode()).isEqualTo(401);

        device.store().apply(Map.of("P2", "n3w-Secret"));
        assertThat(get(base, "/api/emulator/state", "admin").statusCode()).isEqualTo(401);
        assertThat(get(base, "/api/emulator/state", "n3w-Secret").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownRoutesAndWrongMethodsGetClearErrors() throws Exception {
        URI base = serve(DeviceModels.HT502);

        HttpResponse<String> missing = get(base, "/api/emulator/nothing-here", "admin");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no emulator API at /api/emulator/nothing-here");

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(base.resolve("/api/emulator/state"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }
}
