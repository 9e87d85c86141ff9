package dev.ataemu.web.api;

import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.audio.LiveAudio;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A handset's audio over a WebSocket ({@code /api/emulator/ports/{n}/audio}): what the earpiece
 * hears goes out as binary messages of 20 ms, 8 kHz 16-bit little-endian PCM; binary messages in
 * the same format are what the mouthpiece says. Frames the client cannot take in time are
 * dropped, never queued without end.
 */
public final class AudioSocket implements Session.Listener.AutoDemanding {

    private static final int MAX_IN_FLIGHT = 25;

    private final VirtualHandset handset;
    private final LiveAudio mouthpiece = new LiveAudio();
    private final AtomicInteger inFlight = new AtomicInteger();
    private Session session;
    private Runnable untap = () -> { };

    AudioSocket(VirtualHandset handset) {
        this.handset = handset;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
        untap = handset.earpiece().tap(this::heard);
        handset.speak(mouthpiece);
    }

    private void heard(short[] frame) {
        if (session == null || !session.isOpen() || inFlight.get() >= MAX_IN_FLIGHT) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.allocate(frame.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : frame) {
            bytes.putShort(sample);
        }
        bytes.flip();
        inFlight.incrementAndGet();
        session.sendBinary(bytes, Callback.from(inFlight::decrementAndGet, failure -> inFlight.decrementAndGet()));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        ByteBuffer little = payload.order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[little.remaining() / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = little.getShort();
        }
        mouthpiece.write(samples, samples.length);
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        stop();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        stop();
    }

    private void stop() {
        untap.run();
        handset.speak(AudioSource.SILENCE);
    }
}
