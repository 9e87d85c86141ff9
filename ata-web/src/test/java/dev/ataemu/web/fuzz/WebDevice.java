package dev.ataemu.web.fuzz;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.time.VirtualScheduler;
import dev.ataemu.web.ServedDevice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A booted device whose web server the fuzz targets talk to over loopback HTTP, logged in as the
 * administrator. Its virtual clock stands still after boot, so settings the fuzzer stores are kept
 * but never acted on: no account registers, nothing leaves the machine.
 */
final class WebDevice implements AutoCloseable {

    private static final Pattern SID = Pattern.compile("\"sid\":\"([0-9a-f]+)\"");

    private final Path dataDir;
    private final ServedDevice served;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    final String sid;

    private WebDevice(Path dataDir, ServedDevice served) throws Exception {
        this.dataDir = dataDir;
        this.served = served;
        this.base = served.web.uri();
        HttpResponse<String> login = post("/cgi-bin/dologin", "username=admin&password=admin",
                "application/x-www-form-urlencoded");
        Matcher sid = SID.matcher(login.body());
        if (!sid.find()) {
            throw new IllegalStateException("the JSON login gave no sid: " + login.body());
        }
        this.sid = sid.group(1);
    }

    static WebDevice start(DeviceModel model) {
        try {
            Path dataDir = Files.createTempDirectory("web-fuzz");
            return new WebDevice(dataDir, ServedDevice.start(dataDir, model, new VirtualScheduler()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the device", e);
        }
    }

    ParameterStore store() {
        return served.device.store();
    }

    Map<Integer, String> settings() {
        return store().snapshot();
    }

    HttpResponse<String> post(String pathAndQuery, String body, String contentType) throws IOException {
        return post(pathAndQuery, body.getBytes(StandardCharsets.UTF_8), contentType, Map.of());
    }

    HttpResponse<String> post(String pathAndQuery, byte[] body, String contentType, Map<String, String> headers)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        served.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
