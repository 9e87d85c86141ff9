package dev.ataemu.web.security;

import static dev.ataemu.web.security.WebClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.time.VirtualScheduler;
import dev.ataemu.web.ServedDevice;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login's brute-force protection and the session's idle timeout as set by the HT813's "Web
 * Access Attempt Limit" (P28117), "Web Lockout Duration" (P1683) and "Web Session Timeout"
 * (P28116), and the HT502's lack of both; on virtual time. (The defaults, 5 attempts, 15 minutes
 * and 10 minutes, are proven by WebPagesTest.)
 */
class LoginLockoutTest {

    private static final int ATTEMPT_LIMIT = 28117;
    private static final int LOCKOUT_MINUTES = 1683;
    private static final int SESSION_TIMEOUT = 28116;

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private ServedDevice served;
    private Device device;

    private WebClient serve(DeviceModel model, Map<String, String> settings) throws Exception {
        served = ServedDevice.start(dataDir, model, scheduler);
        device = served.device;
        device.store().apply(settings);
        return new WebClient(served.web.uri());
    }

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    private static HttpResponse<String> wrong(WebClient client, String username) throws Exception {
        return client.post("/cgi-bin/dologin", form("username", username, "P2", "not-the-password", "Login", "Login"));
    }

    private static String lockouts(WebClient client) throws Exception {
        return client.get("/cgi-bin/api-get_lockouts").body();
    }

    @Test
    @DisplayName("SEC-07 WEB-26 WEB-27 with an attempt limit of 3 and a lock-out of 1 minute, the third wrong password "
            + "locks the login for 60 s, even for the right password, then it opens again")
    void configuredLimitAndDuration() throws Exception {
        WebClient client = serve(DeviceModels.HT813, Map.of("P" + ATTEMPT_LIMIT, "3", "P" + LOCKOUT_MINUTES, "1"));
        assertThat(wrong(client, "admin").body()).contains("2 attempts left");
        assertThat(wrong(client, "admin").body()).contains("1 attempt left");
        assertThat(lockouts(client)).contains("\"locked\":\"false\"", "\"accessattempt\":\"3\"", "\"invalidattempt\":\"2\"");
        assertThat(wrong(client, "admin").body()).contains("id=\"locked\"", "try again in 60 seconds");

        assertThat(client.login(true, "admin", "admin")).as("the right password while locked").isFalse();
        assertThat(client.post("/cgi-bin/dologin", form("username", "admin", "password", "admin")).body())
                .as("the JSON login while locked").contains("\"response\":\"error\"", "locked");
        assertThat(client.post("/cgi-bin/doadminlogin", form("P2", "admin")).body()).contains("id=\"locked\"");
        assertThat(lockouts(client)).contains("\"locked\":\"true\"");

        scheduler.advance(Duration.ofSeconds(59));
        assertThat(client.login(true, "admin", "admin")).as("59 s into the minute").isFalse();
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(client.login(true, "admin", "admin")).as("after the minute").isTrue();
        assertThat(lockouts(client)).contains("\"locked\":\"false\"", "\"invalidattempt\":\"0\"");
    }

    @Test
    @DisplayName("SEC-07 SEC-06 every way in counts towards one limit: the JSON login, the administrator's re-login and "
            + "another level's password under a username all count as failures")
    void everyLoginFormCounts() throws Exception {
        WebClient client = serve(DeviceModels.HT813, Map.of("P" + ATTEMPT_LIMIT, "3", "P" + LOCKOUT_MINUTES, "5"));
        assertThat(client.post("/cgi-bin/dologin", form("username", "admin", "password", "wrong")).body())
                .contains("invalid username or password");
        assertThat(client.post("/cgi-bin/doadminlogin", form("P2", "123")).body()).as("the end user's password")
                .contains("1 attempt left");
        assertThat(client.post("/cgi-bin/dologin", form("username", "viewer", "P2", "admin")).body())
                .as("the administrator's password under the viewer's name").contains("id=\"locked\"");
        assertThat(client.login(true, "user", "123")).isFalse();
    }

    @Test
    @DisplayName("SEC-07 a good login clears the count, and failures older than the lock-out duration no longer count")
    void countsClearAndFade() throws Exception {
        WebClient client = serve(DeviceModels.HT813, Map.of("P" + ATTEMPT_LIMIT, "3", "P" + LOCKOUT_MINUTES, "1"));
        wrong(client, "admin");
        wrong(client, "admin");
        assertThat(client.login(true, "admin", "admin")).isTrue();
        assertThat(wrong(client, "admin").body()).as("counted from zero again").contains("2 attempts left");
        assertThat(wrong(client, "admin").body()).contains("1 attempt left");
        scheduler.advance(Duration.ofSeconds(61));
        assertThat(wrong(client, "admin").body()).as("the two of a minute ago are forgotten").contains("2 attempts left");
    }

    @Test
    @DisplayName("SEC-07 GAP-61 the lock holds for the address the wrong passwords came from: the administrator at "
            + "another address still logs in")
    void lockPerSourceAddress() throws Exception {
        WebClient admin = serve(DeviceModels.HT813, Map.of("P" + ATTEMPT_LIMIT, "2", "P" + LOCKOUT_MINUTES, "15"));
        InetAddress stranger = InetAddress.getByName("127.0.0.2");
        int port = served.web.port();
        String body = "username=admin&P2=guess&Login=Login";
        String[] answers = new String[3];
        for (int attempt = 0; attempt < 3; attempt++) {
            if (attempt == 2) {
                body = "username=admin&P2=admin&Login=Login";
            }
            answers[attempt] = RawHttp.exchange(stranger, port, RawHttp.head("POST", "/cgi-bin/dologin", port,
                    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n"),
                    body.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(answers[0]).contains("1 attempt left");
        assertThat(answers[1]).contains("id=\"locked\"");
        assertThat(answers[2]).as("the stranger, even with the right password").contains("id=\"locked\"");
        assertThat(RawHttp.exchange(stranger, port, RawHttp.head("GET", "/cgi-bin/api-get_lockouts", port, ""), new byte[0]))
                .contains("\"locked\":\"true\"");

        assertThat(lockouts(admin)).contains("\"locked\":\"false\"");
        assertThat(admin.login(true, "admin", "admin")).isTrue();
    }

    @Test
    @DisplayName("SEC-07 WEB-27 a lock-out duration of 0 never locks, however many wrong passwords come")
    void zeroDurationNeverLocks() throws Exception {
        WebClient client = serve(DeviceModels.HT813, Map.of("P" + ATTEMPT_LIMIT, "1", "P" + LOCKOUT_MINUTES, "0"));
        for (int attempt = 0; attempt < 12; attempt++) {
            assertThat(wrong(client, "admin").body()).contains("not correct").doesNotContain("locked", "attempt");
        }
        assertThat(client.login(true, "admin", "admin")).isTrue();
    }

    @Test
    @DisplayName("SEC-07 WEB-25 with a session timeout of 1 minute, use keeps the session alive; 61 s idle ends it, "
            + "and a save with the old cookie and token is refused and changes nothing")
    void configuredIdleTimeout() throws Exception {
        WebClient client = serve(DeviceModels.HT813, Map.of("P" + SESSION_TIMEOUT, "1"));
        assertThat(client.login(true, "admin", "admin")).isTrue();
        for (int step = 0; step < 3; step++) {
            scheduler.advance(Duration.ofSeconds(59));
            assertThat(client.get("/cgi-bin/config").body()).as("after 59 s").contains("<h2>ADVANCED SETTINGS</h2>");
        }
        String token = WebClient.token(client.get("/cgi-bin/config").body());
        scheduler.advance(Duration.ofSeconds(61));
        assertThat(client.get("/cgi-bin/api-get_sessioninfo").body()).contains("\"session_timeout\":\"true\"");
        HttpResponse<String> save = client.post("/cgi-bin/update", form("P3", "After Timeout", "session_token", token,
                "apply", "Apply"));
        assertThat(save.statusCode()).isEqualTo(401);
        assertThat(save.body()).contains("session has ended");
        assertThat(device.store().get(3)).isNotEqualTo("After Timeout");
        assertThat(client.get("/cgi-bin/config").body()).contains("action=\"/cgi-bin/dologin\"");
    }

    @Test
    @DisplayName("SEC-07 WEB-43 the web settings take only their ranges: attempt limit 1-10, lock-out 0-60 minutes, "
            + "session timeout 1-60 minutes; anything else is refused and nothing changes")
    void settingRanges() throws Exception {
        WebClient client = serve(DeviceModels.HT813, Map.of());
        assertThat(client.login(true, "admin", "admin")).isTrue();
        String token = WebClient.token(client.get("/cgi-bin/config2").body());
        String[][] refused = {{"P28117", "0"}, {"P28117", "11"}, {"P1683", "-1"}, {"P1683", "61"}, {"P28116", "0"},
            {"P28116", "61"}, {"P28116", "ten"}};
        for (String[] field : refused) {
            HttpResponse<String> answer = client.post("/cgi-bin/update", form(field[0], field[1], "session_token", token,
                    "apply", "Apply"));
            assertThat(answer.statusCode()).as(field[0] + "=" + field[1]).isEqualTo(400);
            assertThat(answer.body()).contains(field[0], "Nothing was changed");
            token = WebClient.token(answer.body());
        }
        assertThat(device.store().get(ATTEMPT_LIMIT)).isEqualTo("5");
        assertThat(device.store().get(LOCKOUT_MINUTES)).isEqualTo("15");
        assertThat(device.store().get(SESSION_TIMEOUT)).isEqualTo("10");
        HttpResponse<String> bounds = client.post("/cgi-bin/update", form("P28117", "10", "P1683", "60", "P28116", "60",
                "session_token", token, "apply", "Apply"));
        assertThat(bounds.statusCode()).isEqualTo(200);
        assertThat(device.store().get(ATTEMPT_LIMIT)).isEqualTo("10");
    }

    @Test
    @DisplayName("SEC-05 WEB-08 a password is case-sensitive and may be as long as the settings take (30 characters): "
            + "the login form does not cut it short")
    void passwordLengthAndCase() throws Exception {
        WebClient admin = serve(DeviceModels.HT813, Map.of());
        assertThat(admin.login(true, "admin", "admin")).isTrue();
        String longest = "Aa1-".repeat(7) + "Zz";
        String token = WebClient.token(admin.get("/cgi-bin/config").body());
        HttpResponse<String> tooLong = admin.post("/cgi-bin/update", form("P2", longest + "x", "confirm_P2", longest + "x",
                "session_token", token, "apply", "Apply"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(admin.post("/cgi-bin/update", form("P2", longest, "confirm_P2", longest,
                "session_token", WebClient.token(tooLong.body()), "apply", "Apply")).statusCode()).isEqualTo(200);

        WebClient browser = new WebClient(served.web.uri());
        for (String page : new String[] {browser.get("/cgi-bin/login").body(), adminLoginPage()}) {
            Matcher field = Pattern.compile("<input type=\"password\" name=\"P2\"([^>]*)>").matcher(page);
            assertThat(field.find()).isTrue();
            Matcher cap = Pattern.compile("maxlength=\"(\\d+)\"").matcher(field.group(1));
            assertThat(!cap.find() || Integer.parseInt(cap.group(1)) >= longest.length()).as(field.group()).isTrue();
        }
        assertThat(browser.login(true, "admin", longest.toLowerCase())).as("another case").isFalse();
        assertThat(browser.login(true, "admin", longest.substring(0, 25))).as("the first 25 characters").isFalse();
        assertThat(browser.login(true, "admin", longest)).isTrue();
    }

    /** The administrator's re-login page, as an end user opening ADVANCED SETTINGS gets it. */
    private String adminLoginPage() throws Exception {
        WebClient user = new WebClient(served.web.uri());
        assertThat(user.login(true, "user", "123")).isTrue();
        return user.get("/cgi-bin/config").body();
    }

    @Test
    @DisplayName("SEC-07 WEB-28 the HT502 neither locks its login (25 wrong passwords) nor ends an idle session (30 days)")
    void ht502NeitherLocksNorTimesOut() throws Exception {
        WebClient client = serve(DeviceModels.HT502, Map.of());
        for (int attempt = 0; attempt < 25; attempt++) {
            assertThat(client.post("/cgi-bin/dologin", form("P2", "guess" + attempt)).body()).doesNotContain("locked");
        }
        assertThat(client.login(false, "", "admin")).isTrue();
        scheduler.advance(Duration.ofDays(30));
        assertThat(client.get("/cgi-bin/config").body()).contains("<h2>ADVANCED SETTINGS</h2>");
    }
}
