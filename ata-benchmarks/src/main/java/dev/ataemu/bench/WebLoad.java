package dev.ataemu.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Web pages under load: logs in to a running device as the administrator, then CLIENTS clients ask
 * for PATH back to back for SECONDS; reports answers per second, the latency p50 / p99 / max and
 * any answer that was not 200.
 *
 * <pre>java -cp ata-benchmarks/target/ata-benchmarks.jar dev.ataemu.bench.WebLoad BASE_URL PATH CLIENTS SECONDS [PASSWORD]</pre>
 * e.g. {@code http://127.0.0.1:8080 /cgi-bin/index 4 20} (the status page) or
 * {@code ... "/cgi-bin/api.values.get?request=P47:P35" 8 20}.
 */
public final class WebLoad {

    private WebLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String path = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String password = args.length > 4 ? args[4] : "admin";
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("/cgi-bin/dologin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("P2=" + password + "&gnkey=0b82")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("login: " + login.statusCode());
        URI target = base.resolve(path);
        // A first pass for the JIT, then the measured one.
        run(http, target, clients, Math.min(5, seconds), new AtomicLong());
        AtomicLong failures = new AtomicLong();
        List<Long> latencies = run(http, target, clients, seconds, failures);
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("%s, %d clients, %d s: %d answers (%.0f/s), latency p50 %.2f ms, p99 %.2f ms, max %.2f ms, "
                + "%d not 200%n", path, clients, seconds, sorted.size(), sorted.size() / (double) seconds,
                percentile(sorted, 0.5), percentile(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                failures.get());
    }

    private static List<Long> run(HttpClient http, URI target, int clients, int seconds, AtomicLong failures)
            throws InterruptedException {
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).build();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (answer.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    if (running.get()) {
                        latencies.add(System.nanoTime() - start);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return latencies;
    }

    private static double percentile(List<Long> sorted, double fraction) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * fraction) - 1)) / 1e6;
    }
}
