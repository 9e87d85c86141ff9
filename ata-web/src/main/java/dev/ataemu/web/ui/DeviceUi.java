package dev.ataemu.web.ui;

import dev.ataemu.core.config.ModelCatalog;
import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.config.RejectedChangesException;
import dev.ataemu.core.config.ResetType;
import dev.ataemu.core.device.Device;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The device's own web interface at the firmware's paths (INTERFACES 2.1): the login, the STATUS
 * and settings pages drawn from the catalog, saving, reboot, reset, export and the small JSON
 * endpoints, with the firmware's one session, its token and its login lock-out.
 */
public final class DeviceUi extends Handler.Abstract {

    private static final String CGI = "/cgi-bin/";
    private static final int MAX_FORM_BYTES = 256 * 1024;
    /** The HT502 has no session timeout; a day without a page is long enough to call it gone (WEB-28). */
    private static final Duration NO_TIMEOUT = Duration.ofDays(3650);
    private static final int SESSION_TIMEOUT = 28116;
    private static final int ATTEMPT_LIMIT = 28117;
    private static final int LOCKOUT_MINUTES = 1683;
    private static final int VIEWER_PASSWORD = 28113;
    private static final int LOCK_KEYPAD_UPDATE = 88;

    final Device device;
    final WebSessions sessions;
    private final LoginGuard guard;
    private final UploadPages uploads = new UploadPages(this);
    private final ValuesApi values = new ValuesApi(this);

    public DeviceUi(Device device) {
        this.device = device;
        ParameterStore store = device.store();
        this.sessions = new WebSessions(device.scheduler().clock(), () -> store.catalog().find(SESSION_TIMEOUT).isPresent()
                ? Duration.ofMinutes(store.getIntOr(SESSION_TIMEOUT, 10)) : NO_TIMEOUT);
        this.guard = new LoginGuard(device.scheduler().clock(), () -> store.getIntOr(ATTEMPT_LIMIT, 0),
                () -> store.getIntOr(LOCKOUT_MINUTES, 0));
    }

    /** Whether the request comes from a browser logged in to these pages as the administrator. */
    public boolean adminSession(Request request) {
        return session(request, FormBody.parse(request.getHttpURI().getQuery()))
                .filter(session -> session.level() == WebLevel.ADMIN).isPresent();
    }

    ModelCatalog catalog() {
        return device.store().catalog();
    }

    boolean ht813() {
        return "HT813".equals(catalog().modelId());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        if (!path.equals("/") && !path.equals("/index.html") && !path.startsWith(CGI)) {
            return false;
        }
        response.getHeaders().put(HttpHeader.SERVER, "Grandstream/1.10");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, must-revalidate");
        if (!path.startsWith(CGI)) {
            UiResponses.html(response, 200, Html.page("", "", "<meta http-equiv=\"refresh\" content=\"0; url=/cgi-bin/login\">"
                    + "<p><a href=\"/cgi-bin/login\">Login</a></p>"), callback);
            return true;
        }
        FormBody form = form(request);
        String name = path.substring(CGI.length());
        switch (name) {
            case "login" -> UiResponses.html(response, 200, LoginPages.login(ht813(), sessionToken(), ""), callback);
            case "dologin" -> dologin(form, response, callback);
            case "doadminlogin" -> doadminlogin(form, request, response, callback);
            case "update" -> update(form, request, response, callback);
            case "rs" -> reboot(form, request, response, callback);
            case "unit_reset" -> reset(form, request, response, callback);
            case "download_cfg" -> export(request, form, response, callback, false);
            case "cfg_page" -> uploads.configPage(form, request, response, callback);
            case "upload_cfg" -> uploads.config(form, request, response, callback);
            case "firmware_page" -> uploads.firmwarePage(form, request, response, callback);
            case "upload_firmware" -> uploads.firmware(form, request, response, callback);
            case "download_cfg_xml" -> export(request, form, response, callback, true);
            case "api-get_system_status" -> UiResponses.json(response, UiJson.results(Map.of("vsz", "19000", "command", "ata")), callback);
            case "api-get_provision_status" ->
                UiResponses.json(response, UiJson.results(Map.of("status", "Not running, Last status : Idle")), callback);
            case "api-get_core_status" -> UiResponses.json(response, UiJson.results(Map.of("exist", "false")), callback);
            case "api-get_sessioninfo" -> UiResponses.json(response, UiJson.results(Map.of("session_timeout",
                    session(request, form).isPresent() ? "false" : "true")), callback);
            case "api-get_lockouts" -> UiResponses.json(response, lockouts(), callback);
            case "api.values.get" -> values.get(form, request, response, callback);
            case "api.values.post" -> values.post(form, request, response, callback);
            default -> page(name, form, request, response, callback);
        }
        return true;
    }

    // --- login --------------------------------------------------------------------------------

    /** A token for the login page's hidden field (the firmware's pre-login token; checked only after login). */
    String sessionToken() {
        return ht813() ? java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                .putLong(System.nanoTime()).putLong(device.mac().value()).array()) : "";
    }

    private void dologin(FormBody form, Response response, Callback callback) {
        // The phone-family JSON login (INTERFACES 2.4) sends "password"; the ATA's own pages send P2.
        boolean jsonLogin = !form.has("P2") && form.has("password");
        if (guard.locked()) {
            if (jsonLogin) {
                UiResponses.json(response, UiJson.error("locked"), callback);
            } else {
                UiResponses.html(response, 200, LoginPages.locked(guard.remainingSeconds()), callback);
            }
            return;
        }
        String password = form.get("P2").orElse(form.getOrEmpty("password"));
        Optional<WebLevel> level = authenticate(form.get("username"), password);
        if (level.isEmpty()) {
            guard.failed();
            if (jsonLogin) {
                UiResponses.json(response, UiJson.error("invalid username or password"), callback);
            } else if (guard.locked()) {
                UiResponses.html(response, 200, LoginPages.locked(guard.remainingSeconds()), callback);
            } else {
                UiResponses.html(response, 200, LoginPages.error(ht813(), guard.attemptsLeft(), sessionToken()), callback);
            }
            return;
        }
        guard.succeeded();
        WebSessions.Session session = sessions.login(level.get());
        setCookie(response, session);
        if (jsonLogin) {
            UiResponses.json(response, UiJson.success(Map.of("sid", session.id(), "role", level.get().username(),
                    "session_token", session.token())), callback);
            return;
        }
        // The HT502 lands on BASIC SETTINGS (WEB-13); the HT813 on STATUS.
        UiPage landing = ht813() ? UiPage.STATUS : UiPage.BASIC;
        UiResponses.html(response, 200, render(landing, session, Map.of(), Map.of(), ""), callback);
    }

    /** The level a password opens: with a username, that level's password; without, whichever matches. */
    private Optional<WebLevel> authenticate(Optional<String> username, String password) {
        if (username.isPresent() && !username.get().isEmpty()) {
            return WebLevel.ofUsername(username.get()).filter(level -> password.equals(passwordOf(level).orElse(null)));
        }
        for (WebLevel level : WebLevel.values()) {
            if (password.equals(passwordOf(level).orElse(null))) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    private Optional<String> passwordOf(WebLevel level) {
        int number = switch (level) {
            case ADMIN -> 2;
            case USER -> 196;
            case VIEWER -> VIEWER_PASSWORD;
        };
        return catalog().find(number).map(definition -> device.store().get(number));
    }

    /** An end user's session opening an admin page logs in again as the administrator. */
    private void doadminlogin(FormBody form, Request request, Response response, Callback callback) {
        if (guard.locked()) {
            UiResponses.html(response, 200, LoginPages.locked(guard.remainingSeconds()), callback);
            return;
        }
        if (!form.getOrEmpty("P2").equals(passwordOf(WebLevel.ADMIN).orElse(""))) {
            guard.failed();
            UiResponses.html(response, 200, LoginPages.error(ht813(), guard.attemptsLeft(), sessionToken()), callback);
            return;
        }
        guard.succeeded();
        WebSessions.Session session = sessions.login(WebLevel.ADMIN);
        setCookie(response, session);
        UiPage target = UiPage.find(catalog().modelId(), form.getOrEmpty("page")).orElse(UiPage.ADVANCED);
        UiResponses.html(response, 200, render(target, session, Map.of(), Map.of(), ""), callback);
    }

    private String lockouts() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("locked", Boolean.toString(guard.locked()));
        fields.put("remain", Long.toString(guard.remainingSeconds()));
        fields.put("accessattempt", Integer.toString(guard.attemptLimit()));
        fields.put("invalidattempt", Integer.toString(guard.failures()));
        return UiJson.results(fields);
    }

    // --- pages --------------------------------------------------------------------------------

    private void page(String name, FormBody form, Request request, Response response, Callback callback) {
        Optional<UiPage> page = UiPage.find(catalog().modelId(), name);
        if (page.isEmpty()) {
            UiResponses.html(response, 404, Html.page("Not Found", "", "<p>No page " + Html.escape(name) + ".</p>"), callback);
            return;
        }
        Optional<WebSessions.Session> session = session(request, form);
        if (session.isEmpty()) {
            UiResponses.html(response, 200, LoginPages.login(ht813(), sessionToken(), ""), callback);
            return;
        }
        if (!page.get().open(session.get().level())) {
            UiResponses.html(response, 200, LoginPages.adminLogin(page.get().path()), callback);
            return;
        }
        UiResponses.html(response, 200, render(page.get(), session.get(), Map.of(), Map.of(), ""), callback);
    }

    private String render(UiPage page, WebSessions.Session session, Map<String, String> errors,
            Map<String, String> posted, String notice) {
        String tabs = page.tabs(catalog().modelId(), session.level());
        String body = notice.isEmpty() ? "" : "<p class=\"note\" id=\"notice\">" + notice + "</p>\n";
        if (page.settings().isEmpty()) {
            body += StatusPage.body(device);
        } else {
            body += SettingsPage.form(catalog(), page.settings().get(), session.level(), this::shownValue, errors, posted,
                    ht813() ? session.token() : "");
            if (page == UiPage.BASIC && ht813() && session.level() != WebLevel.VIEWER) {
                body += LoginPages.resetForm(session.token());
            }
            if (page == UiPage.ADVANCED && session.level() == WebLevel.ADMIN) {
                body += "<p><a href=\"/cgi-bin/firmware_page\" id=\"firmware\">Upload firmware</a> &nbsp; "
                        + "<a href=\"/cgi-bin/cfg_page\" id=\"upload\">Upload a configuration file</a> &nbsp; "
                        + "Download the configuration: <a href=\"/cgi-bin/download_cfg\">text</a>, "
                        + "<a href=\"/cgi-bin/download_cfg_xml\">XML</a></p>\n";
            }
        }
        if (session.level() != WebLevel.VIEWER) {
            body += LoginPages.rebootForm(ht813() ? session.token() : "");
        }
        return Html.page(page.tab(), tabs, body);
    }

    /** What a field shows: the value kept, which an Update may have saved before it takes effect. */
    private String shownValue(int number) {
        return device.store().saved(number);
    }

    // --- saving -------------------------------------------------------------------------------

    private void update(FormBody form, Request request, Response response, Callback callback) {
        Optional<WebSessions.Session> found = session(request, form);
        if (found.isEmpty()) {
            UiResponses.html(response, 401, LoginPages.login(ht813(), sessionToken(), "Your session has ended; log in again."), callback);
            return;
        }
        WebSessions.Session session = found.get();
        UiPage from = pageOf(form);
        if (session.level() == WebLevel.VIEWER) {
            UiResponses.html(response, 403, render(from, session, Map.of("", "a viewer cannot change settings"), form.all(),
                    "A viewer cannot change settings; nothing was changed."), callback);
            return;
        }
        if (ht813() && !sessions.spendToken(session, form.getOrEmpty("session_token"))) {
            UiResponses.html(response, 403, render(from, session, Map.of(), form.all(),
                    "The page was out of date (its session token was missing or stale); nothing was changed."), callback);
            return;
        }
        SettingsUpdate.Outcome outcome = SettingsUpdate.check(catalog(), session.level(), form);
        if (!outcome.accepted()) {
            UiResponses.html(response, 400, render(from, session, outcome.problems(), form.all(), "Nothing was changed.")
                    + problemsList(outcome.problems()), callback);
            return;
        }
        // The HT502's Update and the HT813's Update keep the changes; they take effect at the next
        // boot, or with the HT813's Apply, which takes these and every change saved before it (WEB-14, WEB-15).
        boolean apply = ht813() && form.has("apply");
        try {
            if (!apply) {
                device.store().save(outcome.changes());
                if (ht813()) {
                    UiResponses.html(response, 200, render(from, session, Map.of(), Map.of(),
                            "Your changes are saved. Press Apply to make them take effect."), callback);
                } else {
                    UiResponses.html(response, 200, LoginPages.saved(false, true, ""), callback);
                }
                return;
            }
            boolean reboot = device.store().apply(outcome.changes()).rebootRequired()
                    | device.store().takeEffect().rebootRequired();
            UiResponses.html(response, 200, LoginPages.saved(true, reboot, session.token()), callback);
        } catch (RejectedChangesException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.problems().forEach(problem -> problems.put(problem.key(), problem.reason()));
            UiResponses.html(response, 400, render(from, session, problems, form.all(), "Nothing was changed."), callback);
        }
    }

    /** The page a form came from, by its first P-value field; BASIC SETTINGS when it names none. */
    private UiPage pageOf(FormBody form) {
        for (String name : form.all().keySet()) {
            Optional<UiPage> page = dev.ataemu.core.config.ParameterKeys.parse(name).stream().boxed()
                    .flatMap(number -> catalog().find(number).stream())
                    .flatMap(definition -> UiPage.of(catalog().modelId()).stream()
                            .filter(p -> p.settings().equals(Optional.of(definition.page()))))
                    .findFirst();
            if (page.isPresent()) {
                return page.get();
            }
        }
        return UiPage.BASIC;
    }

    private static String problemsList(Map<String, String> problems) {
        StringBuilder list = new StringBuilder("<ul class=\"error\" id=\"problems\">");
        problems.forEach((key, reason) -> list.append("<li>").append(Html.escape(key)).append(": ")
                .append(Html.escape(reason)).append("</li>"));
        return list.append("</ul>").toString();
    }

    // --- reboot, reset, export ----------------------------------------------------------------

    Optional<WebSessions.Session> actor(FormBody form, Request request, Response response, Callback callback,
            boolean userMay) {
        Optional<WebSessions.Session> session = session(request, form);
        if (session.isEmpty()) {
            UiResponses.html(response, 401, LoginPages.login(ht813(), sessionToken(), "Log in first."), callback);
            return Optional.empty();
        }
        WebLevel level = session.get().level();
        if (level == WebLevel.VIEWER || (level == WebLevel.USER && !userMay)) {
            UiResponses.html(response, 403, Html.page("Not allowed", "", "<p class=\"error\">The " + level.username()
                    + " login cannot do this.</p>"), callback);
            return Optional.empty();
        }
        if (ht813() && "POST".equals(request.getMethod()) && !sessions.spendToken(session.get(),
                form.getOrEmpty("session_token"))) {
            UiResponses.html(response, 403, Html.page("Not allowed", "", "<p class=\"error\">The page was out of date (its session "
                    + "token was missing or stale); nothing was done.</p>"), callback);
            return Optional.empty();
        }
        return session;
    }

    private void reboot(FormBody form, Request request, Response response, Callback callback) {
        if (actor(form, request, response, callback, true).isEmpty()) {
            return;
        }
        sessions.logout();
        device.reboot();
        UiResponses.html(response, 200, LoginPages.rebooting(), callback);
    }

    private void reset(FormBody form, Request request, Response response, Callback callback) {
        int code;
        try {
            code = Integer.parseInt(form.getOrEmpty("reset_type").strip());
            ResetType.fromCode(code);
        } catch (IllegalArgumentException e) {
            UiResponses.html(response, 400, Html.page("Reset", "", "<p class=\"error\">reset_type must be 0 (full), 1 (ISP data) "
                    + "or 2 (VoIP data).</p>"), callback);
            return;
        }
        // The end user may do the ISP-data reset unless "Lock keypad update" says no (INTERFACES 2.1).
        boolean userMay = code == ResetType.ISP_DATA.code() && device.store().getIntOr(LOCK_KEYPAD_UPDATE, 0) != 1;
        if (actor(form, request, response, callback, userMay).isEmpty()) {
            return;
        }
        sessions.logout();
        device.factoryReset(ResetType.fromCode(code));
        UiResponses.html(response, 200, LoginPages.rebooting(), callback);
    }

    private void export(Request request, FormBody form, Response response, Callback callback, boolean xml) {
        Optional<WebSessions.Session> session = session(request, form);
        if (session.isEmpty() || session.get().level() != WebLevel.ADMIN) {
            UiResponses.html(response, 403, Html.page("Not allowed", "", "<p class=\"error\">Only the administrator can download "
                    + "the configuration.</p>"), callback);
            return;
        }
        String file = xml ? "config.xml" : "config.txt";
        String body = xml ? ConfigExport.xml(device.store(), device.mac()) : ConfigExport.text(device.store());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, xml ? "application/xml" : "text/plain; charset=utf-8");
        response.getHeaders().put("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.setStatus(200);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    // --- plumbing -----------------------------------------------------------------------------

    Optional<WebSessions.Session> session(Request request, FormBody form) {
        String id = null;
        for (org.eclipse.jetty.http.HttpCookie cookie : Request.getCookies(request)) {
            if ("session_id".equals(cookie.getName())) {
                id = cookie.getValue();
            }
        }
        if (id == null) {
            id = form.get("session_id").orElse(null);
        }
        return sessions.find(id);
    }

    private static void setCookie(Response response, WebSessions.Session session) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, "session_id=" + session.id() + "; Path=/; HttpOnly");
    }

    private static FormBody form(Request request) throws IOException {
        FormBody query = FormBody.parse(request.getHttpURI().getQuery());
        if (!"POST".equals(request.getMethod())) {
            return query;
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type != null && !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            return query;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw new IOException("a form over " + MAX_FORM_BYTES + " bytes");
            }
            return FormBody.parse(new String(body, StandardCharsets.UTF_8)).over(query);
        }
    }

    private static void html(Response response, int status, String page, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(page.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static void json(Response response, String json, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.EXPIRES, "Thu, 01 Jan 1970 00:00:00 GMT");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
