package dev.ataemu.web.security;

import static dev.ataemu.web.security.WebClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.firmware.FirmwareImage;
import dev.ataemu.time.VirtualScheduler;
import dev.ataemu.web.DeviceWeb;
import dev.ataemu.web.ServedDevice;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that another site's page makes with the browser's login (cross-site request forgery):
 * the HT813's session token, the HT502's and the emulator API's refusal of other origins, and the
 * session cookie's attributes. Every refused request must leave the store, the power state and
 * the firmware as they were.
 */
class CrossSiteRequestsTest {

    private static final String EVIL = "http://evil.example";

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<ServedDevice> served = new ArrayList<>();

    private ServedDevice serve(DeviceModel model, String folder) throws Exception {
        ServedDevice device = ServedDevice.start(dataDir.resolve(folder), model, scheduler);
        served.add(device);
        return device;
    }

    @AfterEach
    void stop() {
        served.forEach(ServedDevice::close);
    }

    /** A state-changing request, given the token to send (null: none). */
    private record Action(String name, BiFunction<WebClient, String, HttpResponse<String>> send) {
    }

    private static List<Action> actions(String model) {
        byte[] image = new FirmwareImage(model, model.equals("HT813")
                ? Map.of("Program", "1.0.9.9", "Bootloader", "1.0.0.4", "Core", "1.0.9.9", "Base", "1.0.9.9", "CPE", "1.0.9.9")
                : Map.of("Program", "1.0.16.9", "Boot", "1.0.0.18", "Loader", "1.0.0.2"), new byte[256]).encode();
        String firmwareName = FirmwareImage.fileName(model);
        return List.of(
                new Action("POST update", (client, token) -> post(client, "/cgi-bin/update", token,
                        form("P3", "Forged", "update", "Update", "apply", "Apply"))),
                new Action("POST api.values.post", (client, token) -> post(client, "/cgi-bin/api.values.post", token,
                        form("P3", "Forged"))),
                new Action("POST rs", (client, token) -> post(client, "/cgi-bin/rs", token, form())),
                new Action("GET rs", (client, token) -> call(() -> client.get("/cgi-bin/rs" + query(token)))),
                new Action("POST unit_reset", (client, token) -> post(client, "/cgi-bin/unit_reset", token,
                        form("reset_type", "0"))),
                new Action("POST upload_cfg", (client, token) -> call(() -> client.upload("/cgi-bin/upload_cfg" + query(token),
                        "config.txt", "P3 = Forged\n".getBytes(StandardCharsets.UTF_8)))),
                new Action("POST upload_firmware", (client, token) -> call(() -> client.upload("/cgi-bin/upload_firmware"
                        + query(token), firmwareName, image))));
    }

    @Test
    @DisplayName("SEC-06 WEB-15 on the HT813 every action needs the page's current session_token: without one, with a "
            + "spent one or with another device's, a save, write, reboot, reset or upload is refused and nothing changes")
    void ht813ActionsNeedTheCurrentToken() throws Exception {
        ServedDevice ata = serve(DeviceModels.HT813, "a");
        Device device = ata.device;
        WebClient other = new WebClient(serve(DeviceModels.HT813, "b").web.uri());
        assertThat(other.login(true, "admin", "admin")).isTrue();
        String foreign = WebClient.token(other.get("/cgi-bin/config2").body());

        WebClient admin = new WebClient(ata.web.uri());
        assertThat(admin.login(true, "admin", "admin")).isTrue();
        String spent = WebClient.token(admin.get("/cgi-bin/config2").body());
        HttpResponse<String> good = post(admin, "/cgi-bin/update", spent, form("P3", "Kept", "apply", "Apply"));
        assertThat(good.statusCode()).isEqualTo(200);
        Map<Integer, String> before = device.store().snapshot();
        Map<String, String> firmware = device.firmware();

        int refused = 0;
        List<String> wrong = new ArrayList<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("a spent token", spent);
        tokens.put("another device's token", foreign);
        for (Action action : actions("HT813")) {
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                HttpResponse<String> answer = action.send().apply(admin, token.getValue());
                boolean json = action.name().contains("api.values");
                boolean ok = json ? answer.body().startsWith("{\"response\":\"error\"") && answer.body().contains("session_token")
                        : answer.statusCode() == 403 && answer.body().contains("session token");
                if (!ok) {
                    wrong.add(action.name() + " with " + token.getKey() + ": " + answer.statusCode() + " " + answer.body());
                }
                refused++;
            }
        }
        assertThat(admin.get("/cgi-bin/update").statusCode()).as("a link cannot save").isEqualTo(405);
        assertThat(admin.get("/cgi-bin/unit_reset?reset_type=0").statusCode()).as("nor reset").isEqualTo(405);
        scheduler.advance(Duration.ofMinutes(2));

        assertThat(wrong).as("actions that were not refused").isEmpty();
        assertThat(device.power()).isEqualTo(PowerState.READY);
        assertThat(device.store().snapshot()).isEqualTo(before);
        assertThat(device.firmware()).isEqualTo(firmware);
        String current = WebClient.token(admin.get("/cgi-bin/config2").body());
        assertThat(post(admin, "/cgi-bin/update", current, form("P3", "Fine", "apply", "Apply")).statusCode())
                .as("the session lives on and its current token works").isEqualTo(200);
        assertThat(device.store().get(3)).isEqualTo("Fine");
        System.out.printf("SEC-06 HT813 tokens: %d forged actions refused (%d actions x %d tokens)%n", refused,
                actions("HT813").size(), tokens.size());
    }

    @Test
    @DisplayName("SEC-06 the HT502 (whose firmware has no token): an action with the browser's login that names another "
            + "site in Origin, or in Referer without Origin, is refused (403) and changes nothing; the same origin is "
            + "served; the session cookie is HttpOnly and SameSite=Strict")
    void ht502RefusesOtherSites() throws Exception {
        ServedDevice ata = serve(DeviceModels.HT502, "a");
        Device device = ata.device;
        WebClient login = new WebClient(ata.web.uri());
        HttpResponse<String> landing = login.post("/cgi-bin/dologin", form("P2", "admin", "Login", "Login", "gnkey", "0b82"));
        assertThat(landing.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("session_id=").contains("; HttpOnly", "; SameSite=Strict").doesNotContain("Secure"));
        String sid = login.sessionId();
        String self = origin(ata);

        Map<String, String[]> sites = new LinkedHashMap<>();
        sites.put("another site's Origin", new String[] {"Origin", EVIL});
        sites.put("Origin null", new String[] {"Origin", "null"});
        sites.put("another port's Origin", new String[] {"Origin", self.replaceFirst(":[0-9]+$", ":" + (ata.web.port() + 1))});
        sites.put("https of the same host", new String[] {"Origin", self.replaceFirst("^http:", "https:")});
        sites.put("another site's Referer", new String[] {"Referer", EVIL + "/cats.html"});
        Map<Integer, String> before = device.store().snapshot();
        Map<String, String> firmware = device.firmware();
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (Action action : actions("HT502")) {
            for (Map.Entry<String, String[]> site : sites.entrySet()) {
                if (action.name().startsWith("GET") && site.getValue()[0].equals("Referer")) {
                    continue; // a fetch with a Referer is a link followed; the cookie's SameSite keeps it logged out
                }
                WebClient forged = withSession(ata, sid).header(site.getValue()[0], site.getValue()[1]);
                HttpResponse<String> answer = action.send().apply(forged, null);
                if (answer.statusCode() != 403 || !answer.body().contains("another site")) {
                    wrong.add(action.name() + " with " + site.getKey() + ": " + answer.statusCode() + " " + answer.body());
                }
                refused++;
            }
        }
        scheduler.advance(Duration.ofMinutes(2));
        assertThat(wrong).as("requests of other sites that were not refused").isEmpty();
        assertThat(device.power()).isEqualTo(PowerState.READY);
        assertThat(device.store().snapshot()).isEqualTo(before);
        assertThat(device.firmware()).isEqualTo(firmware);

        WebClient sameSite = withSession(ata, sid).header("Origin", self).header("Referer", self + "/cgi-bin/config2");
        assertThat(sameSite.post("/cgi-bin/update", form("P3", "Own Page", "update", "Update")).statusCode()).isEqualTo(200);
        assertThat(device.store().saved(3)).isEqualTo("Own Page");
        assertThat(withSession(ata, sid).post("/cgi-bin/api.values.post", form("P3", "Cookie Only")).body())
                .as("a write with the cookie alone").contains("\"response\":\"error\"", "sid or session_token");
        assertThat(withSession(ata, sid).post("/cgi-bin/api.values.post", form("P3", "With Sid", "sid", sid)).body())
                .contains("\"response\":\"success\"");
        System.out.printf("SEC-06 HT502 origins: %d forged requests refused%n", refused);
    }

    @Test
    @DisplayName("SEC-06 the emulator API and its sockets refuse other sites' requests whatever credential they carry "
            + "(the administrator's cookie or Basic credentials); the device stays as it was; its own origin is served")
    void emulatorApiRefusesOtherSites() throws Exception {
        ServedDevice ata = serve(DeviceModels.HT813, "a");
        Device device = ata.device;
        WebClient cookie = new WebClient(ata.web.uri());
        assertThat(cookie.login(true, "admin", "admin")).isTrue();
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        WebClient cookieFromElsewhere = withSession(ata, cookie.sessionId()).header("Origin", EVIL);
        WebClient basicFromElsewhere = new WebClient(ata.web.uri()).header("Authorization", basic).header("Origin", EVIL);
        WebClient basicByReferer = new WebClient(ata.web.uri()).header("Authorization", basic)
                .header("Referer", EVIL + "/");

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (WebClient forged : List.of(cookieFromElsewhere, basicFromElsewhere, basicByReferer)) {
            answers.add(forged.postJson("/api/emulator/power", "{\"state\":\"off\"}"));
            answers.add(forged.postJson("/api/emulator/ports/1/hook", "{\"state\":\"off\"}"));
            answers.add(forged.postJson("/api/emulator/reset-button", "{\"ms\":8000}"));
        }
        answers.add(cookieFromElsewhere.get("/api/emulator/state"));
        answers.add(basicFromElsewhere.get("/api/emulator/state"));
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("\"error\"", "another site");
        });
        assertThat(handshake(ata, basic, EVIL)).as("the events socket from another site").isEqualTo(403);
        assertThat(handshake(ata, "", EVIL)).isEqualTo(403);

        scheduler.advance(Duration.ofSeconds(30));
        assertThat(device.power()).isEqualTo(PowerState.READY);
        assertThat(device.status().ports().get(0).hook().name()).isEqualTo("ON_HOOK");

        String self = origin(ata);
        WebClient own = new WebClient(ata.web.uri()).header("Authorization", basic).header("Origin", self);
        assertThat(own.get("/api/emulator/state").statusCode()).isEqualTo(200);
        assertThat(own.postJson("/api/emulator/ports/1/hook", "{\"state\":\"off\"}").statusCode()).isEqualTo(200);
        assertThat(handshake(ata, basic, self)).as("the panel's own socket").isEqualTo(101);
        System.out.printf("SEC-06 emulator API origins: %d requests and 2 socket upgrades from another site refused%n",
                answers.size());
    }

    @Test
    @DisplayName("SEC-03 SEC-06 a login over HTTPS sets the session cookie Secure as well as HttpOnly and SameSite=Strict")
    void httpsCookieIsSecure() throws Exception {
        ServedDevice ata = ServedDevice.start(dataDir, DeviceModels.HT813, scheduler,
                new DeviceWeb.Addresses(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), Optional.empty()));
        served.add(ata);
        // The device's certificate is its own, self-signed: this test is about the cookie, not the chain.
        javax.net.ssl.SSLContext tls = dev.ataemu.core.net.UncheckedTls.context();
        int port = ata.web.httpsPort().getAsInt();
        String body = "username=admin&P2=admin&Login=Login";
        String answer;
        try (java.net.Socket socket = tls.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((RawHttp.head("POST", "/cgi-bin/dologin", port,
                    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n") + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            answer = RawHttp.readAll(socket.getInputStream());
        }
        assertThat(answer).containsPattern("(?i)set-cookie: session_id=[0-9a-f]+; Path=/; HttpOnly; SameSite=Strict; Secure");
    }

    // --- plumbing --------------------------------------------------------------------------

    /** A client that carries the session cookie by hand, as a browser attaches it to another site's request. */
    private static WebClient withSession(ServedDevice ata, String sid) {
        return new WebClient(ata.web.uri()).header("Cookie", "session_id=" + sid);
    }

    private static HttpResponse<String> post(WebClient client, String path, String token, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token != null) {
            all.put("session_token", token);
        }
        return call(() -> client.post(path, all));
    }

    /** The device's own origin, as its pages' browser names it. */
    private static String origin(ServedDevice ata) {
        return ata.base();
    }

    private static String query(String token) {
        return token == null ? "" : "?session_token=" + token;
    }

    /** The status of a WebSocket upgrade of the events socket (101 when it opened). */
    private static int handshake(ServedDevice ata, String authorization, String origin) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .header("Origin", origin);
        if (!authorization.isEmpty()) {
            builder.header("Authorization", authorization);
        }
        URI uri = URI.create(origin(ata).replaceFirst("^http", "ws") + "/api/emulator/events");
        try {
            builder.buildAsync(uri, new WebSocket.Listener() {
            }).get(30, TimeUnit.SECONDS).abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> run() throws Exception;
    }

    private static HttpResponse<String> call(Call call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
