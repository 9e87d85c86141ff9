package dev.ataemu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Pulls the power of every device of a fleet at once and plugs it back in, through each device's
 * emulator API, and times how long until the registrar has accepted every account's registration
 * again (digest included).
 */
final class MassReboot {

    private MassReboot() {
    }

    static void measure(FleetProcess fleet, int devices, LongSupplier acceptedRegistrations) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode list = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(fleet.api()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<URI> webs = new ArrayList<>();
        list.path("devices").forEach(device -> webs.add(URI.create(device.path("web").asText())));
        long before = acceptedRegistrations.getAsLong();
        long start = System.nanoTime();
        List<CompletableFuture<?>> cycles = new ArrayList<>();
        for (URI web : webs) {
            cycles.add(power(http, web, "off").thenCompose(off -> power(http, web, "on")));
        }
        CompletableFuture.allOf(cycles.toArray(CompletableFuture[]::new)).join();
        double commanded = (System.nanoTime() - start) / 1e9;
        while (acceptedRegistrations.getAsLong() < before + 2L * devices) {
            if (System.nanoTime() - start > 300_000_000_000L) {
                throw new IllegalStateException("the fleet did not re-register within 5 min");
            }
            Thread.sleep(20);
        }
        System.out.printf("mass reboot of %d devices: every power cycle asked for within %.2f s, all %d accounts "
                + "registered again %.2f s after the first (1.5 s of it the emulated boot)%n", webs.size(), commanded,
                2 * devices, (System.nanoTime() - start) / 1e9);
        // Every account closed its listening point and opened a new one: what the old ones left behind shows here.
        Thread.sleep(5000);
        System.out.println("after the reboot: " + fleet.footprint().describe(devices));
    }

    private static CompletableFuture<HttpResponse<String>> power(HttpClient http, URI web, String state) {
        String credentials = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        return http.sendAsync(HttpRequest.newBuilder(web.resolve("/api/emulator/power"))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
