package dev.ataemu.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.time.VirtualScheduler;
import dev.ataemu.web.DeviceWeb;
import dev.ataemu.web.ServedDevice;
import dev.ataemu.web.fleet.FleetWeb;
import dev.ataemu.web.server.WebServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route the device's web server serves, tried with no login and at each level, against one
 * table that follows SEC-06 (end user: STATUS and BASIC SETTINGS; administrator: everything;
 * viewer: looks, changes nothing). The served routes come from the server's own route tables, so a
 * route added without a row here fails the test. Every answer is also checked for the headers a
 * browser needs.
 */
class RouteLevelsTest {

    /**
     * METHOD path, then what NONE, VIEWER, USER and ADMIN get: P served to anyone (200); A let in,
     * the route answers on its merits; L the login form; M the administrator's password asked;
     * R sent to the login page; U 401; F 403; S JSON "invalid session"; J a JSON refusal for the level.
     */
    private static final String TABLE = """
            GET  /                                      P P P P
            POST /                                      P P P P
            GET  /index.html                            P P P P
            POST /index.html                            P P P P
            GET  /cgi-bin/login                         P P P P
            POST /cgi-bin/login                         P P P P
            POST /cgi-bin/dologin                       P P P P
            POST /cgi-bin/doadminlogin                  P P P P
            GET  /cgi-bin/api-get_system_status         P P P P
            POST /cgi-bin/api-get_system_status         P P P P
            GET  /cgi-bin/api-get_provision_status      P P P P
            POST /cgi-bin/api-get_provision_status      P P P P
            GET  /cgi-bin/api-get_core_status           P P P P
            POST /cgi-bin/api-get_core_status           P P P P
            GET  /cgi-bin/api-get_sessioninfo           P P P P
            POST /cgi-bin/api-get_sessioninfo           P P P P
            GET  /cgi-bin/api-get_lockouts              P P P P
            POST /cgi-bin/api-get_lockouts              P P P P
            GET  /cgi-bin/index                         L A A A
            POST /cgi-bin/index                         L A A A
            GET  /cgi-bin/config2                       L A A A
            POST /cgi-bin/config2                       L A A A
            GET  /cgi-bin/config                        L A M A
            POST /cgi-bin/config                        L A M A
            GET  /cgi-bin/config_a1                     L A M A
            POST /cgi-bin/config_a1                     L A M A
            GET  /cgi-bin/config_a2                     L A M A
            POST /cgi-bin/config_a2                     L A M A
            POST /cgi-bin/update                        L F A A
            GET  /cgi-bin/rs                            L F A A
            POST /cgi-bin/rs                            L F A A
            POST /cgi-bin/unit_reset                    L F F A
            GET  /cgi-bin/download_cfg                  F F F A
            POST /cgi-bin/download_cfg                  F F F A
            GET  /cgi-bin/download_cfg_xml              F F F A
            POST /cgi-bin/download_cfg_xml              F F F A
            GET  /cgi-bin/cfg_page                      L L L A
            POST /cgi-bin/cfg_page                      L L L A
            POST /cgi-bin/upload_cfg                    L F F A
            GET  /cgi-bin/firmware_page                 L L L A
            POST /cgi-bin/firmware_page                 L L L A
            POST /cgi-bin/upload_firmware               L F F A
            GET  /cgi-bin/api.values.get                S A J A
            POST /cgi-bin/api.values.get                S A J A
            POST /cgi-bin/api.values.post               S J A A
            GET  /api/emulator/state                    U U U A
            POST /api/emulator/reset-button             U U U A
            POST /api/emulator/power                    U U U A
            GET  /api/emulator/pstn                     U U U A
            POST /api/emulator/pstn/ring                U U U A
            POST /api/emulator/pstn/hangup              U U U A
            POST /api/emulator/pstn/party               U U U A
            POST /api/emulator/provider-lock            U U U A
            POST /api/emulator/ports/{port}/hook        U U U A
            POST /api/emulator/ports/{port}/flash       U U U A
            POST /api/emulator/ports/{port}/keys        U U U A
            POST /api/emulator/ports/{port}/echo        U U U A
            POST /api/emulator/ports/{port}/mouthpiece  U U U A
            GET  /api/emulator/ports/{port}/earpiece    U U U A
            GET  /api/emulator/ports/{port}/handset     U U U A
            GET  /api/emulator/events                   U U U A
            GET  /api/emulator/ports/{port}/audio       U U U A
            GET  /emulator                              R R R A
            GET  /emulator/                             R R R A
            GET  /emulator/panel.css                    R R R A
            GET  /emulator/panel.js                     R R R A
            """;
    private static final Set<String> SOCKETS = Set.of("/api/emulator/events", "/api/emulator/ports/{port}/audio");
    private static final Set<String> UPLOADS = Set.of("/cgi-bin/upload_cfg", "/cgi-bin/upload_firmware");

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    /** One row of the table: a route and the answer each level expects. */
    private record Row(String method, String path, Map<Level, Character> expected) {
        String route() {
            return method + " " + path;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HT813", "HT502"})
    @DisplayName("SEC-06 WEB-06 WEB-07 every route the server serves, tried with no login and as viewer, end user and "
            + "administrator, answers as the level table says; a served route missing from the table fails")
    void everyRouteAtEveryLevel(String modelId) throws Exception {
        DeviceModel model = modelId.equals("HT813") ? DeviceModels.HT813 : DeviceModels.HT502;
        Map<String, Row> table = table(model);
        try (ServedDevice served = ServedDevice.start(dataDir, model, scheduler)) {
            Set<String> routes = new TreeSet<>(DeviceWeb.routes(served.device));
            assertThat(difference(routes, table.keySet())).as("routes the server serves that the table lacks: "
                    + "give each new route its row").isEmpty();
            assertThat(difference(table.keySet(), routes)).as("rows of the table the server does not serve").isEmpty();

            int before = WebClient.SENT.get();
            List<String> wrong = new ArrayList<>();
            int tried = 0;
            for (Row row : table.values()) {
                for (Level level : Level.values()) {
                    Answer answer = ask(served, model, row, level);
                    tried++;
                    char expected = row.expected().get(level);
                    boolean right = expected == 'P' ? answer.status() == 200 : answer.code() == expected;
                    if (!right || answer.status() >= 500) {
                        wrong.add(row.route() + " as " + level + ": expected " + expected + ", got " + answer.code()
                                + " (" + answer.status() + ")");
                    }
                    browserHeaders(answer.headers(), row.route() + " as " + level, wrong);
                }
            }
            int probes = unregisteredPathsAreNotServed(served, wrong);
            assertThat(wrong).as("answers that do not follow the table").isEmpty();
            System.out.printf("SEC-06 route table %s: %d routes x %d levels = %d checks, %d HTTP requests and WebSocket "
                    + "handshakes in all (logins included), %d answers with the browser headers checked, %d unregistered "
                    + "paths refused%n", modelId, table.size(), Level.values().length, tried,
                    WebClient.SENT.get() - before, tried, probes);
        }
    }

    @Test
    @DisplayName("SEC-16 the fleet server's routes (its page, its list, its media timing) answer anyone, read only, "
            + "with no secret in them")
    void fleetRoute() throws Exception {
        try (ServedDevice served = ServedDevice.start(dataDir, DeviceModels.HT813, scheduler);
             WebServer fleet = FleetWeb.server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     () -> List.of(new FleetWeb.Member(1, served.device, served.web.uri())))) {
            fleet.start();
            List<String> wrong = new ArrayList<>();
            assertThat(FleetWeb.ROUTES).containsExactly("GET /", "GET /api/emulator/fleet", "GET /api/emulator/fleet/media");
            WebClient anyone = new WebClient(fleet.uri());
            for (String route : List.of("/", "/api/emulator/fleet/media")) {
                HttpResponse<String> answer = anyone.get(route);
                assertThat(answer.statusCode()).as(route).isEqualTo(200);
                assertThat(answer.body()).as(route).doesNotContain("\"admin\"", "password");
                browserHeaders(answer.headers(), route, wrong);
            }
            HttpResponse<String> list = anyone.get("/api/emulator/fleet");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains(served.device.mac().compact()).doesNotContain("\"admin\"", "password");
            browserHeaders(list.headers(), "the fleet list", wrong);
            HttpResponse<String> post = anyone.postJson("/api/emulator/fleet", "{}");
            assertThat(post.statusCode()).isEqualTo(405);
            browserHeaders(post.headers(), "the fleet list's 405", wrong);
            assertThat(anyone.get("/cgi-bin/login").statusCode()).as("the fleet server serves nothing else").isEqualTo(404);
            assertThat(wrong).isEmpty();
        }
    }

    // --- asking -----------------------------------------------------------------------------

    /** An answer: its status, how the table names it, and its headers. */
    private record Answer(int status, char code, HttpHeaders headers) {
    }

    private Answer ask(ServedDevice served, DeviceModel model, Row row, Level level) throws Exception {
        boolean ht813 = model == DeviceModels.HT813;
        WebClient client = new WebClient(served.web.uri());
        String token = "";
        if (level != Level.NONE && client.login(ht813, level.username, level.password) && ht813) {
            token = WebClient.token(client.get("/cgi-bin/config2").body());
        }
        String sid = client.sessionId();
        String path = row.path().replace("{port}", "1");
        if (SOCKETS.contains(row.path())) {
            return handshake(served.web.uri().resolve(path), sid, level);
        }
        if (path.startsWith("/api/")) {
            if (level == Level.VIEWER || level == Level.USER) {
                client.header("Authorization", basic("admin", level.password));
            }
            HttpResponse<String> response = row.method().equals("GET") ? client.get(path) : client.postJson(path, "[]");
            return answer(response);
        }
        Map<String, String> fields = fields(row.path(), level, sid);
        String query = token.isEmpty() ? "" : "session_token=" + token;
        if (row.method().equals("GET")) {
            String all = WebClient.encode(fields) + (query.isEmpty() || fields.isEmpty() ? "" : "&") + query;
            return answer(client.get(path + (all.isEmpty() ? "" : "?" + all)));
        }
        String target = path + (query.isEmpty() ? "" : "?" + query);
        if (UPLOADS.contains(row.path())) {
            byte[] file = row.path().endsWith("cfg") ? "P146 = uploaded\n".getBytes(StandardCharsets.UTF_8)
                    : "not a firmware image".getBytes(StandardCharsets.UTF_8);
            return answer(client.upload(target, "upload.bin", file));
        }
        if (!token.isEmpty()) {
            fields.put("session_token", token);
        }
        return answer(client.post(target, fields));
    }

    /** What each CGI is sent: a change the end user may make, the read of an administrator's value, ... */
    private static Map<String, String> fields(String path, Level level, String sid) {
        return switch (path) {
            case "/cgi-bin/dologin" -> WebClient.form("username", "admin", "P2", "admin", "Login", "Login", "gnkey", "0b82");
            case "/cgi-bin/doadminlogin" -> WebClient.form("P2", "admin", "page", "config", "Login", "Login");
            case "/cgi-bin/update" -> WebClient.form("P146", "host-" + level.username, "update", "Update");
            case "/cgi-bin/unit_reset" -> WebClient.form("reset_type", "0");
            case "/cgi-bin/api.values.get" -> WebClient.form("request", "P47");
            case "/cgi-bin/api.values.post" -> WebClient.form("P146", "json-" + level.username, "sid", sid == null ? "" : sid);
            default -> new LinkedHashMap<>();
        };
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), classify(response.statusCode(),
                response.headers().firstValue("Location").orElse(""), response.body()), response.headers());
    }

    static char classify(int status, String location, String body) {
        if (status == 302 && location.endsWith("/cgi-bin/login")) {
            return 'R';
        }
        if (body.contains("action=\"/cgi-bin/doadminlogin\"")) {
            return 'M';
        }
        if (body.contains("action=\"/cgi-bin/dologin\"")) {
            return 'L';
        }
        if (status == 401) {
            return 'U';
        }
        if (status == 403) {
            return 'F';
        }
        if (body.contains("\"invalid session\"")) {
            return 'S';
        }
        if (body.startsWith("{\"response\":\"error\"")) {
            return 'J';
        }
        return 'A';
    }

    /** A WebSocket upgrade with the level's cookie (and, below the administrator, its Basic credentials too). */
    private static Answer handshake(URI http, String sid, Level level) throws Exception {
        URI uri = URI.create(http.toString().replaceFirst("^http", "ws"));
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        if (sid != null) {
            builder.header("Cookie", "session_id=" + sid);
        }
        if (level == Level.VIEWER || level == Level.USER) {
            builder.header("Authorization", basic("admin", level.password));
        }
        WebClient.SENT.incrementAndGet();
        try {
            WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
            }).get(30, TimeUnit.SECONDS);
            socket.abort();
            return new Answer(101, 'A', HttpHeaders.of(Map.of(), (name, value) -> true));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                HttpResponse<?> response = refused.getResponse();
                return new Answer(response.statusCode(), classify(response.statusCode(), "", String.valueOf(response.body())),
                        response.headers());
            }
            throw e;
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // --- what every answer carries ------------------------------------------------------------

    /** Not kept by caches, not sniffed into another type, not framed by another site (a socket's 101 has no page). */
    static void browserHeaders(HttpHeaders headers, String what, List<String> wrong) {
        if (headers.map().isEmpty()) {
            return;
        }
        expect(headers, "Cache-Control", "no-store", what, wrong);
        expect(headers, "Pragma", "no-cache", what, wrong);
        expect(headers, "X-Content-Type-Options", "nosniff", what, wrong);
        expect(headers, "X-Frame-Options", "DENY", what, wrong);
        expect(headers, "Content-Security-Policy", "frame-ancestors 'none'", what, wrong);
    }

    private static void expect(HttpHeaders headers, String name, String part, String what, List<String> wrong) {
        String value = headers.firstValue(name).orElse("");
        if (!value.contains(part)) {
            wrong.add(what + ": header " + name + " is '" + value + "', lacks '" + part + "'");
        }
    }

    // --- what is not served ------------------------------------------------------------------

    private static int unregisteredPathsAreNotServed(ServedDevice served, List<String> wrong) throws Exception {
        WebClient admin = new WebClient(served.web.uri()).header("Authorization", basic("admin", "admin"));
        List<String> paths = List.of("/cgi-bin/no_such_cgi", "/cgi-bin/", "/api/emulator/no-such-route", "/api/emulator/",
                "/api/emulator/ports/1/audio", "/emulator/no-such-file", "/emulatorx", "/no/such/path", "/index.htm",
                "/cgi-bin/login/../../etc/passwd", "/cgi-bin/%2e%2e/%2e%2e/etc/passwd");
        for (String path : paths) {
            HttpResponse<String> response = admin.send(admin.request("").uri(URI.create(served.base() + path)).GET());
            if (response.statusCode() != 404 && response.statusCode() != 400) {
                wrong.add("GET " + path + " is not a route but answered " + response.statusCode());
            }
            // A 400 is Jetty's own refusal of an ambiguous path, before any handler: a page of no content.
            if (response.statusCode() == 404) {
                browserHeaders(response.headers(), "GET " + path, wrong);
            }
        }
        return paths.size();
    }

    // --- the table -------------------------------------------------------------------------

    /** The table's rows; the HT502 has no viewer, so its viewer password opens nothing (as no login). */
    private static Map<String, Row> table(DeviceModel model) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+");
            Map<Level, Character> expected = new LinkedHashMap<>();
            for (Level level : Level.values()) {
                Level column = level == Level.VIEWER && model != DeviceModels.HT813 ? Level.NONE : level;
                expected.put(level, cells[2 + column.ordinal()].charAt(0));
            }
            Row row = new Row(cells[0], cells[1], expected);
            assertThat(rows.put(row.route(), row)).as("one row per route: " + row.route()).isNull();
        }
        return rows;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
