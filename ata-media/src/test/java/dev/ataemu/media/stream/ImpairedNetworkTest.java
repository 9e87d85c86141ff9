package dev.ataemu.media.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.codec.g711.Pcmu;
import dev.ataemu.media.dsp.Goertzel;
import dev.ataemu.media.jitter.JitterStatistics;
import dev.ataemu.media.rtp.RtpSession;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A call through a relay that loses 5 % of the packets and delays the rest by up to 40 ms. */
class ImpairedNetworkTest {

    @Test
    @DisplayName("MEDIA-17 MEDIA-21 under 5 % loss and 40 ms jitter the adaptive buffer delivers continuous audio")
    void continuousAudioUnderLossAndJitter() throws Exception {
        try (LoopbackCall call = new LoopbackCall()) {
            RtpSession a = call.session();
            RtpSession b = call.session();
            try (ImpairingProxy proxy = new ImpairingProxy(
                    new InetSocketAddress(LoopbackCall.LOOPBACK, b.localPort()), 0.05, 40, 7)) {
                LoopbackCall.connect(a, proxy.port());
                LoopbackCall.connect(b, a.localPort());
                MediaStream alice = new MediaStream(a, MediaStream.Config.of(new Pcmu(), 0, 20, 101));
                MediaStream bob = new MediaStream(b, MediaStream.Config.of(new Pcmu(), 0, 20, 101));
                alice.start(call.transport.pacer());
                bob.start(call.transport.pacer());
                call.line(alice, new ToneGenerator(ToneSpec.parse("f1=400@-15,c=0/0;")));
                List<short[]> heard = call.line(bob, AudioSource.SILENCE);

                Thread.sleep(8000);

                int frames = heard.size();
                int from = 100;
                int silent = 0;
                int run = 0;
                int longestSilence = 0;
                for (int i = from; i < frames - 5; i++) {
                    short[] frame = heard.get(i);
                    boolean quiet = Goertzel.levelDbm0(frame, 0, frame.length, 400) < -35;
                    silent += quiet ? 1 : 0;
                    run = quiet ? run + 1 : 0;
                    longestSilence = Math.max(longestSilence, run);
                }
                JitterStatistics stats = bob.jitterStatistics();
                int measured = frames - 5 - from;
                System.out.printf("impaired call: proxy dropped %d, forwarded %d; %d of %d frames silent, longest "
                        + "silence %d frames; buffer: lost %d, late %d, concealed %d, delay %d ms (target %d ms), "
                        + "jitter %.1f ms%n", proxy.dropped.get(), proxy.forwarded.get(), silent, measured,
                        longestSilence, stats.lost(), stats.late(), stats.concealedFrames(), stats.currentDelayMs(),
                        stats.targetDelayMs(), stats.jitterMs());
                assertThat(proxy.dropped.get()).isPositive();
                assertThat(silent).as("silent frames").isLessThanOrEqualTo(measured / 50);
                assertThat(longestSilence).isLessThanOrEqualTo(2);
                assertThat(stats.concealedFrames()).isPositive();
            }
        }
    }
}
