package dev.ataemu.testing.peers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link Baresip} phone is: its user, whether it registers (to {@code host:port} with a
 * password, the user being the digest user name), how it answers, what it says and which codecs
 * it offers ({@code pcmu}, {@code pcma}, {@code g722}, {@code opus}, ... in order; all loaded ones
 * when empty).
 */
public record BaresipOptions(String user, String registrar, String password, String answerMode,
        Path audioSource, List<String> codecs, Duration startTimeout, String mediaEncryption) {

    public BaresipOptions {
        codecs = List.copyOf(codecs);
    }

    /** A phone that does not register and answers every call by itself. */
    public static BaresipOptions of(String user) {
        return new BaresipOptions(user, null, null, "auto", null, List.of(), Duration.ofSeconds(10), null);
    }

    /** Registers to {@code registrar} ({@code host:port}) with digest credentials; calls also go there. */
    public BaresipOptions registeringTo(String registrarHostPort, String digestPassword) {
        return new BaresipOptions(user, registrarHostPort, digestPassword, answerMode, audioSource, codecs, startTimeout, mediaEncryption);
    }

    /** {@code auto}, {@code manual} or {@code early}. */
    public BaresipOptions answerMode(String mode) {
        return new BaresipOptions(user, registrar, password, mode, audioSource, codecs, startTimeout, mediaEncryption);
    }

    /** A WAV file (16-bit mono PCM, 8 or 16 kHz) played into every call; silence when not set. */
    public BaresipOptions audioSource(Path wav) {
        return new BaresipOptions(user, registrar, password, answerMode, wav, codecs, startTimeout, mediaEncryption);
    }

    public BaresipOptions codecs(String... names) {
        return new BaresipOptions(user, registrar, password, answerMode, audioSource, List.of(names), startTimeout, mediaEncryption);
    }

    /** SRTP with SDES keys: {@code srtp} (offered on RTP/AVP) or {@code srtp-mand} (RTP/SAVP, required). */
    public BaresipOptions mediaEncryption(String mode) {
        return new BaresipOptions(user, registrar, password, answerMode, audioSource, codecs, startTimeout, mode);
    }

    public BaresipOptions startTimeout(Duration timeout) {
        return new BaresipOptions(user, registrar, password, answerMode, audioSource, codecs, timeout, mediaEncryption);
    }
}
