package dev.ataemu.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.device.DeviceModels;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The emulator API's hardware routes over HTTP with fuzzed JSON (and WAV) bodies: the device's JSON
 * body reader and the checks of each route. Power and the reset button are left out: they reboot
 * the device, whose clock stands still here.
 */
class EmulatorApiFuzzTest {

    private static final List<String> ROUTES = List.of("ports/1/hook", "ports/1/flash", "ports/1/keys", "ports/1/echo",
            "ports/1/mouthpiece", "ports/2/keys", "pstn/ring", "pstn/hangup", "pstn/party", "provider-lock");
    private static final WebDevice DEVICE = WebDevice.start(DeviceModels.HT813);
    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    @DisplayName("any JSON or WAV body on a hardware route is done or refused with a JSON 4xx error, never a server error")
    @FuzzTest
    void body(FuzzedDataProvider data) throws IOException {
        String route = data.pickValue(ROUTES);
        String contentType = data.consumeBoolean() ? "application/json" : "audio/wav";
        byte[] body = data.consumeRemainingAsBytes();
        HttpResponse<String> response = DEVICE.post("/api/emulator/" + route, body, contentType,
                Map.of("Authorization", AUTHORIZATION));
        assertThat(response.statusCode()).as(route + ": " + response.body()).isBetween(200, 499);
        assertThat(response.body()).as(route).startsWith("{");
    }

    @AfterAll
    static void stop() {
        DEVICE.close();
    }
}
