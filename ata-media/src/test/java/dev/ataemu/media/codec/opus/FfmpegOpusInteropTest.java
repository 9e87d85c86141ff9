package dev.ataemu.media.codec.opus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.codec.Fidelity;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our Opus against libopus, through ffmpeg (Debian's {@code ffmpeg}, which CI installs): our packets
 * in an Ogg Opus file decoded by libopus, and libopus's packets decoded by us. ffmpeg resamples its
 * 48 kHz output to the line's 8 kHz, which adds a little delay and error of its own.
 */
class FfmpegOpusInteropTest {

    private static final int SAMPLES = 3 * Audio.SAMPLE_RATE;

    @TempDir
    Path dir;

    @Test
    @DisplayName("MEDIA-02 libopus, and ffmpeg's own Opus decoder, decode our Opus packets")
    void ffmpegDecodesOurs() throws Exception {
        short[] source = Voice.speech(5, -16, SAMPLES);
        int preSkip = new Opus().newEncoder().lookahead() * Opus.TIMESTAMP_TICKS_PER_SAMPLE;
        Path ogg = dir.resolve("ours.opus");
        Files.write(ogg, OggOpus.write(OpusLoop.encode(source), preSkip));

        Fidelity libopus = Fidelity.of(source, ffmpegDecode(ogg, "libopus"), 200, 800);
        Fidelity ffmpegOwn = Fidelity.of(source, ffmpegDecode(ogg, "opus"), 200, 800);
        System.out.println("ours -> libopus: " + libopus + "; ours -> ffmpeg opus: " + ffmpegOwn);

        // The pre-skip in the header takes the encoder's look-ahead out: no whole-sample delay is left.
        assertThat(libopus.delay()).isLessThanOrEqualTo(2);
        assertThat(ffmpegOwn.delay()).isLessThanOrEqualTo(2);
        // libopus decodes at 48 kHz and ffmpeg resamples to 8 kHz; the fraction of a sample of delay
        // that leaves costs waveform SNR at the top of the band, hence the lower bar.
        assertThat(libopus.snrDb()).isGreaterThan(5);
        assertThat(libopus.correlation()).isGreaterThan(0.88);
        assertThat(ffmpegOwn.snrDb()).isGreaterThan(8);
        assertThat(ffmpegOwn.correlation()).isGreaterThan(0.93);
    }

    @Test
    @DisplayName("MEDIA-02 we decode libopus's (ffmpeg's) Opus packets")
    void weDecodeLibopus() throws Exception {
        short[] source = Voice.speech(6, -16, SAMPLES);
        Path raw = dir.resolve("source.raw");
        writePcm(raw, source);
        Path ogg = dir.resolve("theirs.opus");

        ffmpeg("-f", "s16le", "-ar", "8000", "-ac", "1", "-i", raw.toString(),
                "-c:a", "libopus", "-b:a", "20k", "-application", "voip", "-frame_duration", "20", ogg.toString());

        OggOpus.Stream stream = OggOpus.read(Files.readAllBytes(ogg));
        short[] decoded = OpusLoop.decode(stream.packets());
        int preSkip = stream.preSkip48k() / Opus.TIMESTAMP_TICKS_PER_SAMPLE;
        short[] trimmed = Arrays.copyOfRange(decoded, preSkip, decoded.length);
        Fidelity fidelity = Fidelity.of(source, trimmed, 200, 800);
        System.out.println("libopus -> ours: " + fidelity + ", pre-skip " + preSkip + " samples, "
                + stream.packets().size() + " packets");
        assertThat(stream.packets()).hasSizeGreaterThanOrEqualTo(SAMPLES / Audio.FRAME_SAMPLES);
        assertThat(fidelity.delay()).isLessThan(10);
        assertThat(fidelity.snrDb()).isGreaterThan(7);
        assertThat(fidelity.correlation()).isGreaterThan(0.93);
    }

    private short[] ffmpegDecode(Path ogg, String decoder) throws IOException, InterruptedException {
        Path raw = dir.resolve(decoder + ".raw");
        ffmpeg("-c:a", decoder, "-i", ogg.toString(), "-ar", "8000", "-ac", "1", "-f", "s16le", raw.toString());
        return readPcm(raw);
    }

    private static void ffmpeg(String... arguments) throws IOException, InterruptedException {
        String ffmpeg = onPath("ffmpeg");
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
        assertThat(process.exitValue()).as("ffmpeg exit code; it said: %s", output).isZero();
    }

    /** ffmpeg is a required test tool: without it the test fails, it does not skip. */
    private static String onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(folder, tool);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new AssertionError(tool + " is not on the PATH: install Debian's ffmpeg package (with libopus) to run the Opus interoperability tests");
    }

    private static void writePcm(Path file, short[] pcm) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(pcm);
        Files.write(file, bytes.array());
    }

    private static short[] readPcm(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        short[] pcm = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(pcm);
        return pcm;
    }
}
