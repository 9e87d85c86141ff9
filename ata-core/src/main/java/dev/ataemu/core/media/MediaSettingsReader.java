package dev.ataemu.core.media;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.media.jitter.JitterBufferLength;
import dev.ataemu.media.jitter.JitterBufferType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads a port's media P-values into {@link MediaSettings}; a P-value the model lacks keeps its usual value. */
public final class MediaSettingsReader {

    private MediaSettingsReader() {
    }

    public static MediaSettings read(ParameterStore store, int port) {
        MediaParameters p = MediaParameters.of(port);
        Set<Integer> vocoders = new LinkedHashSet<>();
        for (int choice : p.vocoderChoices()) {
            if (store.catalog().find(choice).isPresent()) {
                vocoders.add(store.getInt(choice));
            }
        }
        boolean random = flag(store, p.randomPort(), false) || flag(store, p.randomRtpPort(), false);
        return new MediaSettings(
                List.copyOf(vocoders),
                number(store, p.framesPerTx(), 2),
                number(store, p.rtpBasePort(), port == 1 ? 5004 : 5012),
                random,
                flag(store, p.symmetricRtp(), false),
                flag(store, p.rtcp(), true),
                number(store, p.dtmfPayloadType(), 101),
                number(store, p.jitterBufferType(), 1) == 0 ? JitterBufferType.FIXED : JitterBufferType.ADAPTIVE,
                JitterBufferLength.values()[Math.min(2, Math.max(0, number(store, p.jitterBufferLength(), 1)))],
                MediaSettings.SrtpMode.values()[Math.min(2, Math.max(0, number(store, p.srtpMode(), 0)))],
                flag(store, p.cryptoLifetime(), true),
                flag(store, p.vad(), false),
                number(store, p.eventsCount(), 8),
                number(store, p.endEventsCount(), 3),
                flag(store, p.continuousEvents(), false),
                number(store, p.ilbcPayloadType(), 97),
                number(store, p.ilbcFrameSize(), 0) == 1 ? 30 : 20,
                number(store, p.opusPayloadType(), 123),
                dtmfMethods(store, p),
                flag(store, p.sendFlashEvent(), false),
                flag(store, p.rfc2543Hold(), false));
    }

    private static List<DtmfMethod> dtmfMethods(ParameterStore store, MediaParameters p) {
        Set<DtmfMethod> methods = new LinkedHashSet<>();
        for (int priority : p.dtmfMethods()) {
            DtmfMethod.ofCode(store.getIntOr(priority, -1)).ifPresent(methods::add);
        }
        if (methods.isEmpty()) {
            methods.add(DtmfMethod.IN_AUDIO);
        }
        return List.copyOf(methods);
    }

    private static int number(ParameterStore store, int number, int fallback) {
        return store.getIntOr(number, fallback);
    }

    private static boolean flag(ParameterStore store, int number, boolean fallback) {
        return store.getIntOr(number, fallback ? 1 : 0) == 1;
    }
}
