package dev.ataemu.media.stream;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.audio.LiveAudio;
import dev.ataemu.media.codec.Codec;
import dev.ataemu.media.codec.cn.ComfortNoise;
import dev.ataemu.media.dtmf.DtmfDetector;
import dev.ataemu.media.dtmf.DtmfDigit;
import dev.ataemu.media.dtmf.KeyTone;
import dev.ataemu.media.events.EventPacket;
import dev.ataemu.media.events.TelephoneEvent;
import dev.ataemu.media.events.TelephoneEventReceiver;
import dev.ataemu.media.events.TelephoneEventSender;
import dev.ataemu.media.jitter.JitterBuffer;
import dev.ataemu.media.jitter.JitterBufferLength;
import dev.ataemu.media.jitter.JitterBufferType;
import dev.ataemu.media.jitter.JitterStatistics;
import dev.ataemu.media.jitter.MediaPacket;
import dev.ataemu.media.jitter.Playout;
import dev.ataemu.media.rtp.Pacer;
import dev.ataemu.media.rtp.RtpPacket;
import dev.ataemu.media.rtp.RtpSession;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One call leg's audio between the analog line and the network: every 20 ms (on a pacing thread)
 * it takes the line's audio, encodes and sends it in packets of the negotiated size, sends due
 * telephone-events, and plays out what the jitter buffer has decoded back toward the line.
 * Packets arrive on a receiving thread into the jitter buffer and the event receiver.
 */
public final class MediaStream implements AutoCloseable {

    /**
     * What the SDP negotiation settled: the codec and its payload type, the packet time, the
     * telephone-event payload type (-1 when none), the jitter buffer (P133, P132), and the RFC 2833
     * event counts (P28173, P28177), and the comfort-noise payload type: when it is not -1, "VAD"
     * (P50) is on and silences go out as RFC 3389 descriptors instead of voice packets.
     */
    public record Config(Codec codec, int payloadType, int packetMs, int eventPayloadType,
            JitterBufferType jitterType, JitterBufferLength jitterLength, int eventsCount, int endEventsCount,
            int comfortNoiseType) {

        public static Config of(Codec codec, int payloadType, int packetMs, int eventPayloadType) {
            return new Config(codec, payloadType, packetMs, eventPayloadType, JitterBufferType.ADAPTIVE,
                    JitterBufferLength.MEDIUM, TelephoneEventSender.DEFAULT_EVENTS_COUNT,
                    TelephoneEventSender.DEFAULT_END_COUNT, -1);
        }

        /** The same with VAD on, comfort noise under {@code type}. */
        public Config withComfortNoise(int type) {
            return new Config(codec, payloadType, packetMs, eventPayloadType, jitterType, jitterLength, eventsCount,
                    endEventsCount, type);
        }

        boolean vad() {
            return comfortNoiseType >= 0;
        }
    }

    /** How long after a telephone-event a key found in the audio is taken for the same press. */
    private static final long EVENT_SHADOW_MS = 1000;

    private final RtpSession session;
    private final Config config;
    private final Codec.Encoder encoder;
    private final Codec.Decoder decoder;
    private final int ticksPerSample;
    private final LiveAudio fromLine = new LiveAudio();
    private final LiveAudio toLine = new LiveAudio();
    private final JitterBuffer jitter;
    private final TelephoneEventSender eventSender;
    private final TelephoneEventReceiver eventReceiver = new TelephoneEventReceiver();
    private final Deque<EventPacket> dueEvents = new ArrayDeque<>();
    private final SilenceSuppressor silence;
    private final Codec.Decoder noise = new ComfortNoise().newDecoder();
    /** Where a descriptor's first frame goes: the noise is played from {@link #playOut}, not here. */
    private final short[] noiseScratch = Audio.newFrame();
    private volatile boolean farEndSilent;
    private final short[] frame = Audio.newFrame();
    private final short[] packetAudio;
    private final byte[] encoded = new byte[1500];
    private final short[] decoded = new short[Audio.SAMPLE_RATE];
    private final long startMillis = System.currentTimeMillis();
    private volatile Consumer<DtmfDigit> dtmfListener = digit -> { };
    /** Keys the far end pressed, played toward the line. */
    private final KeyTone heardKey = new KeyTone();
    /** Keys sent in the audio toward the far end. */
    private final KeyTone sentKey = new KeyTone();
    private volatile DtmfDetector keysInAudio;
    /** When set, sent instead of the line's audio (a gateway's prompt tone, a voice prompt). */
    private volatile AudioSource speaking;
    private volatile boolean playHeardKeys = true;
    private volatile boolean sending = true;
    private volatile boolean farEndHeard;
    private volatile long lastEventAtMs = Long.MIN_VALUE / 2;
    private Pacer.Registration ticking;
    private int filled;
    private long timestamp;
    private boolean talkSpurtStart = true;
    private long eventsStartedAt = -1;

    public MediaStream(RtpSession session, Config config) {
        this.session = Objects.requireNonNull(session);
        this.config = Objects.requireNonNull(config);
        this.encoder = config.codec().newEncoder();
        this.decoder = config.codec().newDecoder();
        this.ticksPerSample = Math.max(1, config.codec().clockRate() / Audio.SAMPLE_RATE);
        this.packetAudio = new short[config.packetMs() * Audio.SAMPLE_RATE / 1000];
        this.jitter = new JitterBuffer(config.jitterType(), config.jitterLength());
        this.eventSender = new TelephoneEventSender(config.packetMs(), config.eventsCount(), config.endEventsCount(), false);
        this.silence = config.vad() ? new SilenceSuppressor() : null;
        session.onPacket(this::received);
    }

    /** Starts the 20 ms ticks on the process's pacer. */
    public void start(Pacer pacer) {
        ticking = pacer.add(this::tick);
    }

    /** Where the line's audio goes (the FXS port's upstream): 20 ms frames of 8 kHz PCM. */
    public Consumer<short[]> fromLine() {
        return samples -> fromLine.write(samples, samples.length);
    }

    /** What the far end says, decoded, for the line to play. */
    public LiveAudio toLine() {
        return toLine;
    }

    /** Sends a key press as RFC 4733 telephone-events (when negotiated). */
    public synchronized void sendDtmf(DtmfDigit digit, int pressMs) {
        if (config.eventPayloadType() < 0) {
            throw new IllegalStateException("no telephone-event payload type was negotiated");
        }
        long now = elapsedMillis();
        for (EventPacket packet : eventSender.press(digit, timestamp, pressMs)) {
            dueEvents.add(new EventPacket(now + packet.atMs(), packet.timestamp(), packet.marker(), packet.event()));
        }
    }

    /** Sends a hook flash as an RFC 4733 event (when negotiated). */
    public synchronized void sendFlash(int flashMs) {
        if (config.eventPayloadType() < 0) {
            throw new IllegalStateException("no telephone-event payload type was negotiated");
        }
        long now = elapsedMillis();
        for (EventPacket packet : eventSender.flash(timestamp, flashMs)) {
            dueEvents.add(new EventPacket(now + packet.atMs(), packet.timestamp(), packet.marker(), packet.event()));
        }
    }

    /**
     * Whether packets go out: off while the far end holds the call (it answered that it receives
     * nothing); the stream keeps its clock, so the timestamps go on where they would have been.
     */
    public void sending(boolean send) {
        sending = send;
    }

    /** Sends {@code source} to the far end in place of the line's audio, until {@link #stopSpeaking}. */
    public void speak(AudioSource source) {
        speaking = Objects.requireNonNull(source);
    }

    /** Sends the line's audio again. */
    public void stopSpeaking() {
        speaking = null;
    }

    /** Sends a key as its tone in the audio (the in-audio method), in place of the line's audio. */
    public void sendKeyTone(DtmfDigit digit, int pressMs) {
        sentKey.press(digit, pressMs);
    }

    /** Plays a key the far end pressed toward the line (a key relayed by SIP INFO). */
    public void playKey(DtmfDigit digit, int pressMs) {
        heardKey.press(digit, pressMs);
    }

    /**
     * Hears each key the far end presses, once per press: a telephone-event, which is also played
     * toward the line as its tone, or, when {@link #detectKeysInAudio} is on, a tone in its audio.
     */
    public void onDtmf(Consumer<DtmfDigit> listener) {
        dtmfListener = Objects.requireNonNull(listener);
    }

    /**
     * Whether the far end's telephone-events play toward the line as tones (a phone hears them); a
     * gateway that dials the keys into its line itself turns this off.
     */
    public void playHeardKeys(boolean play) {
        playHeardKeys = play;
    }

    /** Whether to look for key tones in the far end's audio too (a gateway collecting digits needs it). */
    public void detectKeysInAudio(boolean detect) {
        keysInAudio = detect ? new DtmfDetector(this::heardInAudio) : null;
    }

    /** Whether any packet of the far end's has arrived yet (early media that sounds, not just an answer). */
    public boolean farEndHeard() {
        return farEndHeard;
    }

    public JitterStatistics jitterStatistics() {
        synchronized (jitter) {
            return jitter.statistics();
        }
    }

    public RtpSession.Statistics rtpStatistics() {
        return session.statistics();
    }

    @Override
    public void close() {
        if (ticking != null) {
            ticking.cancel();
        }
    }

    private synchronized void tick() {
        fromLine.read(frame);
        AudioSource instead = speaking;
        if (instead != null) {
            instead.read(frame);
        }
        sentKey.overlay(frame, frame.length);
        sendAudio();
        sendDueEvents();
        playOut();
    }

    private void sendAudio() {
        int take = Math.min(frame.length, packetAudio.length - filled);
        System.arraycopy(frame, 0, packetAudio, filled, take);
        filled += take;
        if (filled < packetAudio.length) {
            return;
        }
        if (!sending) {
            timestamp += (long) packetAudio.length * ticksPerSample;
            filled = 0;
            talkSpurtStart = true;
            return;
        }
        SilenceSuppressor.Decision decision = silence == null || !dueEvents.isEmpty() ? SilenceSuppressor.Decision.VOICE
                : silence.decide(packetAudio, elapsedMillis());
        switch (decision) {
            // A suppressed packet is not encoded, so the encoder's state stays where the far end's decoder is.
            case VOICE -> {
                int length = encoder.encode(packetAudio, 0, packetAudio.length, encoded, 0);
                if (dueEvents.isEmpty()) {
                    session.send(config.payloadType(), talkSpurtStart, timestamp, encoded, 0, length);
                    talkSpurtStart = false;
                }
            }
            case DESCRIBE_SILENCE -> {
                encoded[0] = (byte) silence.level();
                session.send(config.comfortNoiseType(), false, timestamp, encoded, 0, 1);
                talkSpurtStart = true;
            }
            case SILENT -> talkSpurtStart = true;
        }
        timestamp += (long) packetAudio.length * ticksPerSample;
        filled = 0;
    }

    // While a key's events go out, they take the place of the audio packets (RFC 4733 section 2.6).
    private void sendDueEvents() {
        long now = elapsedMillis();
        while (!dueEvents.isEmpty() && dueEvents.peek().atMs() <= now) {
            EventPacket packet = dueEvents.poll();
            byte[] payload = packet.event().encode();
            session.send(config.eventPayloadType(), packet.marker(), packet.timestamp(), payload, 0, payload.length);
            if (dueEvents.isEmpty()) {
                talkSpurtStart = true;
            }
        }
    }

    private void playOut() {
        List<Playout> playouts;
        synchronized (jitter) {
            playouts = jitter.tick(elapsedMillis());
        }
        for (Playout playout : playouts) {
            int samples;
            if (playout instanceof Playout.Decode decode) {
                samples = decoder.decode(decode.payload(), 0, decode.payload().length, decoded, 0);
            } else if (farEndSilent) {
                synchronized (noise) {
                    samples = noise.conceal(decoded, 0, Math.min(playout.samples(), decoded.length));
                }
            } else if (playout instanceof Playout.Conceal conceal) {
                samples = decoder.conceal(decoded, 0, Math.min(conceal.samples(), decoded.length));
            } else {
                samples = Math.min(playout.samples(), decoded.length);
                java.util.Arrays.fill(decoded, 0, samples, (short) 0);
            }
            DtmfDetector detector = keysInAudio;
            if (detector != null) {
                detector.process(decoded, samples);
            }
            heardKey.overlay(decoded, samples);
            toLine.write(decoded, samples);
        }
        List<TelephoneEventReceiver.Report> timedOut;
        synchronized (eventReceiver) {
            timedOut = eventReceiver.poll(elapsedMillis());
        }
        timedOut.forEach(this::heard);
    }

    // A peer that sends telephone-events may leave the tones in its audio too: the event counts, once.
    private void heardInAudio(DtmfDigit digit) {
        if (elapsedMillis() - lastEventAtMs > EVENT_SHADOW_MS) {
            dtmfListener.accept(digit);
        }
    }

    private void heard(TelephoneEventReceiver.Report report) {
        lastEventAtMs = elapsedMillis();
        if (report instanceof TelephoneEventReceiver.Began began) {
            TelephoneEvent.digitOf(began.event()).ifPresent(digit -> {
                if (playHeardKeys) {
                    heardKey.press(digit);
                }
                dtmfListener.accept(digit);
            });
        } else {
            heardKey.release();
        }
    }

    private void received(RtpPacket packet) {
        farEndHeard = true;
        long now = elapsedMillis();
        if (packet.payloadType() == config.payloadType()) {
            int samples = samplesIn(packet.payloadLength());
            MediaPacket media = new MediaPacket(packet.ssrc(), packet.sequence(), packet.timestamp() / ticksPerSample,
                    packet.marker(), packet.payload(), samples);
            synchronized (jitter) {
                jitter.receive(media, now);
            }
            farEndSilent = false;
        } else if (packet.payloadType() == config.comfortNoiseType() && config.vad()) {
            synchronized (noise) {
                noise.decode(packet.buffer(), packet.payloadOffset(), packet.payloadLength(), noiseScratch, 0);
            }
            farEndSilent = true;
        } else if (packet.payloadType() == config.eventPayloadType() && config.eventPayloadType() >= 0) {
            TelephoneEvent event;
            try {
                event = TelephoneEvent.decode(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
            } catch (IllegalArgumentException malformed) {
                return;
            }
            List<TelephoneEventReceiver.Report> reports;
            synchronized (eventReceiver) {
                reports = eventReceiver.receive(packet.timestamp(), packet.marker(), event, now);
            }
            reports.forEach(this::heard);
        }
    }

    // G.711 carries one byte a sample; the other codecs' packets hold the negotiated packet time.
    private int samplesIn(int payloadLength) {
        String name = config.codec().encodingName();
        return name.equalsIgnoreCase("PCMU") || name.equalsIgnoreCase("PCMA") ? payloadLength : packetAudio.length;
    }

    private long elapsedMillis() {
        return System.currentTimeMillis() - startMillis;
    }
}
