package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.dsp.Goertzel;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import dev.ataemu.testing.peers.Baresip;
import dev.ataemu.testing.peers.BaresipOptions;
import dev.ataemu.testing.peers.ToneWav;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** baresip (Debian package) calls the device; the audio is measured at both ends. */
class BaresipCallTest {

    @TempDir
    Path work;

    /** What was measured at both ends of a call. */
    private record Heard(double earpieceThousand, double recordedFiveHundred, double recordedThousand, LineState after) {
    }

    @Test
    @DisplayName("CALL-06 MEDIA-01 a call from baresip: its 1 kHz reaches the earpiece, the handset's 500 Hz reaches baresip")
    void audioBothWays() throws Exception {
        Heard heard = call(BaresipOptions.of("carol").codecs("pcmu"), Map.of());
        assertThat(heard.earpieceThousand()).as("baresip's 1 kHz in the earpiece").isGreaterThan(-30);
        assertThat(heard.recordedFiveHundred()).as("the handset's 500 Hz reached baresip")
                .isGreaterThan(heard.recordedThousand() + 20);
        assertThat(heard.after()).isEqualTo(LineState.OFF_HOOK_IDLE);
    }

    @Test
    @DisplayName("MEDIA-24 SRTP with baresip (RTP/SAVP, SDES keys): audio both ways, encrypted")
    void srtpWithBaresip() throws Exception {
        Heard heard = call(BaresipOptions.of("carol").codecs("pcmu").mediaEncryption("srtp-mand"), Map.of("P183", "2"));
        assertThat(heard.earpieceThousand()).as("baresip's 1 kHz, decrypted, in the earpiece").isGreaterThan(-30);
        assertThat(heard.recordedFiveHundred()).as("the handset's 500 Hz, decrypted by baresip")
                .isGreaterThan(heard.recordedThousand() + 20);
    }

    @Test
    @DisplayName("CALL-01 MEDIA-01 the handset calls baresip: baresip's 1 kHz reaches the earpiece, the handset's 500 Hz reaches baresip")
    void callToBaresip() throws Exception {
        Path tone = ToneWav.write(work.resolve("tone.wav"), 8000, 1000, 10);
        try (Baresip baresip = Baresip.start(work.resolve("baresip"), BaresipOptions.of("2002").codecs("pcmu").audioSource(tone));
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                     Map.of("P47", "127.0.0.1:" + baresip.sipPort(), "P31", "0"))) {
            VirtualHandset handset = calling.dial("2002#");
            baresip.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            // Spoken once connected: a tone under the keys would hide them from the DTMF detector.
            handset.speak(new ToneGenerator(ToneSpec.parse("f1=500@-10,c=0/0;")));
            Thread.sleep(3000);
            short[] earpiece = handset.earpiece().last(1000);
            double thousand = Goertzel.levelDbm0(earpiece, 0, earpiece.length, 1000);
            handset.onHook();
            baresip.awaitEvent("CALL_CLOSED", Duration.ofSeconds(5));
            double fiveHundred = recordedLevel(baresip.recordedAudio(), 500);
            double thousandBack = recordedLevel(baresip.recordedAudio(), 1000);
            System.out.printf("to baresip: earpiece 1 kHz at %.1f dBm0; baresip heard 500 Hz at %.1f dBFS, 1 kHz at %.1f dBFS%n",
                    thousand, fiveHundred, thousandBack);

            assertThat(thousand).as("baresip's 1 kHz in the earpiece").isGreaterThan(-30);
            assertThat(fiveHundred).as("the handset's 500 Hz reached baresip").isGreaterThan(thousandBack + 20);
        }
    }

    private Heard call(BaresipOptions options, Map<String, String> extra) throws Exception {
        Path tone = ToneWav.write(work.resolve("tone.wav"), 8000, 1000, 10);
        Map<String, String> settings = new java.util.HashMap<>(Map.of("P401", "0", "P249", "0"));
        settings.putAll(extra);
        try (Baresip baresip = Baresip.start(work.resolve("baresip"), options.audioSource(tone));
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, settings)) {
            Device device = calling.device;
            int sipPort = calling.sipPort;
            VirtualHandset handset = calling.handset();
            handset.speak(new ToneGenerator(ToneSpec.parse("f1=500@-10,c=0/0;")));

            baresip.dial("sip:1001@127.0.0.1:" + sipPort);
            CallingDevice.await(handset::ringing);
            assertThat(handset.ringing()).as(() -> baresip.logTail(30)).isTrue();
            handset.offHook();
            baresip.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            Thread.sleep(3000);

            short[] earpiece = handset.earpiece().last(1000);
            double thousand = Goertzel.levelDbm0(earpiece, 0, earpiece.length, 1000);
            baresip.hangup();
            Thread.sleep(1000);
            LineState after = device.fxsLine(1).state();
            double fiveHundred = recordedLevel(baresip.recordedAudio(), 500);
            double thousandBack = recordedLevel(baresip.recordedAudio(), 1000);
            System.out.printf("%s: earpiece 1 kHz at %.1f dBm0; baresip heard 500 Hz at %.1f dBFS, 1 kHz at %.1f dBFS%n",
                    options.mediaEncryption() == null ? "RTP" : "SRTP " + options.mediaEncryption(), thousand,
                    fiveHundred, thousandBack);
            handset.onHook();
            return new Heard(thousand, fiveHundred, thousandBack, after);
        }
    }

    /** The level of one frequency in the last second of a WAV recording, in dB of full scale. */
    private static double recordedLevel(Path wav, double hertz) throws Exception {
        assertThat(Files.exists(wav)).as("baresip wrote " + wav).isTrue();
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            byte[] bytes = in.readAllBytes();
            int channels = format.getChannels();
            int frames = bytes.length / (2 * channels);
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int rate = (int) format.getSampleRate();
            int count = Math.min(frames, rate);
            int start = Math.max(0, frames - count - rate / 2);
            double re = 0;
            double im = 0;
            for (int i = 0; i < count; i++) {
                double sample = buffer.getShort((start + i) * 2 * channels) / 32768.0;
                re += sample * Math.cos(2 * Math.PI * hertz * i / rate);
                im += sample * Math.sin(2 * Math.PI * hertz * i / rate);
            }
            double amplitude = 2 * Math.hypot(re, im) / count;
            return 20 * Math.log10(Math.max(amplitude, 1e-9));
        }
    }
}
