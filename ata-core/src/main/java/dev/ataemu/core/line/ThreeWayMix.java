package dev.ataemu.core.line;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.mix.ConferenceMixer;
import dev.ataemu.media.mix.Participant;

/**
 * A Bellcore 3-way conference mixed on the device (CALL-24): the phone and two far ends in the
 * media engine's {@link ConferenceMixer}, each hearing the other two. The port's frame clock drives
 * it: each frame the phone is due, one mix is made; the phone's own voice joins from the frame it
 * sent last, one frame behind.
 */
final class ThreeWayMix implements AudioSource {

    private final ConferenceMixer mixer = new ConferenceMixer();
    private final short[] fromPhone = Audio.newFrame();
    private final Participant phone;
    private final Participant first;
    private final Participant second;
    private final LineAudio.Leg firstLeg;
    private final LineAudio.Leg secondLeg;
    private final short[] toFarEnd = Audio.newFrame();

    ThreeWayMix(LineAudio.Leg firstLeg, LineAudio.Leg secondLeg) {
        this.firstLeg = firstLeg;
        this.secondLeg = secondLeg;
        phone = mixer.join(this::phoneVoice);
        first = mixer.join(firstLeg.heard());
        second = mixer.join(secondLeg.heard());
    }

    /** The phone's next frame: the two far ends; each far end gets the phone and the other far end. */
    @Override
    public synchronized void read(short[] frame) {
        mixer.mix();
        phone.output().read(frame);
        first.output().read(toFarEnd);
        firstLeg.said().accept(toFarEnd.clone());
        second.output().read(toFarEnd);
        secondLeg.said().accept(toFarEnd.clone());
    }

    /** What the phone said, for the next mix. */
    synchronized void fromPhone(short[] frame) {
        System.arraycopy(frame, 0, fromPhone, 0, Math.min(frame.length, fromPhone.length));
    }

    private void phoneVoice(short[] frame) {
        System.arraycopy(fromPhone, 0, frame, 0, frame.length);
    }
}
