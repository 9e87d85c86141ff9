package dev.ataemu.web.ui;

import dev.ataemu.core.config.ModelCatalog;
import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.config.RejectedChangesException;
import dev.ataemu.core.config.ResetType;
import dev.ataemu.core.device.Device;
import dev.ataemu.web.server.RequestBodies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
    private static final List<String> READ = List.of("GET", "POST");
    private static final List<String> WRITE = List.of("POST");
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
    private final Map<String, Cgi> cgis;

    public DeviceUi(Device device) {
        this.device = device;
        ParameterStore store = device.store();
        this.sessions = new WebSessions(device.scheduler().clock(), () -> store.catalog().find(SESSION_TIMEOUT).isPresent()
                ? Duration.ofMinutes(store.getIntOr(SESSION_TIMEOUT, 10)) : NO_TIMEOUT);
        this.guard = new LoginGuard(device.scheduler().clock(), () -> store.getIntOr(ATTEMPT_LIMIT, 0),
                () -> store.getIntOr(LOCKOUT_MINUTES, 0));
        this.cgis = cgis();
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

    /** Every path these pages answer, as {@code METHOD /path}: what the server registers, for its tests and docs. */
    public List<String> routes() {
        List<String> routes = new java.util.ArrayList<>();
        for (String path : List.of("/", "/index.html")) {
            READ.forEach(method -> routes.add(method + " " + path));
        }
        cgis.forEach((name, cgi) -> cgi.methods().forEach(method -> routes.add(method + " " + CGI + name)));
        return routes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        if (!path.equals("/") && !path.equals("/index.html") && !path.startsWith(CGI)) {
            return false;
        }
        response.getHeaders().put(HttpHeader.SERVER, "Grandstream/1.10");
        if (!path.startsWith(CGI)) {
            if (allowed(READ, request, response, callback)) {
                UiResponses.html(response, 200, Html.page("", "", "<meta http-equiv=\"refresh\" content=\"0; url=/cgi-bin/login\">"
                        + "<p><a href=\"/cgi-bin/login\">Login</a></p>"), callback);
            }
            return true;
        }
        String name = path.substring(CGI.length());
        Cgi cgi = cgis.get(name);
        if (cgi == null) {
            UiResponses.html(response, 404, Html.page("Not Found", "", "<p>No page " + Html.escape(name) + ".</p>"), callback);
            return true;
        }
        if (!allowed(cgi.methods(), request, response, callback)) {
            return true;
        }
        FormBody form;
        try {
            form = form(request);
        } catch (BodyTooLarge e) {
            RequestBodies.discard(request);
            UiResponses.html(response, 413, Html.page("Too Large", "", "<p class=\"error\">" + Html.escape(e.getMessage())
                    + "</p>"), callback);
            return true;
        }
        cgi.action().serve(form, request, response, callback);
        return true;
    }

    /** One CGI of the pages: the methods it answers and what it does. */
    private record Cgi(List<String> methods, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void serve(FormBody form, Request request, Response response, Callback callback) throws IOException;
    }

    /**
     * The firmware's CGIs by name. What only shows may be fetched or posted; what changes the device
     * takes a POST, except the reboot, which HT50x-era scripts fetch (INTERFACES 2.2).
     */
    private Map<String, Cgi> cgis() {
        Map<String, Cgi> cgis = new LinkedHashMap<>();
        cgis.put("login", new Cgi(READ, (form, request, response, callback) ->
                UiResponses.html(response, 200, LoginPages.login(ht813(), sessionToken(), ""), callback)));
        cgis.put("dologin", new Cgi(WRITE, this::dologin));
        cgis.put("doadminlogin", new Cgi(WRITE, this::doadminlogin));
        cgis.put("update", new Cgi(WRITE, this::update));
        cgis.put("rs", new Cgi(READ, this::reboot));
        cgis.put("unit_reset", new Cgi(WRITE, this::reset));
        cgis.put("download_cfg", new Cgi(READ, (form, request, response, callback) ->
                export(request, form, response, callback, false)));
        cgis.put("download_cfg_xml", new Cgi(READ, (form, request, response, callback) ->
                export(request, form, response, callback, true)));
        cgis.put("cfg_page", new Cgi(READ, uploads::configPage));
        cgis.put("upload_cfg", new Cgi(WRITE, uploads::config));
        cgis.put("firmware_page", new Cgi(READ, uploads::firmwarePage));
        cgis.put("upload_firmware", new Cgi(WRITE, uploads::firmware));
        cgis.put("api-get_system_status", new Cgi(READ, (form, request, response, callback) ->
                UiResponses.json(response, UiJson.results(Map.of("vsz", "19000", "command", "ata")), callback)));
        cgis.put("api-get_provision_status", new Cgi(READ, (form, request, response, callback) ->
                UiResponses.json(response, UiJson.results(Map.of("status", "Not running, Last status : Idle")), callback)));
        cgis.put("api-get_core_status", new Cgi(READ, (form, request, response, callback) ->
                UiResponses.json(response, UiJson.results(Map.of("exist", "false")), callback)));
        cgis.put("api-get_sessioninfo", new Cgi(READ, (form, request, response, callback) ->
                UiResponses.json(response, UiJson.results(Map.of("session_timeout",
                        session(request, form).isPresent() ? "false" : "true")), callback)));
        cgis.put("api-get_lockouts", new Cgi(READ, (form, request, response, callback) ->
                UiResponses.json(response, lockouts(Request.getRemoteAddr(request)), callback)));
        cgis.put("api.values.get", new Cgi(READ, values::get));
        cgis.put("api.values.post", new Cgi(WRITE, values::post));
        for (UiPage page : UiPage.of(catalog().modelId())) {
            cgis.put(page.path(), new Cgi(READ, (form, request, response, callback) ->
                    page(page, form, request, response, callback)));
        }
        return cgis;
    }

    /** Whether the CGI answers this method (HEAD wherever GET: the same answer without its body); a 405 if not. */
    private static boolean allowed(List<String> methods, Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (methods.contains(method) || ("HEAD".equals(method) && methods.contains("GET"))) {
            return true;
        }
        response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", methods));
        UiResponses.html(response, 405, Html.page("Not Allowed", "", "<p class=\"error\">" + Html.escape(request.getMethod())
                + " is not allowed here; use " + String.join(" or ", methods) + ".</p>"), callback);
        return false;
    }

    // --- login --------------------------------------------------------------------------------

    /** A token for the login page's hidden field (the firmware's pre-login token; checked only after login). */
    String sessionToken() {
        return ht813() ? java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                .putLong(System.nanoTime()).putLong(device.mac().value()).array()) : "";
    }

    private void dologin(FormBody form, Request request, Response response, Callback callback) {
        // The phone-family JSON login (INTERFACES 2.4) sends "password"; the ATA's own pages send P2.
        boolean jsonLogin = !form.has("P2") && form.has("password");
        String source = Request.getRemoteAddr(request);
        if (guard.locked(source)) {
            if (jsonLogin) {
                UiResponses.json(response, UiJson.error("locked"), callback);
            } else {
                UiResponses.html(response, 200, LoginPages.locked(guard.remainingSeconds(source)), callback);
            }
            return;
        }
        String password = form.get("P2").orElse(form.getOrEmpty("password"));
        Optional<WebLevel> level = authenticate(form.get("username"), password);
        if (level.isEmpty()) {
            guard.failed(source);
            if (jsonLogin) {
                UiResponses.json(response, UiJson.error("invalid username or password"), callback);
            } else if (guard.locked(source)) {
                UiResponses.html(response, 200, LoginPages.locked(guard.remainingSeconds(source)), callback);
            } else {
                UiResponses.html(response, 200, LoginPages.error(ht813(), guard.attemptsLeft(source), sessionToken()), callback);
            }
            return;
        }
        guard.succeeded(source);
        WebSessions.Session session = sessions.login(level.get());
        setCookie(request, response, session);
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
        String source = Request.getRemoteAddr(request);
        if (guard.locked(source)) {
            UiResponses.html(response, 200, LoginPages.locked(guard.remainingSeconds(source)), callback);
            return;
        }
        if (!form.getOrEmpty("P2").equals(passwordOf(WebLevel.ADMIN).orElse(""))) {
            guard.failed(source);
            UiResponses.html(response, 200, LoginPages.error(ht813(), guard.attemptsLeft(source), sessionToken()), callback);
            return;
        }
        guard.succeeded(source);
        WebSessions.Session session = sessions.login(WebLevel.ADMIN);
        setCookie(request, response, session);
        UiPage target = UiPage.find(catalog().modelId(), form.getOrEmpty("page")).orElse(UiPage.ADVANCED);
        UiResponses.html(response, 200, render(target, session, Map.of(), Map.of(), ""), callback);
    }

    /** The lock-out as {@code source}, the asking address, sees it. */
    private String lockouts(String source) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("locked", Boolean.toString(guard.locked(source)));
        fields.put("remain", Long.toString(guard.remainingSeconds(source)));
        fields.put("accessattempt", Integer.toString(guard.attemptLimit()));
        fields.put("invalidattempt", Integer.toString(guard.failures(source)));
        return UiJson.results(fields);
    }

    // --- pages --------------------------------------------------------------------------------

    private void page(UiPage page, FormBody form, Request request, Response response, Callback callback) {
        Optional<WebSessions.Session> session = session(request, form);
        if (session.isEmpty()) {
            UiResponses.html(response, 200, LoginPages.login(ht813(), sessionToken(), ""), callback);
            return;
        }
        if (!page.open(session.get().level())) {
            UiResponses.html(response, 200, LoginPages.adminLogin(page.path()), callback);
            return;
        }
        UiResponses.html(response, 200, render(page, session.get(), Map.of(), Map.of(), ""), callback);
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

    /**
     * The session that may do this action, or empty once the refusal is sent. An upload's body is
     * read off before a refusal, so that the client, still sending, receives it.
     */
    Optional<WebSessions.Session> actor(FormBody form, Request request, Response response, Callback callback,
            boolean userMay) {
        Optional<WebSessions.Session> session = session(request, form);
        if (session.isEmpty()) {
            RequestBodies.discard(request);
            UiResponses.html(response, 401, LoginPages.login(ht813(), sessionToken(), "Log in first."), callback);
            return Optional.empty();
        }
        WebLevel level = session.get().level();
        if (level == WebLevel.VIEWER || (level == WebLevel.USER && !userMay)) {
            RequestBodies.discard(request);
            UiResponses.html(response, 403, Html.page("Not allowed", "", "<p class=\"error\">The " + level.username()
                    + " login cannot do this.</p>"), callback);
            return Optional.empty();
        }
        // The HT813 asks every action for the page's token, however it comes: a link or image of
        // another site's page that reaches here carries the cookie but cannot know the token.
        if (ht813() && !sessions.spendToken(session.get(), form.getOrEmpty("session_token"))) {
            RequestBodies.discard(request);
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

    /**
     * The session cookie: out of scripts' reach (HttpOnly), never sent with another site's requests
     * (SameSite=Strict), and over HTTPS only when it came over HTTPS.
     */
    private static void setCookie(Request request, Response response, WebSessions.Session session) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, "session_id=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
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
        if (request.getLength() > MAX_FORM_BYTES) {
            throw new BodyTooLarge("the form", MAX_FORM_BYTES);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw new BodyTooLarge("the form", MAX_FORM_BYTES);
            }
            return FormBody.parse(new String(body, StandardCharsets.UTF_8)).over(query);
        }
    }
}
