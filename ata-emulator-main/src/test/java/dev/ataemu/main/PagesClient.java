package dev.ataemu.main;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A script's view of the device's web pages: a session cookie, GETs, form POSTs and the page's session token. */
final class PagesClient {

    private static final Pattern TOKEN = Pattern.compile("name=\"session_token\"[^>]*value=\"([0-9a-f]*)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final URI base;

    PagesClient(URI base) {
        this.base = base;
    }

    String page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    String post(String path, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Logs in as the HT813's admin with the classic dologin form. */
    void loginHt813Admin() throws Exception {
        String login = page("/cgi-bin/login");
        post("/cgi-bin/dologin", Map.of("username", "admin", "P2", "admin", "Login", "Login", "gnkey", "0b82",
                "session_token", token(login)));
    }

    static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        return matcher.find() ? matcher.group(1) : "";
    }
}
