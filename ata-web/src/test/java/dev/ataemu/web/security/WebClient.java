package dev.ataemu.web.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client that keeps the session cookie, as a script or a browser does, and can log in
 * at each level of the device's pages.
 */
final class WebClient {

    private static final Pattern TOKEN = Pattern.compile("name=\"session_token\"[^>]*value=\"([0-9a-f]*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Requests sent by every client so far, for the tests to count what they tried. */
    static final java.util.concurrent.atomic.AtomicInteger SENT = new java.util.concurrent.atomic.AtomicInteger();

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final URI base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    WebClient(URI base) {
        this.base = base;
    }

    /** Sends {@code name: value} with every request from now on (an Origin, a Referer, Basic credentials). */
    WebClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    URI base() {
        return base;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs {@code content} as the multipart form field {@code file}, named {@code fileName}, as a browser's upload does. */
    HttpResponse<String> upload(String path, String fileName, byte[] content) throws Exception {
        String boundary = "----securitytest" + System.nanoTime();
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fileName, content))));
    }

    static byte[] multipart(String boundary, String fileName, byte[] content) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        headers.forEach(request::header);
        SENT.incrementAndGet();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    }

    /** The session cookie's value, or null before a login. */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("session_id"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /**
     * Logs in through the login form: on the HT813 with the level's username and the login page's
     * token, on the HT502 with the password alone. True when the device let the level in.
     */
    boolean login(boolean ht813, String username, String password) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        if (ht813) {
            fields.put("username", username);
            fields.put("session_token", token(get("/cgi-bin/login").body()));
        }
        fields.put("P2", password);
        fields.put("Login", "Login");
        fields.put("gnkey", "0b82");
        HttpResponse<String> landing = post("/cgi-bin/dologin", fields);
        return landing.body().contains("<b>Software Version: </b>") || landing.body().contains("<h2>BASIC SETTINGS</h2>");
    }

    /** The hidden session_token of a page ("" when the page has none). */
    static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        return matcher.find() ? matcher.group(1) : "";
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
