package dev.ataemu.media.fax;

import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.rtp.RtpSession;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A call's fax relay once T.38 has been agreed: UDPTL on the call's media port in place of RTP.
 * The fax signals the line's fax sends are announced to the far end as T.38 indicators (CNG, CED),
 * and the indicators the far end sends are played toward the line as their tones, as a gateway
 * regenerates them for its own fax. Each packet repeats the {@link #REDUNDANCY} before it.
 *
 * <p>The page data itself (V.21 control and V.27ter/V.29/V.17 image signals) is not demodulated or
 * modulated: data packets from the far end are counted, and the line hears silence meanwhile.
 */
public final class T38Gateway implements AutoCloseable {

    static final int REDUNDANCY = 2;
    private static final ToneSpec CNG_TONE = ToneSpec.parse("f1=1100@-10,c=500/3000;");
    private static final ToneSpec CED_TONE = ToneSpec.parse("f1=2100@-10,c=0/0;");

    private final RtpSession port;
    private final FaxToneDetector lineTones = new FaxToneDetector(this::heardOnLine);
    private final Deque<byte[]> sent = new ArrayDeque<>();
    private final List<Ifp.Indicator> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong dataPackets = new AtomicLong();
    private final AtomicLong badPackets = new AtomicLong();
    private volatile AudioSource toLine = AudioSource.SILENCE;
    private int sequence;
    private int lastReceived = -1;

    public T38Gateway(RtpSession port) {
        this.port = port;
    }

    /** Takes over the port: from now on it carries UDPTL. */
    public void start() {
        port.carryRaw(this::receivedDatagram);
    }

    /** What the line hears: the tone of the far end's last indicator, or silence. */
    public AudioSource toLine() {
        return frame -> toLine.read(frame);
    }

    /** What the line's fax sends: listened to for its tones. */
    public void fromLine(short[] frame) {
        synchronized (lineTones) {
            lineTones.process(frame, frame.length);
        }
    }

    /** Sends an indicator now. */
    public synchronized void send(Ifp.Indicator indicator) {
        byte[] ifp = Ifp.indicator(indicator);
        byte[] datagram = Udptl.encode(new Udptl.Packet(sequence, ifp, new ArrayList<>(sent)));
        sequence = (sequence + 1) & 0xffff;
        sent.addFirst(ifp);
        while (sent.size() > REDUNDANCY) {
            sent.removeLast();
        }
        port.sendRaw(datagram);
    }

    /** The indicators the far end has sent, in order, each once even when repeated for redundancy. */
    public List<Ifp.Indicator> indicatorsReceived() {
        return List.copyOf(received);
    }

    public long dataPacketsReceived() {
        return dataPackets.get();
    }

    public long unreadablePackets() {
        return badPackets.get();
    }

    @Override
    public void close() {
        toLine = AudioSource.SILENCE;
    }

    private void heardOnLine(FaxToneDetector.Tone tone) {
        send(tone == FaxToneDetector.Tone.CNG ? Ifp.Indicator.CNG : Ifp.Indicator.CED);
    }

    private void receivedDatagram(byte[] datagram) {
        Optional<Udptl.Packet> packet = Udptl.decode(datagram, datagram.length);
        if (packet.isEmpty()) {
            badPackets.incrementAndGet();
            return;
        }
        synchronized (received) {
            int sequence = packet.get().sequence();
            int ahead = (sequence - lastReceived) & 0xffff;
            if (lastReceived >= 0 && (ahead == 0 || ahead > 0x8000)) {
                return; // an old or repeated datagram: its packets were taken already
            }
            int missed = lastReceived < 0 ? 0 : Math.min(ahead - 1, REDUNDANCY);
            List<byte[]> earlier = packet.get().secondary();
            for (int i = Math.min(missed, earlier.size()) - 1; i >= 0; i--) {
                take(earlier.get(i));
            }
            take(packet.get().primary());
            lastReceived = sequence;
        }
    }

    private void take(byte[] ifp) {
        Ifp.Kind kind = Ifp.kind(ifp, 0, ifp.length);
        if (kind.data().isPresent()) {
            dataPackets.incrementAndGet();
            toLine = AudioSource.SILENCE;
            return;
        }
        kind.indicator().ifPresent(indicator -> {
            received.add(indicator);
            toLine = switch (indicator) {
                case CNG -> new ToneGenerator(CNG_TONE);
                case CED -> new ToneGenerator(CED_TONE);
                default -> AudioSource.SILENCE;
            };
        });
    }
}
