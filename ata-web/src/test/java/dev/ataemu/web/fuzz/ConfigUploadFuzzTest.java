package dev.ataemu.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.device.DeviceModels;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The web page's config file upload over HTTP, with a fuzzed multipart body (the browser's form)
 * or a fuzzed file sent as the whole body (a script's upload).
 */
class ConfigUploadFuzzTest {

    private static final String BOUNDARY = "----ataFuzzBoundary";
    private static final WebDevice DEVICE = WebDevice.start(DeviceModels.HT502);

    @DisplayName("PROV-16 any multipart upload is applied whole, or refused whole with a 400 page and nothing changed")
    @FuzzTest
    void multipart(byte[] body) throws IOException {
        upload(body, "multipart/form-data; boundary=" + BOUNDARY);
    }

    @DisplayName("PROV-16 any file posted as the whole body is applied whole, or refused whole with a 400 page and nothing changed")
    @FuzzTest
    void file(byte[] body) throws IOException {
        upload(body, "application/octet-stream");
    }

    private static void upload(byte[] body, String contentType) throws IOException {
        Map<Integer, String> before = DEVICE.settings();
        HttpResponse<String> response = DEVICE.post("/cgi-bin/upload_cfg?session_id=" + DEVICE.sid, body, contentType,
                Map.of());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
        if (response.statusCode() == 400) {
            assertThat(response.body()).contains("refused");
            assertThat(DEVICE.settings()).isEqualTo(before);
        }
    }

    @AfterAll
    static void stop() {
        DEVICE.close();
    }
}
