package dev.ataemu.media.stream;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.audio.LiveAudio;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.media.rtp.RtpSession;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Two call legs on loopback, each with a simulated analog line: a source feeding the leg's
 * {@code fromLine} and a recorder reading its {@code toLine}, both every 20 ms in real time.
 */
final class LoopbackCall implements AutoCloseable {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final MediaTransport transport = new MediaTransport(1, 1);
    private final ScheduledExecutorService lines = Executors.newScheduledThreadPool(1);
    private final List<AutoCloseable> closing = new ArrayList<>();

    static RtpSession openSession(MediaTransport transport) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
                port = probe.getLocalPort() & ~1;
            }
            try {
                return RtpSession.open(transport, LOOPBACK, port, RtpSession.Settings.DEFAULTS);
            } catch (BindException busy) {
                // Try another pair.
            }
        }
        throw new IllegalStateException("no free RTP port pair");
    }

    RtpSession session() throws Exception {
        RtpSession session = openSession(transport);
        closing.add(session);
        return session;
    }

    /** Two sessions sending to each other. */
    RtpSession[] connectedPair() throws Exception {
        RtpSession a = session();
        RtpSession b = session();
        connect(a, b.localPort());
        connect(b, a.localPort());
        return new RtpSession[] {a, b};
    }

    static void connect(RtpSession from, int toPort) {
        from.remote(new InetSocketAddress(LOOPBACK, toPort), new InetSocketAddress(LOOPBACK, toPort + 1));
    }

    /**
     * Feeds the leg from the source and records what the leg plays toward its line. The line's clock
     * and the stream's pacer are two real-time schedules: the source keeps two frames ahead and the
     * recorder takes only what the stream has played, so a late tick of either is not heard as a gap.
     */
    List<short[]> line(MediaStream stream, AudioSource mouth) {
        List<short[]> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        LiveAudio ear = stream.toLine();
        for (int ahead = 0; ahead < 2; ahead++) {
            speak(stream, mouth);
        }
        lines.scheduleAtFixedRate(() -> {
            speak(stream, mouth);
            while (ear.available() >= Audio.FRAME_SAMPLES) {
                short[] hear = Audio.newFrame();
                ear.read(hear);
                heard.add(hear);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        closing.add(stream);
        return heard;
    }

    private static void speak(MediaStream stream, AudioSource mouth) {
        short[] say = Audio.newFrame();
        mouth.read(say);
        stream.fromLine().accept(say);
    }

    static short[] join(List<short[]> frames, int from, int to) {
        short[] all = new short[(to - from) * Audio.FRAME_SAMPLES];
        synchronized (frames) {
            for (int i = from; i < to; i++) {
                System.arraycopy(frames.get(i), 0, all, (i - from) * Audio.FRAME_SAMPLES, Audio.FRAME_SAMPLES);
            }
        }
        return all;
    }

    @Override
    public void close() throws Exception {
        lines.shutdownNow();
        lines.awaitTermination(2, TimeUnit.SECONDS);
        for (AutoCloseable c : closing) {
            c.close();
        }
        transport.close();
    }
}
