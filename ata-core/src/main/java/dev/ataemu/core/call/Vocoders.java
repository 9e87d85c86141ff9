package dev.ataemu.core.call;

import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.media.codec.g711.Pcma;
import dev.ataemu.media.codec.g711.Pcmu;
import dev.ataemu.media.codec.g722.G722;
import dev.ataemu.media.codec.g726.G726;
import dev.ataemu.media.codec.g726.G726Packing;
import dev.ataemu.media.codec.g726.G726Rate;
import dev.ataemu.media.codec.ilbc.Ilbc;
import dev.ataemu.media.codec.opus.Opus;
import dev.ataemu.media.codec.cn.ComfortNoise;
import dev.ataemu.sip.sdp.MediaPreferences;
import dev.ataemu.sip.sdp.PayloadFormat;
import dev.ataemu.sip.sdp.SrtpMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Preferred Vocoder" codes of the P-values (0 PCMU, 8 PCMA, 9 G.722, 2 G.726-32, 97/98 iLBC,
 * 123 Opus, ...) as payload formats for the SDP. G.723.1 (4) and G.729 (18) are not spoken yet and
 * are left out of offers and answers.
 */
final class Vocoders {

    // RFC 3551's historical static type for G.726-32; peers that want it dynamic offer it by name.
    private static final int G726_32_TYPE = 2;

    private Vocoders() {
    }

    static MediaPreferences preferences(MediaSettings settings) {
        List<PayloadFormat> formats = new ArrayList<>();
        for (int code : settings.vocoders()) {
            switch (code) {
                case 0 -> formats.add(PayloadFormat.of(new Pcmu()));
                case 8 -> formats.add(PayloadFormat.of(new Pcma()));
                case 9 -> formats.add(PayloadFormat.of(new G722()));
                case 2 -> formats.add(new PayloadFormat(G726_32_TYPE, new G726(G726Rate.KBIT_32, G726Packing.RFC3551)));
                case 97, 98 -> formats.add(new PayloadFormat(settings.ilbcPayloadType(),
                        new Ilbc(settings.ilbcFrameMs() == 30 ? dev.ataemu.media.codec.ilbc.IlbcMode.MS_30
                                : dev.ataemu.media.codec.ilbc.IlbcMode.MS_20)));
                case 123 -> formats.add(new PayloadFormat(settings.opusPayloadType(), new Opus()));
                default -> { }
            }
        }
        if (formats.isEmpty()) {
            formats.add(PayloadFormat.of(new Pcmu()));
        }
        if (settings.vad()) {
            formats.add(PayloadFormat.of(new ComfortNoise()));
        }
        SrtpMode srtp = SrtpMode.values()[settings.srtp().ordinal()];
        return MediaPreferences.of(formats)
                .withTelephoneEvents(settings.dtmfPayloadType(), false)
                .withPtime(settings.packetMs())
                .withSrtp(srtp, settings.cryptoLifetime());
    }
}
