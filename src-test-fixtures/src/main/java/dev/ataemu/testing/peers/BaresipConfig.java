package dev.ataemu.testing.peers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** The text of a baresip 1.0 {@code config} and {@code accounts} file for {@link Baresip}. */
final class BaresipConfig {

    private static final List<String> CODEC_MODULES = List.of("g711", "g722", "g726", "opus");
    private static final List<String> REQUIRED_MODULES = List.of("g711", "aufile", "aubridge", "sndfile", "menu", "ctrl_tcp", "account");

    private BaresipConfig() {
    }

    static String config(int sipPort, int controlPort, Path source, Path soundDirectory) {
        REQUIRED_MODULES.forEach(m -> PeerBinary.requireFile(Baresip.MODULES.resolve(m + ".so"), Baresip.PACKAGE));
        StringBuilder c = new StringBuilder();
        line(c, "poll_method", "epoll");
        line(c, "sip_listen", Baresip.HOST + ":" + sipPort);
        // An address, not "lo": baresip 1.0 cannot read the loopback interface's address by name.
        line(c, "net_interface", Baresip.HOST);
        line(c, "call_local_timeout", "120");
        line(c, "call_max_calls", "4");
        line(c, "audio_source", "aufile," + source);
        // Player and ringer go to a bridge device that has no source: nothing is played, but the
        // decoder still runs, and the sndfile filter with it.
        line(c, "audio_player", "aubridge,nowhere");
        line(c, "audio_alert", "aubridge,nowhere");
        line(c, "audio_buffer", "20-160");
        line(c, "jitter_buffer_delay", "5-10");
        line(c, "rtp_stats", "no");
        line(c, "module_path", Baresip.MODULES.toString());
        for (String codec : Baresip.availableModules(CODEC_MODULES)) {
            line(c, "module", codec + ".so");
        }
        line(c, "module", "aufile.so");
        line(c, "module", "aubridge.so");
        line(c, "module", "srtp.so");
        line(c, "module", "sndfile.so");
        line(c, "module_tmp", "account.so");
        // menu provides the long commands (dial, hangup, accept) that ctrl_tcp forwards.
        line(c, "module_app", "menu.so");
        line(c, "module_app", "ctrl_tcp.so");
        line(c, "ctrl_tcp_listen", Baresip.HOST + ":" + controlPort);
        line(c, "snd_path", soundDirectory.toAbsolutePath().toString());
        return c.toString();
    }

    static String account(BaresipOptions o, int sipPort) {
        StringBuilder a = new StringBuilder();
        if (o.registrar() != null) {
            a.append("<sip:").append(o.user()).append('@').append(o.registrar()).append(">;auth_pass=")
                    .append(o.password()).append(";regint=600");
        } else {
            a.append("<sip:").append(o.user()).append('@').append(Baresip.HOST).append(':').append(sipPort)
                    .append(">;regint=0");
        }
        a.append(";answermode=").append(o.answerMode());
        if (!o.codecs().isEmpty()) {
            a.append(";audio_codecs=").append(String.join(",", o.codecs()));
        }
        if (o.mediaEncryption() != null) {
            a.append(";mediaenc=").append(o.mediaEncryption());
        }
        return a.toString();
    }

    /** 30 s of 8 kHz silence: the source when the test gives none. */
    static Path writeSilence(Path file) throws IOException {
        int rate = 8000;
        byte[] pcm = new byte[rate * 2 * 30];
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file.toAbsolutePath();
    }

    private static void line(StringBuilder c, String key, String value) {
        c.append(key).append('\t').append(value).append('\n');
    }
}
