package dev.ataemu.core.provision;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP and HTTPS downloads with the JDK's client, sending the device's provisioning User-Agent.
 * Basic credentials go with the first request when P20713 says so, else after a 401. Like the
 * firmware of these units, HTTPS does not check the server's certificate: provisioning servers
 * commonly run on self-signed ones. A server that stops sending for TIMEOUT, or takes longer than
 * a provisioning pass may, is hung up on: the JDK's own timeout ends with the headers.
 */
final class HttpFetcher implements FileFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration TRANSFER_LIMIT = Provisioner.PASS_LIMIT;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .sslContext(dev.ataemu.core.net.UncheckedTls.context())
            .build();

    private final String userAgent;

    HttpFetcher(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public byte[] fetch(URI uri, Credentials credentials) throws IOException {
        HttpResponse<byte[]> response = send(uri, credentials.preemptive() ? credentials : Credentials.NONE);
        if (response.statusCode() == 401 && credentials.present() && !credentials.preemptive()) {
            response = send(uri, credentials);
        }
        int status = response.statusCode();
        if (status == 404) {
            throw new NoSuchFileException(uri.toString(), null, "404 Not Found");
        }
        if (status / 100 != 2) {
            throw new IOException(uri + " answered " + status);
        }
        return response.body();
    }

    private HttpResponse<byte[]> send(URI uri, Credentials credentials) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", userAgent).GET();
        if (credentials.present()) {
            String pair = credentials.user() + ":" + credentials.password();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        AtomicReference<BoundedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> pending = CLIENT.sendAsync(request.build(), info -> {
            body.set(new BoundedBody(uri, info));
            return body.get();
        });
        long started = System.nanoTime();
        try {
            while (true) {
                try {
                    return pending.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillComing) {
                    long now = System.nanoTime();
                    BoundedBody receiving = body.get();
                    boolean stalled = receiving != null && now - receiving.lastProgressNanos() > TIMEOUT.toNanos();
                    if (stalled || now - started > TRANSFER_LIMIT.toNanos()) {
                        pending.cancel(true);
                        throw new HttpTimeoutException(uri + (stalled ? " stopped sending for " + TIMEOUT.toSeconds() + " s"
                                : " took longer than " + TRANSFER_LIMIT.toSeconds() + " s"));
                    }
                }
            }
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
    }
}
