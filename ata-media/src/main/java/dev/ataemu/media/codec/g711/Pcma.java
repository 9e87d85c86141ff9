package dev.ataemu.media.codec.g711;

/** G.711 A-law, RTP payload type 8 (RFC 3551). */
public final class Pcma extends G711Codec {

    @Override
    public String encodingName() {
        return "PCMA";
    }

    @Override
    public int staticPayloadType() {
        return 8;
    }

    @Override
    byte compress(int sample) {
        return G711.linearToAlaw(sample);
    }

    @Override
    short expand(byte code) {
        return G711.alawToLinear(code);
    }
}
