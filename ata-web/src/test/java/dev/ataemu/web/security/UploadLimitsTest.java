package dev.ataemu.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.firmware.FirmwareImage;
import dev.ataemu.time.VirtualScheduler;
import dev.ataemu.web.ServedDevice;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's uploads under abuse: too large (413, never kept in memory past the limit),
 * two at once, file names that name paths, and multipart forms that are not; each refused with a
 * clear reason, and nothing changes. On an HT502, whose pages need no token.
 */
class UploadLimitsTest {

    private static final int CONFIG_LIMIT = 1024 * 1024;
    private static final int FIRMWARE_LIMIT = 64 * 1024 * 1024;

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private ServedDevice served;
    private Device device;
    private WebClient admin;

    @BeforeEach
    void serve() throws Exception {
        served = ServedDevice.start(dataDir, DeviceModels.HT502, scheduler);
        device = served.device;
        admin = new WebClient(served.web.uri());
        assertThat(admin.login(false, "", "admin")).isTrue();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private static byte[] configOf(int size) {
        StringBuilder text = new StringBuilder("P3 = Too Big\n");
        while (text.length() < size) {
            text.append("# padding padding padding padding padding padding padding padding padding\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("SEC-10 WEB-44 a configuration file over 1 MiB is refused with 413 and nothing changes, whether its "
            + "length is declared, it comes in chunks or as the bare body; a form over 256 KiB too")
    void configTooLarge() throws Exception {
        Map<Integer, String> before = device.store().snapshot();
        byte[] big = configOf(CONFIG_LIMIT + 1);
        String boundary = "----limits";
        byte[] form = WebClient.multipart(boundary, "config.txt", big);

        HttpResponse<String> declared = admin.send(admin.request("/cgi-bin/upload_cfg")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form)));
        HttpResponse<String> chunked = admin.send(admin.request("/cgi-bin/upload_cfg")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));
        HttpResponse<String> bare = admin.send(admin.request("/cgi-bin/upload_cfg")
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        HttpResponse<String> longForm = admin.post("/cgi-bin/update", Map.of("P3", "x".repeat(300 * 1024)));
        for (HttpResponse<String> answer : List.of(declared, chunked, bare, longForm)) {
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.body()).contains("is larger than the", "nothing was changed");
        }
        assertThat(device.store().snapshot()).isEqualTo(before);

        HttpResponse<String> small = admin.upload("/cgi-bin/upload_cfg", "config.txt", configOf(CONFIG_LIMIT - 200));
        assertThat(small.statusCode()).as("a file just under the limit").isEqualTo(200);
        assertThat(device.store().saved(3)).isEqualTo("Too Big");
    }

    @Test
    @DisplayName("SEC-10 WEB-41 a firmware upload over 64 MiB is refused with 413: by its declared length before a "
            + "byte of it is read, in chunks once the limit is passed; the device runs on as it was")
    void firmwareTooLarge() throws Exception {
        Map<String, String> firmware = device.firmware();
        int port = served.web.port();
        String answer = RawHttp.exchange(InetAddress.getLoopbackAddress(), port, RawHttp.head("POST", "/cgi-bin/upload_firmware",
                port, "Cookie: session_id=" + admin.sessionId() + "\r\nContent-Type: multipart/form-data; boundary=xyz\r\n"
                        + "Content-Length: " + (FIRMWARE_LIMIT + 200_000) + "\r\n"), new byte[0]);
        assertThat(RawHttp.status(answer)).isEqualTo(413);
        assertThat(answer).contains("is larger than the " + FIRMWARE_LIMIT + " bytes");

        String boundary = "----firmware";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ht502fw.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long zeros = FIRMWARE_LIMIT + 256L * 1024;
        HttpResponse<String> chunked = admin.send(admin.request("/cgi-bin/upload_firmware")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(head),
                        new ZeroStream(zeros)))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("is larger than the");

        scheduler.advance(Duration.ofMinutes(2));
        assertThat(device.firmware()).isEqualTo(firmware);
        assertThat(admin.get("/cgi-bin/index").body()).as("the session and the pages live on").contains("Program -- 1.0.16.2");
    }

    @Test
    @DisplayName("SEC-10 one upload is received at a time: while a slow one arrives, another is refused with 503 and "
            + "Retry-After and changes nothing; the first then completes")
    void oneUploadAtATime() throws Exception {
        int port = served.web.port();
        String boundary = "slow";
        byte[] form = WebClient.multipart(boundary, "config.txt", "P3 = Slow Upload\n".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> second = null;
        String first = null;
        // The slow upload holds the line only once the server has begun to read it; a probe sent
        // before that may take the line itself and refuse the slow one, so that attempt starts over.
        for (int attempt = 1; attempt <= 10 && (second == null || second.statusCode() != 503); attempt++) {
            try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
                slow.setSoTimeout(30_000);
                OutputStream out = slow.getOutputStream();
                out.write(RawHttp.head("POST", "/cgi-bin/upload_cfg", port, "Cookie: session_id=" + admin.sessionId()
                        + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + form.length
                        + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(form, 0, 20);
                out.flush();
                Thread.sleep(50L * attempt);
                // Unless the slow upload holds the line, this refused image only says it is no image.
                second = admin.upload("/cgi-bin/upload_firmware", "ht502fw.bin", new byte[] {1, 2, 3});
                assertThat(second.statusCode()).isIn(400, 503);
                out.write(form, 20, form.length - 20);
                out.flush();
                first = RawHttp.readAll(slow.getInputStream());
            }
        }
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(second.body()).contains("another upload is being received");
        assertThat(RawHttp.status(first)).as("the slow upload, once it has all arrived").isEqualTo(200);
        assertThat(device.store().saved(3)).isEqualTo("Slow Upload");
    }

    @Test
    @DisplayName("SEC-10 WEB-41 a file name that names a path (../../x, an absolute path, backslashes) never writes "
            + "outside the device's folder: a configuration file is taken by its content, a firmware image refused by its name")
    void fileNamesAreNotPaths() throws Exception {
        Map<String, Long> before = files(dataDir);
        Path deviceFolder = dataDir.resolve(device.mac().compact());
        assertThat(deviceFolder).isDirectory();
        List<String> names = List.of("../../x", "../../../../../../../../tmp/ataemu-traversal-x", "/tmp/ataemu-traversal-abs",
                "..\\..\\x", "x/../../../y", "%2e%2e%2fx", deviceFolder.resolve("../../escaped.txt").toString());
        int step = 0;
        for (String name : names) {
            byte[] config = ("P3 = Name" + step++ + "\n").getBytes(StandardCharsets.US_ASCII);
            HttpResponse<String> answer = admin.upload("/cgi-bin/upload_cfg", name, config);
            assertThat(answer.statusCode()).as(name).isEqualTo(200);
        }
        assertThat(device.store().saved(3)).isEqualTo("Name" + (step - 1));
        byte[] image = new FirmwareImage("HT502", Map.of("Program", "1.0.16.9", "Boot", "1.0.0.18", "Loader", "1.0.0.2"),
                new byte[64]).encode();
        for (String name : List.of("../../ht502fw.bin", "/tmp/ht502fw.bin", "..\\ht502fw.bin")) {
            HttpResponse<String> answer = admin.upload("/cgi-bin/upload_firmware", name, image);
            assertThat(answer.statusCode()).as(name).isEqualTo(400);
            assertThat(answer.body()).contains("takes ht502fw.bin");
        }
        scheduler.advance(Duration.ofMinutes(2));
        assertThat(device.firmware().get("Program")).isEqualTo("1.0.16.2");

        Map<String, Long> after = files(dataDir);
        List<String> outside = new ArrayList<>();
        after.keySet().stream().filter(path -> !before.containsKey(path) || !before.get(path).equals(after.get(path)))
                .filter(path -> !Path.of(path).startsWith(deviceFolder)).forEach(outside::add);
        assertThat(outside).as("files written or changed outside the device's folder").isEmpty();
        assertThat(Path.of("/tmp/ataemu-traversal-x")).doesNotExist();
        assertThat(Path.of("/tmp/ataemu-traversal-abs")).doesNotExist();
        assertThat(Path.of("x")).doesNotExist();
        assertThat(dataDir.getParent().resolve("escaped.txt")).doesNotExist();
    }

    @Test
    @DisplayName("SEC-10 WEB-43 multipart forms that are not (no boundary, no parts, no end, no file part, garbage) get "
            + "a 400 that says what is wrong, and change nothing")
    void malformedForms() throws Exception {
        Map<Integer, String> before = device.store().snapshot();
        Map<String, String[]> bodies = new TreeMap<>();
        String part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.txt\"\r\n\r\nP3 = Broken\r\n";
        bodies.put("no boundary", new String[] {"multipart/form-data", part + "--b--\r\n"});
        bodies.put("an empty boundary", new String[] {"multipart/form-data; boundary=", part + "--b--\r\n"});
        bodies.put("no parts", new String[] {"multipart/form-data; boundary=b", "just some text"});
        bodies.put("an empty body", new String[] {"multipart/form-data; boundary=b", ""});
        bodies.put("no end", new String[] {"multipart/form-data; boundary=b", part});
        bodies.put("no file part", new String[] {"multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nP3 = Broken\r\n--b--\r\n"});
        bodies.put("a part without headers", new String[] {"multipart/form-data; boundary=b", "--b\r\n\r\nP3 = Broken\r\n--b--\r\n"});
        bodies.put("binary garbage", new String[] {"multipart/form-data; boundary=b", "--b\r\n\u0000\u00ff\u00fe\r\n\r\n\u0001--b"});
        for (Map.Entry<String, String[]> body : bodies.entrySet()) {
            for (String target : List.of("/cgi-bin/upload_cfg", "/cgi-bin/upload_firmware")) {
                HttpResponse<String> answer = admin.send(admin.request(target).header("Content-Type", body.getValue()[0])
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.getValue()[1].getBytes(StandardCharsets.ISO_8859_1))));
                assertThat(answer.statusCode()).as(body.getKey() + " to " + target + ": " + answer.body()).isEqualTo(400);
                String reason = answer.body().replaceAll("(?s).*<p class=\"error\" id=\"refused\">([^<]*)</p>.*", "$1");
                assertThat(reason).as(body.getKey() + " to " + target).isNotBlank().doesNotContain("null", "Exception")
                        .doesNotStartWith("<!DOCTYPE");
            }
        }
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(device.store().snapshot()).isEqualTo(before);
        assertThat(device.firmware().get("Program")).isEqualTo("1.0.16.2");
        System.out.printf("SEC-10 uploads: %d malformed forms x 2 uploads refused%n", bodies.size());
    }

    /** Every file under {@code root} with its size and modification time. */
    private static Map<String, Long> files(Path root) throws Exception {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(path.toString(), Files.size(path) * 31 + Files.getLastModifiedTime(path).toMillis());
            }
        }
        return files;
    }

    /** {@code length} zero bytes, made as they are read. */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
