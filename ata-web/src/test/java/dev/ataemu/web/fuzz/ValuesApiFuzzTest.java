package dev.ataemu.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.device.DeviceModels;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * Scripts' P-value API over HTTP with a fuzzed form body: the device's form decoding, its check of
 * the posted settings against the catalog and the level, and the store that takes them.
 */
class ValuesApiFuzzTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final WebDevice DEVICE = WebDevice.start(DeviceModels.HT813);

    @DisplayName("WEB-43 WEB-44 any form posted to api.values.post is stored whole or refused whole with an error, never a server error")
    @FuzzTest
    void post(byte[] form) throws IOException {
        Map<Integer, String> before = DEVICE.settings();
        HttpResponse<String> response = DEVICE.post("/cgi-bin/api.values.post", body(form), FORM);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).matches("\\{\"response\":\"(success|error)\".*");
        if (response.body().startsWith("{\"response\":\"error\"")) {
            assertThat(DEVICE.settings()).isEqualTo(before);
        }
    }

    @DisplayName("WEB-44 any form posted to api.values.get is answered with the values asked for, never a server error")
    @FuzzTest
    void get(byte[] form) throws IOException {
        HttpResponse<String> response = DEVICE.post("/cgi-bin/api.values.get", body(form), FORM);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"response\":\"success\"");
    }

    /** The fuzzed fields, then the session, which the form's last value of a field wins. */
    private static String body(byte[] form) {
        return new String(form, StandardCharsets.UTF_8) + "&sid=" + DEVICE.sid;
    }

    @AfterAll
    static void stop() {
        DEVICE.close();
    }
}
