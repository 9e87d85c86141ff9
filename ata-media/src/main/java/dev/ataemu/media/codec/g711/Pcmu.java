package dev.ataemu.media.codec.g711;

/** G.711 μ-law, RTP payload type 0 (RFC 3551). */
public final class Pcmu extends G711Codec {

    @Override
    public String encodingName() {
        return "PCMU";
    }

    @Override
    public int staticPayloadType() {
        return 0;
    }

    @Override
    byte compress(int sample) {
        return G711.linearToUlaw(sample);
    }

    @Override
    short expand(byte code) {
        return G711.ulawToLinear(code);
    }
}
