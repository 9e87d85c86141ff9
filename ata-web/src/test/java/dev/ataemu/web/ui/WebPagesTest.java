package dev.ataemu.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.time.VirtualScheduler;
import dev.ataemu.web.DeviceWeb;
import dev.ataemu.web.ServedDevice;
import dev.ataemu.web.server.WebServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device's own web pages over HTTP, as the third-party clients of INTERFACES.md section 6 use
 * them: the classic dologin / update / rs flow, the scanner's detection strings, the values API,
 * the session token, the access levels and the lock-out; on virtual time.
 */
class WebPagesTest {

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private WebServer web;
    private Device device;

    private Browser serve(DeviceModel model) throws Exception {
        return serve(model, ServedDevice.loopback());
    }

    private Browser serve(DeviceModel model, DeviceWeb.Addresses addresses) throws Exception {
        ServedDevice served = ServedDevice.start(dataDir, model, scheduler, addresses);
        device = served.device;
        web = served.web;
        return new Browser(web.uri());
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    @Test
    @DisplayName("WEB-01 WEB-05 WEB-13 WEB-14 the classic HT502 flow: dologin with P2, Login and gnkey=0b82 lands on BASIC "
            + "SETTINGS with a session cookie; update stores the posted P-values, which take effect when rs reboots")
    void classicHt502Flow() throws Exception {
        Browser browser = serve(DeviceModels.HT502);
        HttpResponse<String> login = browser.post("/cgi-bin/dologin", form("P2", "admin", "Login", "Login", "gnkey", "0b82"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("session_id="));
        assertThat(login.headers().firstValue("Server")).hasValue("Grandstream/1.10");
        assertThat(login.body()).contains("<b>Grandstream Device Configuration</b>", "<h2>BASIC SETTINGS</h2>",
                "ADVANCED SETTINGS", "FXS PORT1", "FXS PORT2");

        HttpResponse<String> saved = browser.post("/cgi-bin/update", form("P47", "pbx.example.com", "P35", "1001",
                "gnkey", "0b82", "update", "Update"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("saved", "take effect on next reboot");
        assertThat(device.store().saved(47)).isEqualTo("pbx.example.com");
        assertThat(device.store().saved(35)).isEqualTo("1001");
        assertThat(device.store().get(47)).as("not running before the reboot").isEmpty();
        assertThat(browser.get("/cgi-bin/config_a1").body()).as("the page shows what was saved")
                .contains("value=\"pbx.example.com\"");

        HttpResponse<String> reboot = browser.get("/cgi-bin/rs");
        assertThat(reboot.body()).contains("rebooting");
        scheduler.runPending();
        assertThat(device.power()).isEqualTo(PowerState.BOOTING);
        assertThat(device.store().get(47)).as("running after the reboot").isEqualTo("pbx.example.com");
    }

    @Test
    @DisplayName("WEB-04 WEB-37 HW-42 PROV-31 the scanner's HT813 flow: the login page's session_token, dologin as admin, the "
            + "STATUS page's MACs (the LAN one the device MAC), Software Version and Program -- version; a user login "
            + "then doadminlogin for an admin page")
    void scannerHt813Flow() throws Exception {
        Browser browser = serve(DeviceModels.HT813);
        assertThat(browser.get("/").body()).contains("<b>Grandstream Device Configuration</b>");
        String loginPage = browser.get("/cgi-bin/login").body();
        assertThat(loginPage).contains("name=\"username\"", "name=\"P2\"", "gnkey");
        String token = Browser.token(loginPage);
        assertThat(token).hasSize(32);

        HttpResponse<String> status = browser.post("/cgi-bin/dologin", form("session_token", token, "username", "admin",
                "P2", "admin", "Login", "Login", "gnkey", "0b82"));
        assertThat(status.body()).contains("<b>Software Version: </b>", "STATUS", "FXS PORT", "FXO PORT");
        Matcher version = Pattern.compile("Program\\s*--\\s*([0-9.]+)").matcher(status.body());
        assertThat(version.find()).isTrue();
        assertThat(version.group(1)).isEqualTo("1.0.9.1");
        assertThat(status.body()).contains("<td>FXS</td><td><b>On Hook</b></td>");
        assertThat(status.body()).contains("WAN-- " + device.mac().next().colon().toUpperCase() + " LAN-- "
                + device.mac().colon().toUpperCase() + " (Device MAC)");
        assertThat(status.body()).as("PROV-31").contains("Provision", "Not running, Last status : ");

        Browser user = new Browser(web.uri());
        HttpResponse<String> userLogin = user.post("/cgi-bin/dologin", form("session_token", token, "username", "user",
                "P2", "123", "Login", "Login", "gnkey", "0b82"));
        assertThat(userLogin.body()).contains("<b>Software Version: </b>").doesNotContain("ADVANCED SETTINGS");
        assertThat(user.get("/cgi-bin/config").body()).as("an admin page asks for the admin password")
                .contains("doadminlogin");
        HttpResponse<String> admin = user.post("/cgi-bin/doadminlogin", form("P2", "admin", "Login", "Login",
                "gnkey", "0b82", "page", "config"));
        assertThat(admin.body()).contains("<h2>ADVANCED SETTINGS</h2>");
    }

    @Test
    @DisplayName("WEB-15 HT813 Update keeps the change until Apply; a change that needs a reboot gets the reboot prompt")
    void updateThenApply() throws Exception {
        Browser browser = serve(DeviceModels.HT813);
        String page = login(browser, "admin", "admin");
        String token = Browser.token(page);
        HttpResponse<String> updated = browser.post("/cgi-bin/update", form("P3", "Front Desk", "session_token", token,
                "update", "Update"));
        assertThat(updated.body()).contains("Press Apply");
        assertThat(device.store().get(3)).as("not yet applied").isNotEqualTo("Front Desk");

        HttpResponse<String> applied = browser.post("/cgi-bin/update", form("P901", "8080",
                "session_token", Browser.token(updated.body()), "apply", "Apply"));
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(device.store().get(3)).isEqualTo("Front Desk");
        assertThat(device.store().get(901)).isEqualTo("8080");
        assertThat(applied.body()).contains("need a reboot", "rebootForm");
    }

    @Test
    @DisplayName("WEB-43 SEC-06 bad posts change nothing and say why: an unknown P-value, an out-of-range value, an "
            + "over-long string, a stale token, an end user's write to an admin field, a viewer's write")
    void badPosts() throws Exception {
        Browser admin = serve(DeviceModels.HT813);
        String token = Browser.token(login(admin, "admin", "admin"));
        String before = device.store().get(47);

        HttpResponse<String> unknown = admin.post("/cgi-bin/update", form("P47", "pbx.test", "P99999", "1",
                "session_token", token, "apply", "Apply"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("P99999", "has no P-value");
        HttpResponse<String> range = admin.post("/cgi-bin/update", form("P901", "70000",
                "session_token", Browser.token(unknown.body()), "apply", "Apply"));
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(range.body()).contains("P901");
        HttpResponse<String> longText = admin.post("/cgi-bin/update", form("P3", "x".repeat(300),
                "session_token", Browser.token(range.body()), "apply", "Apply"));
        assertThat(longText.statusCode()).isEqualTo(400);
        HttpResponse<String> stale = admin.post("/cgi-bin/update", form("P47", "pbx.test",
                "session_token", token, "apply", "Apply"));
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(stale.body()).contains("session token");
        assertThat(device.store().get(47)).isEqualTo(before);

        Browser user = new Browser(web.uri());
        String userToken = Browser.token(login(user, "user", "123"));
        HttpResponse<String> userWrite = user.post("/cgi-bin/update", form("P47", "pbx.test",
                "session_token", userToken, "apply", "Apply"));
        assertThat(userWrite.statusCode()).isEqualTo(400);
        assertThat(userWrite.body()).contains("only the administrator");

        Browser viewer = new Browser(web.uri());
        String viewerToken = Browser.token(login(viewer, "viewer", "viewer"));
        HttpResponse<String> viewerWrite = viewer.post("/cgi-bin/update", form("P196", "4321",
                "session_token", viewerToken, "apply", "Apply"));
        assertThat(viewerWrite.statusCode()).isEqualTo(403);
        assertThat(device.store().get(47)).isEqualTo(before);
        assertThat(device.store().get(196)).isEqualTo("123");
    }

    @Test
    @DisplayName("WEB-26 WEB-27 SEC-07 after five wrong passwords the HT813 login is locked for 15 minutes, "
            + "api-get_lockouts says so, and the right password works again afterwards")
    void lockout() throws Exception {
        Browser browser = serve(DeviceModels.HT813);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(browser.post("/cgi-bin/dologin", form("username", "admin", "P2", "wrong")).body())
                    .contains((5 - attempt) + " attempt");
        }
        assertThat(browser.post("/cgi-bin/dologin", form("username", "admin", "P2", "wrong")).body()).contains("locked");
        assertThat(browser.post("/cgi-bin/dologin", form("username", "admin", "P2", "admin")).body())
                .as("even the right password while locked").contains("locked");
        assertThat(browser.get("/cgi-bin/api-get_lockouts").body()).contains("\"locked\":\"true\"");

        scheduler.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login(browser, "admin", "admin")).contains("<b>Software Version: </b>");
    }

    @Test
    @DisplayName("WEB-25 an HT813 session idle longer than the web session timeout (P28116) is over")
    void sessionTimeout() throws Exception {
        Browser browser = serve(DeviceModels.HT813);
        login(browser, "admin", "admin");
        assertThat(browser.get("/cgi-bin/config").body()).contains("<h2>ADVANCED SETTINGS</h2>");
        scheduler.advance(Duration.ofMinutes(11));
        assertThat(browser.get("/cgi-bin/config").body()).contains("name=\"P2\"").doesNotContain("<h2>ADVANCED SETTINGS</h2>");
        assertThat(browser.get("/cgi-bin/api-get_sessioninfo").body()).contains("\"session_timeout\":\"true\"");
    }

    @Test
    @DisplayName("WEB-09 SEC-16 password fields are never filled in, and exports leave passwords out")
    void secretsStaySecret() throws Exception {
        Browser browser = serve(DeviceModels.HT502);
        device.store().apply(Map.of("P34", "sip-secret", "P47", "pbx.example.com"));
        login(browser, "", "admin");
        assertThat(browser.get("/cgi-bin/config_a1").body()).doesNotContain("sip-secret")
                .contains("purposely not displayed");
        HttpResponse<String> text = browser.get("/cgi-bin/download_cfg");
        assertThat(text.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"config.txt\"");
        assertThat(text.body()).contains("P47=pbx.example.com", "P34=\n").doesNotContain("sip-secret");
        HttpResponse<String> xml = browser.get("/cgi-bin/download_cfg_xml");
        assertThat(xml.body()).contains("<gs_provision version=\"1\">", "<P47>pbx.example.com</P47>",
                "<mac>" + device.mac().compact() + "</mac>").doesNotContain("sip-secret");
    }

    @Test
    @DisplayName("WEB-44 the values API of scripts: a JSON login with username and password, api.values.get and "
            + "api.values.post in the {\"response\":...,\"body\":...} shape")
    void valuesApi() throws Exception {
        Browser browser = serve(DeviceModels.HT813);
        HttpResponse<String> login = browser.post("/cgi-bin/dologin", form("username", "admin", "password", "admin"));
        assertThat(login.body()).startsWith("{\"response\":\"success\"").contains("\"sid\"");
        String sid = login.body().replaceAll(".*\"sid\":\"([0-9a-f]+)\".*", "$1");
        HttpResponse<String> posted = browser.post("/cgi-bin/api.values.post", form("P47", "pbx.json.test", "sid", sid));
        assertThat(posted.body()).isEqualTo("{\"response\":\"success\",\"body\":{\"status\":\"right\"}}");
        HttpResponse<String> read = browser.post("/cgi-bin/api.values.get", form("request", "P47:P2", "sid", sid));
        assertThat(read.body()).contains("\"P47\":\"pbx.json.test\"", "\"P2\":\"\"");
        HttpResponse<String> bad = browser.post("/cgi-bin/api.values.post", form("P901", "0", "sid", sid));
        assertThat(bad.body()).startsWith("{\"response\":\"error\"").contains("P901");
        assertThat(new Browser(web.uri()).post("/cgi-bin/api.values.get", form("request", "P47")).body())
                .contains("invalid session");
    }

    @Test
    @DisplayName("RST-05 WEB-42 the end user may do the ISP-data reset from BASIC SETTINGS but not the full reset")
    void resetByLevel() throws Exception {
        Browser user = serve(DeviceModels.HT813);
        String token = Browser.token(login(user, "user", "123"));
        HttpResponse<String> full = user.post("/cgi-bin/unit_reset", form("reset_type", "0", "session_token", token));
        assertThat(full.statusCode()).isEqualTo(403);
        String fresh = Browser.token(user.get("/cgi-bin/config2").body());
        HttpResponse<String> isp = user.post("/cgi-bin/unit_reset", form("reset_type", "1", "session_token", fresh));
        assertThat(isp.body()).contains("rebooting");
    }

    @Test
    @DisplayName("WEB-44 PROV-16 a configuration file uploaded from the page, text, XML or binary cfg<mac>, is taken "
            + "whole; other models' P-values are passed over; one bad value, or a file for another MAC, refuses the file")
    void configUpload() throws Exception {
        Browser browser = serve(DeviceModels.HT813);
        login(browser, "admin", "admin");
        HttpResponse<String> text = browser.upload(uploadAction(browser), "config.txt", "# from a PBX\nP47 = pbx.upload.test\n"
                + "P3 = Reception\nP99999 = other model\n");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains("2 values changed", "P99999");
        assertThat(device.store().get(47)).isEqualTo("pbx.upload.test");

        HttpResponse<String> xml = browser.upload(uploadAction(browser), "cfg.xml", "<?xml version=\"1.0\"?><gs_provision version=\"1\">"
                + "<config version=\"1\"><P47>pbx.xml.test</P47><P901>70000</P901></config></gs_provision>");
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(xml.body()).contains("nothing changed", "P901");
        assertThat(device.store().get(47)).as("the whole file was refused").isEqualTo("pbx.upload.test");

        HttpResponse<String> binary = browser.upload(uploadAction(browser), "cfg" + device.mac().compact(),
                dev.ataemu.core.config.ConfigBinary.encode(device.mac().compact(), Map.of("P47", "pbx.binary.test")));
        assertThat(binary.statusCode()).as(binary.body()).isEqualTo(200);
        assertThat(device.store().get(47)).isEqualTo("pbx.binary.test");
        HttpResponse<String> otherDevice = browser.upload(uploadAction(browser), "cfg000b82ffffff",
                dev.ataemu.core.config.ConfigBinary.encode("000b82ffffff", Map.of("P47", "pbx.other.test")));
        assertThat(otherDevice.statusCode()).isEqualTo(400);
        assertThat(otherDevice.body()).contains("not this device");

        String stale = browser.upload("/cgi-bin/upload_cfg?session_token=0000", "config.txt", "P47 = x.test\n").body();
        assertThat(stale).contains("session token");
        assertThat(device.store().get(47)).isEqualTo("pbx.binary.test");
    }

    @Test
    @DisplayName("WEB-17 WEB-18 SEC-08 with a LAN side the HT502's pages answer there, and on the WAN side only when "
            + "WAN side HTTP access (P190) is Yes; the emulator API answers on both")
    void wanSideAccess() throws Exception {
        InetAddress lan = InetAddress.getByName("127.0.0.2");
        Browser wanSide = serve(DeviceModels.HT502, new DeviceWeb.Addresses(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty(), Optional.of(lan)));
        Browser lanSide = new Browser(java.net.URI.create("http://127.0.0.2:" + web.otherPorts().get(0) + "/"));

        HttpResponse<String> refused = wanSide.get("/cgi-bin/login");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("P190");
        assertThat(lanSide.get("/cgi-bin/login").statusCode()).isEqualTo(200);
        assertThat(wanSide.get("/api/emulator/state").statusCode()).as("the emulator API: 401, not the WAN refusal")
                .isEqualTo(401);

        device.store().apply(Map.of("P190", "1"));
        assertThat(wanSide.get("/cgi-bin/login").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("WEB-41 PROV-22 a firmware image uploaded from the page is checked whole: a damaged one or one with "
            + "the wrong name is refused and nothing changes; a good one upgrades the device, whose STATUS then shows it")
    void firmwareUpload() throws Exception {
        Browser browser = serve(DeviceModels.HT502);
        login(browser, "", "admin");
        assertThat(browser.get("/cgi-bin/config").body()).contains("/cgi-bin/firmware_page");
        byte[] image = new dev.ataemu.core.firmware.FirmwareImage("HT502",
                Map.of("Program", "1.0.16.9", "Boot", "1.0.0.18", "Loader", "1.0.0.2"), new byte[1024]).encode();
        byte[] damaged = image.clone();
        damaged[100] ^= 0x01;

        HttpResponse<String> refused = browser.upload("/cgi-bin/upload_firmware", "ht502fw.bin", damaged);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("SHA-256");
        HttpResponse<String> wrongName = browser.upload("/cgi-bin/upload_firmware", "ht813fw.bin", image);
        assertThat(wrongName.statusCode()).isEqualTo(400);
        assertThat(wrongName.body()).contains("ht502fw.bin");
        assertThat(device.firmware().get("Program")).isEqualTo("1.0.16.2");

        HttpResponse<String> upgrading = browser.upload("/cgi-bin/upload_firmware", "ht502fw.bin", image);
        assertThat(upgrading.statusCode()).isEqualTo(200);
        assertThat(upgrading.body()).contains("Program -- 1.0.16.9");
        scheduler.advance(Duration.ofSeconds(90));
        login(browser, "", "admin");
        assertThat(browser.get("/cgi-bin/index").body()).contains("Program -- 1.0.16.9");
    }

    /** Where the upload page posts, with its current session token. */
    private static String uploadAction(Browser browser) throws Exception {
        return browser.get("/cgi-bin/cfg_page").body().replaceAll("(?s).*action=\"(/cgi-bin/upload_cfg[^\"]*)\".*", "$1");
    }

    /** Logs in through the login form (with a username on the HT813 when given); the landing page. */
    @Test
    @DisplayName("STAR-20 STAR-31 WEB-38 WEB-39 DND and forwards keyed on the phone show on both models' status pages")
    void featuresOnTheStatusPage() throws Exception {
        for (DeviceModel model : java.util.List.of(DeviceModels.HT502, DeviceModels.HT813)) {
            Browser browser = serve(model);
            scheduler.advance(Duration.ofSeconds(60));
            dev.ataemu.hal.sim.VirtualHandset phone = device.handset(1);
            for (String keys : java.util.List.of("*78", "*721005#", "*901006#")) {
                phone.offHook();
                scheduler.advance(Duration.ofMillis(500));
                phone.press(keys, 100, 100);
                scheduler.advance(Duration.ofSeconds(3));
                phone.onHook();
                scheduler.advance(Duration.ofMillis(500));
            }
            login(browser, model == DeviceModels.HT813 ? "admin" : "", "admin");
            String status = browser.get("/cgi-bin/index").body().replaceAll("</?b>", "");

            assertThat(status).as(model.id()).containsPattern("<tr><td>FXS1?</td>.*<td>Yes</td><td>1005</td>"
                    + "<td>1006</td><td></td></tr>");
            web.close();
            web = null;
            device.powerOff();
            dataDir = dataDir.resolve(model.id());
        }
    }

    private String login(Browser browser, String username, String password) throws Exception {
        String token = Browser.token(browser.get("/cgi-bin/login").body());
        Map<String, String> fields = form("P2", password, "Login", "Login", "gnkey", "0b82");
        if (!username.isEmpty()) {
            fields.put("username", username);
            fields.put("session_token", token);
        }
        return browser.post("/cgi-bin/dologin", fields).body();
    }

    @Test
    @DisplayName("SEC-03 SEC-04 WEB-22 the pages over HTTPS, on a certificate of the device's own named by its MAC")
    void https() throws Exception {
        serve(DeviceModels.HT813, new DeviceWeb.Addresses(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), Optional.empty()));
        javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        java.security.cert.X509Certificate[][] seen = new java.security.cert.X509Certificate[1][];
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509ExtendedTrustManager() {
            // The device's certificate is self-signed and names the device, not 127.0.0.1: record it, check nothing.
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
                seen[0] = chain;
            }

            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type, java.net.Socket s) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type, java.net.Socket s) {
                seen[0] = chain;
            }

            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type,
                    javax.net.ssl.SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type,
                    javax.net.ssl.SSLEngine engine) {
                seen[0] = chain;
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(trustAll).build();
        java.net.URI uri = java.net.URI.create("https://127.0.0.1:" + web.httpsPort().getAsInt() + "/cgi-bin/login");
        HttpResponse<String> page = client.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"P2\"");
        assertThat(seen[0][0].getSubjectX500Principal().getName()).contains(device.mac().compact());
    }
}
