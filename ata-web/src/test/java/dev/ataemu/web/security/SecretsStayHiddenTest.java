package dev.ataemu.web.security;

import static dev.ataemu.web.security.WebClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.AccessLevel;
import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.config.ParameterDefinition;
import dev.ataemu.core.config.ParameterType;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.testing.http.HttpFileServer;
import dev.ataemu.time.RealTimeScheduler;
import dev.ataemu.web.DeviceWeb;
import dev.ataemu.web.server.WebServer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEC-16 end to end: an HT813 on real time with a distinct password in every password P-value of
 * the catalog, registered with its SIP password (a digest on the wire), provisioned over HTTP with
 * the provisioning password, sending DEBUG syslog. Every page and answer of the web server at every level, the
 * exports, the events socket, the refusals of bad input that carried a password, every line the
 * process logged and every syslog message are searched for each password.
 */
class SecretsStayHiddenTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path work;

    /** Each password: the P-value (or the input) it came from, and its value. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    /** Every text the device gave out: where it came from, and what it said. */
    private final List<String[]> texts = new ArrayList<>();

    @Test
    @DisplayName("SEC-16 SEC-05 WEB-09 with a distinct password in every password P-value, no page, answer, export, "
            + "events message, log line or syslog message holds one, nor a password typed into a refused form")
    void noPasswordIsEverGivenOut() throws Exception {
        List<String> syslog = new CopyOnWriteArrayList<>();
        try (LogCapture logs = new LogCapture();
             DatagramSocket syslogServer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             HttpFileServer provisioning = new HttpFileServer();
             RealTimeScheduler scheduler = new RealTimeScheduler("secrets-test")) {
            Thread receiver = receive(syslogServer, syslog);
            Device device = Device.inFolder(DeviceFolder.locate(work.resolve("data"), DeviceModels.HT813, Optional.empty(),
                    new Random(9)), ParameterCatalog.builtIn(), scheduler);
            Map<String, String> settings = passwords(device);
            try (RegistrarStub registrar = new RegistrarStub()) {
                settings.putAll(Map.of("P47", "127.0.0.1:" + registrar.port(), "P35", "1001", "P40", Integer.toString(freeUdpPort()),
                        "P401", "0", "P207", "127.0.0.1:" + syslogServer.getLocalPort(), "P208", "1", "P30", "127.0.0.1",
                        "P212", "1", "P237", provisioning.path("prov"), "P192", provisioning.path("fw")));
                settings.put("P1360", "prov-user");
                provisioning.requireCredentials("prov-user", settings.get("P1361"));
                String ddns = "Qx28124Provisioned";
                secrets.put("P28124 as provisioned", ddns);
                String refusedRadius = "Radius Kq8 refused";
                secrets.put("P28110 in a refused provisioned file", refusedRadius);
                provisioning.put("/prov/cfg" + device.mac().compact(), "<?xml version=\"1.0\"?><gs_provision version=\"1\">"
                        + "<config version=\"1\"><P28110>" + refusedRadius + "</P28110></config></gs_provision>");
                provisioning.put("/prov/cfg" + device.mac().compact() + ".xml", "<?xml version=\"1.0\"?><gs_provision version=\"1\">"
                        + "<config version=\"1\"><P28124>" + ddns + "</P28124><P3>Provisioned</P3></config></gs_provision>");
                device.store().apply(settings);
                device.network(InetAddress.getLoopbackAddress());
                device.powerOn();
                assertThat(until(() -> device.power() == PowerState.READY
                        && device.status().ports().get(0).registration() == RegistrationState.REGISTERED))
                        .as(() -> device.power() + " " + device.status().ports().get(0).registration() + "\n"
                                + String.join("\n", logs.lines())).isTrue();
                assertThat(registrar.received()).as("the REGISTER answered with credentials")
                        .anyMatch(request -> request.contains("Authorization: Digest"));
                assertThat(until(() -> "Provisioned".equals(device.store().get(3)))).as("provisioned with the password")
                        .isTrue();

                registrar.received().forEach(request -> texts.add(new String[] {"a SIP request", request}));
                WebServer web = DeviceWeb.server(device, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                web.start();
                try (web) {
                    readEverything(device, web, settings);
                    refusedInputsAreNotEchoed(web, settings);
                }
            }
            assertThat(until(() -> syslog.stream().anyMatch(line -> line.contains("REGISTER")))).as("SIP messages in syslog")
                    .isTrue();
            device.powerOff();
            receiver.interrupt();
            logs.lines().forEach(line -> texts.add(new String[] {"the log", line}));
            syslog.forEach(line -> texts.add(new String[] {"syslog", line}));
            assertThat(logs.lines()).as("the log was captured").isNotEmpty();
        }

        List<String> leaks = new ArrayList<>();
        for (String[] text : texts) {
            secrets.forEach((where, secret) -> {
                if (text[1].contains(secret)) {
                    leaks.add(where + " shown by " + text[0] + ": " + abbreviate(text[1], secret));
                }
            });
        }
        assertThat(leaks).as("passwords given out").isEmpty();
        long logLines = texts.stream().filter(t -> t[0].equals("the log")).count();
        long syslogLines = texts.stream().filter(t -> t[0].equals("syslog")).count();
        System.out.printf("SEC-16 secrets: %d passwords searched for in %d texts (%d pages and answers, %d log lines, "
                + "%d syslog messages)%n", secrets.size(), texts.size(), texts.size() - logLines - syslogLines, logLines,
                syslogLines);
    }

    /** A distinct password for every password P-value of the model, within its length and characters. */
    private Map<String, String> passwords(Device device) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (ParameterDefinition definition : device.store().catalog().all()) {
            if (definition.type() == ParameterType.PASSWORD) {
                String secret = "Qx" + definition.number() + "Zv9";
                settings.put(definition.key(), secret);
                secrets.put(definition.key() + " (" + definition.label() + ")", secret);
            }
        }
        assertThat(settings).containsKeys("P2", "P34", "P196", "P28113", "P1361");
        return settings;
    }

    /** Every GET route of the server at every level, the exports, the values of every P-value and the events socket. */
    private void readEverything(Device device, WebServer web, Map<String, String> settings) throws Exception {
        List<String> gets = DeviceWeb.routes(device).stream().filter(route -> route.startsWith("GET "))
                .map(route -> route.substring(4).replace("{port}", "1")).filter(path -> !path.endsWith("/audio")
                        && !path.endsWith("/events") && !path.endsWith("/earpiece")).toList();
        Map<Level, String> passwords = Map.of(Level.ADMIN, settings.get("P2"), Level.USER, settings.get("P196"),
                Level.VIEWER, settings.get("P28113"));
        for (Level level : List.of(Level.ADMIN, Level.USER, Level.VIEWER)) {
            WebClient client = new WebClient(web.uri());
            assertThat(client.login(true, level.username, passwords.get(level))).as(level + " logs in").isTrue();
            for (String path : gets) {
                keep(level + " GET " + path, client.get(path));
            }
            String keys = device.store().catalog().all().stream()
                    .filter(definition -> level != Level.USER || definition.level() == AccessLevel.USER)
                    .map(ParameterDefinition::key).collect(Collectors.joining(":"));
            HttpResponse<String> values = client.post("/cgi-bin/api.values.get", form("request", keys));
            assertThat(values.body()).startsWith("{\"response\":\"success\"");
            keep(level + " api.values.get of every P-value", values);
        }
        WebClient basic = new WebClient(web.uri()).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + settings.get("P2")).getBytes(StandardCharsets.UTF_8)));
        for (String path : gets) {
            keep("Basic GET " + path, basic.get(path));
        }
        texts.add(new String[] {"the events socket", events(web, settings.get("P2"))});
    }

    /** Forms that carried a password and were refused: the refusal names the field, never the value typed. */
    private void refusedInputsAreNotEchoed(WebServer web, Map<String, String> settings) throws Exception {
        WebClient admin = new WebClient(web.uri());
        assertThat(admin.login(true, "admin", settings.get("P2"))).isTrue();
        String tooLong = typed("too long") + "x".repeat(40);
        String mismatched = typed("mismatched");
        String confirm = typed("its confirmation");
        String control = typed("with a control character");
        String spaced = typed("with a space");
        String wrongLogin = typed("a wrong login");

        String token = WebClient.token(admin.get("/cgi-bin/config").body());
        HttpResponse<String> answer = admin.post("/cgi-bin/update", form("P2", tooLong, "confirm_P2", tooLong,
                "session_token", token, "apply", "Apply"));
        assertThat(answer.statusCode()).isEqualTo(400);
        keep("update with too long a password", answer);
        answer = admin.post("/cgi-bin/update", form("P2", mismatched, "confirm_P2", confirm,
                "session_token", WebClient.token(answer.body()), "apply", "Apply"));
        assertThat(answer.body()).contains("confirmation differ");
        keep("update with a mismatched confirmation", answer);
        answer = admin.post("/cgi-bin/api.values.post", form("P34", control + "\u0001", "sid", admin.sessionId()));
        assertThat(answer.body()).startsWith("{\"response\":\"error\"");
        keep("api.values.post with a control character", answer);
        answer = admin.upload("/cgi-bin/upload_cfg?session_token=" + WebClient.token(admin.get("/cgi-bin/config").body()),
                "config.txt", ("P1361 = " + spaced + " x\nP3 = Refused\n").getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(400);
        keep("upload of a refused password", answer);
        keep("a login with the administrator's password as the viewer", new WebClient(web.uri()).post("/cgi-bin/dologin",
                form("username", "viewer", "P2", settings.get("P2"))));
        keep("a JSON login with a wrong password", new WebClient(web.uri()).post("/cgi-bin/dologin",
                form("username", "admin", "password", wrongLogin)));

        String newUser = typed("the new end user password");
        String userToken = WebClient.token(admin.get("/cgi-bin/config2").body());
        assertThat(admin.post("/cgi-bin/update", form("P196", newUser, "confirm_P196", newUser, "session_token", userToken,
                "apply", "Apply")).statusCode()).isEqualTo(200);
        WebClient user = new WebClient(web.uri());
        assertThat(user.login(true, "user", newUser)).isTrue();
        keep("the end user's BASIC SETTINGS after the change", user.get("/cgi-bin/config2"));
    }

    private String typed(String what) {
        String value = "Tp" + (secrets.size() + 1) + "Wq" + what.length();
        secrets.put("a password typed " + what, value);
        return value;
    }

    private void keep(String where, HttpResponse<String> response) {
        texts.add(new String[] {where, response.headers().map() + "\n" + response.body()});
    }

    /** What the events socket sends in its first second. */
    private static String events(WebServer web, String adminPassword) throws Exception {
        StringBuilder received = new StringBuilder();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)))
                .buildAsync(URI.create(web.uri().toString().replaceFirst("^http", "ws") + "api/emulator/events"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                synchronized (received) {
                                    received.append(data).append('\n');
                                }
                                webSocket.request(1);
                                return null;
                            }
                        }).get(30, TimeUnit.SECONDS);
        assertThat(until(() -> {
            synchronized (received) {
                return received.length() > 0;
            }
        })).as("the events socket's first message").isTrue();
        Thread.sleep(500);
        socket.abort();
        synchronized (received) {
            return received.toString();
        }
    }

    private static Thread receive(DatagramSocket socket, List<String> lines) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65536];
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                    lines.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        }, "syslog-receiver");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String abbreviate(String text, String secret) {
        int at = text.indexOf(secret);
        return text.substring(Math.max(0, at - 120), Math.min(text.length(), at + secret.length() + 60)).replace('\n', ' ');
    }
}
