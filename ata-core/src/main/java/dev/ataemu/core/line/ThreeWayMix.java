package dev.ataemu.core.line;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;

/**
 * A Bellcore 3-way conference mixed on the device (CALL-24): the phone hears both far ends, and
 * each far end hears the phone and the other. Each far end is read once a frame, when the phone's
 * frame is due; what the far ends hear is built from the phone's next frame, one frame behind.
 */
final class ThreeWayMix implements AudioSource {

    private final LineAudio.Leg first;
    private final LineAudio.Leg second;
    private final short[] fromFirst = new short[Audio.FRAME_SAMPLES];
    private final short[] fromSecond = new short[Audio.FRAME_SAMPLES];

    ThreeWayMix(LineAudio.Leg first, LineAudio.Leg second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public synchronized void read(short[] frame) {
        first.heard().read(fromFirst);
        second.heard().read(fromSecond);
        for (int i = 0; i < frame.length; i++) {
            frame[i] = sum(fromFirst[i], fromSecond[i]);
        }
    }

    /** The phone's frame: to each far end with the other far end's frame added. */
    synchronized void fromPhone(short[] phone) {
        short[] toFirst = new short[phone.length];
        short[] toSecond = new short[phone.length];
        for (int i = 0; i < phone.length; i++) {
            toFirst[i] = sum(phone[i], fromSecond[i]);
            toSecond[i] = sum(phone[i], fromFirst[i]);
        }
        first.said().accept(toFirst);
        second.said().accept(toSecond);
    }

    private static short sum(int a, int b) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, a + b));
    }
}
