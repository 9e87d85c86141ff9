package dev.ataemu.core.provision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The body of an HTTP download, kept in memory up to {@link Downloads#MAX_BYTES}: a larger file is
 * refused as soon as it says so or grows past the limit, before it fills the memory. It notes when
 * the last part arrived, so that a server that stops sending can be given up on.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final URI uri;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile long lastProgressNanos = System.nanoTime();
    private Flow.Subscription subscription;

    BoundedBody(URI uri, HttpResponse.ResponseInfo response) {
        this.uri = uri;
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > Downloads.MAX_BYTES) {
            result.completeExceptionally(tooLarge());
        }
    }

    /** When the headers or the latest part of the body arrived, on {@link System#nanoTime()}'s scale. */
    long lastProgressNanos() {
        return lastProgressNanos;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (result.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> parts) {
        if (result.isDone()) {
            return;
        }
        lastProgressNanos = System.nanoTime();
        for (ByteBuffer part : parts) {
            if (bytes.size() + part.remaining() > Downloads.MAX_BYTES) {
                subscription.cancel();
                result.completeExceptionally(tooLarge());
                return;
            }
            byte[] chunk = new byte[part.remaining()];
            part.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    private IOException tooLarge() {
        return new IOException(uri + " is larger than " + Downloads.MAX_BYTES + " bytes");
    }
}
