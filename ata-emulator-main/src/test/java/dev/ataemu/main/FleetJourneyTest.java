package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ataemu.testing.peers.Kamailio;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QA team's journey (JOURNEYS.md 3), whole process: {@code --fleet 3} on consecutive loopback
 * addresses, each device's account made from a template, all registered with Kamailio, and the
 * fleet API listing them with their addresses and registrations.
 */
class FleetJourneyTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Pattern API = Pattern.compile(" api (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private static JsonNode fleet(URI api) {
        try {
            return JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(api).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static long registered(JsonNode fleet) {
        return StreamSupport.stream(fleet.path("devices").spliterator(), false)
                .filter(device -> device.path("ports").path(0).path("registration").asText().equals("Registered"))
                .count();
    }

    @Test
    @DisplayName("JOURNEY-3 --fleet 3 with --bind-range and a templated account: three HT502s register 1001 to 1003 "
            + "with Kamailio, and /api/emulator/fleet lists each with its MAC, address and registration")
    void fleetRegisters() throws Exception {
        try (Kamailio kamailio = Kamailio.start(work.resolve("kamailio"),
                Map.of("1001", "pw-001", "1002", "pw-002", "1003", "pw-003"));
             EmulatorProcess emulator = EmulatorProcess.start("--model", "HT502", "--fleet", "3",
                     "--mac", "000b82aa0000", "--bind", "127.0.0.1", "--bind-range", "127.0.1.1", "--http-port", "0",
                     "--data-dir", work.resolve("data").toString(), "--set", "P901=18080",
                     "--set", "P47=" + kamailio.hostPort(), "--set", "P35=1$ext", "--set", "P34=pw-$ext")) {
            Matcher api = API.matcher(emulator.awaitOutput(" api http://"));
            assertThat(api.find()).isTrue();
            URI fleetApi = URI.create(api.group(1));

            assertThat(Await.until(WAIT, () -> registered(fleet(fleetApi)) == 3)).as(() -> fleet(fleetApi).toString()).isTrue();
            for (String user : new String[] {"1001", "1002", "1003"}) {
                assertThat(kamailio.isRegistered(user)).as(user).isTrue();
            }
            JsonNode third = fleet(fleetApi).path("devices").path(2);
            assertThat(third.path("index").asInt()).isEqualTo(3);
            assertThat(third.path("mac").asText()).isEqualTo("000b82aa0004");
            assertThat(third.path("address").asText()).isEqualTo("127.0.1.3");
            assertThat(third.path("web").asText()).isEqualTo("http://127.0.1.3:18080/");
            emulator.terminate();
        }
    }
}
