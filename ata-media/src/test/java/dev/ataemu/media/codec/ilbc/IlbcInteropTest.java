package dev.ataemu.media.codec.ilbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.codec.Fidelity;
import dev.ataemu.media.codec.g711.Ffmpeg;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our bit stream against an independent decoder: ffmpeg's native iLBC decoder (a port of the WebRTC
 * fixed-point iLBC) reads the RFC 3952 storage format. ffmpeg has no iLBC encoder, so only this
 * direction can be checked. ffmpeg's decoder has no enhancer, so it is compared with ours without
 * it, sample by sample.
 *
 * <p>ffmpeg (5.1) does not initialise its decoder's previous LSF vector to the RFC's mean LSFs but
 * leaves it zero, so its first frame is interpolated from nonsense and comes out saturated; the
 * synthesis filter carries some of that into the second frame. The comparison starts at the third.
 */
class IlbcInteropTest {

    private static final int SAMPLES = 8000 * 3;

    /** The RFC 3952 storage format: a "#!iLBC20\n" or "#!iLBC30\n" line, then the frames back to back. */
    static byte[] storageFile(IlbcMode mode, byte[] frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("#!iLBC" + mode.frameMs() + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(frames);
        return out.toByteArray();
    }

    @DisplayName("MEDIA-01, MEDIA-02, MEDIA-14: ffmpeg decodes our iLBC frames, in both modes, as our own decoder does")
    @ParameterizedTest
    @EnumSource(IlbcMode.class)
    void ffmpegDecodesOurStream(IlbcMode mode) {
        short[] source = IlbcSignals.speechLike(SAMPLES);
        Ilbc plain = new Ilbc(mode, false);
        byte[] frames = IlbcSignals.encode(plain, source);
        short[] ours = IlbcSignals.decode(plain, frames, mode.bytes());
        short[] theirs = Ffmpeg.fromS16le(Ffmpeg.convert(storageFile(mode, frames), List.of("-f", "ilbc"),
                List.of("-f", "s16le", "-ar", "8000", "-ac", "1")));
        int skip = 2 * mode.samples();

        Fidelity theirsVsOurs = Fidelity.of(ours, theirs, 0, skip);
        Fidelity theirsVsSource = Fidelity.of(source, theirs, 0, skip);
        Fidelity oursVsSource = Fidelity.of(source, ours, 0, skip);
        System.out.printf("iLBC %d ms: ffmpeg vs our decoder: %s; ffmpeg vs source: %s; ours vs source: %s%n",
                mode.frameMs(), theirsVsOurs, theirsVsSource, oursVsSource);

        assertThat(frames).hasSize(SAMPLES / mode.samples() * mode.bytes());
        assertThat(theirs).hasSameSizeAs(source);
        assertThat(theirsVsOurs.correlation()).isGreaterThan(0.999);
        assertThat(theirsVsOurs.snrDb()).isGreaterThan(30);
        assertThat(theirsVsSource.correlation()).isGreaterThan(0.85);
    }
}
