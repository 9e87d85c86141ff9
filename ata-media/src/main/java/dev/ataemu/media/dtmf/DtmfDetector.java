package dev.ataemu.media.dtmf;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Finds key presses in line audio by the North American limits of ITU-T Q.24: each press is reported
 * once, as soon as it has been steady long enough, and not again until its tone has stopped.
 *
 * <p>Every {@link #HOP} samples (5 ms) the last 20 ms are classified ({@link DtmfClassifier}). A press
 * counts once {@link #CONFIRM_HOPS} classifications in a row agree; a tone's edges only pass while it
 * fills most of the stretch, so this takes a tone of about 30 ms: 40 ms tones are always taken, 24 ms
 * ones never. A press ends after {@link #RELEASE_HOPS} classifications without it: a pause of 28 ms
 * or more always ends it, while a drop-out of up to 16 ms (Q.24: 10 ms) does not make a second press.
 */
public final class DtmfDetector {

    static final int HOP = 40;
    static final int CONFIRM_HOPS = 4;
    static final int RELEASE_HOPS = 7;

    private final Consumer<DtmfDigit> onDigit;
    private final DtmfClassifier classifier = new DtmfClassifier();
    private final short[] span = new short[DtmfClassifier.SPAN];
    private int fill;
    private DtmfDigit candidate;
    private int agreeing;
    private DtmfDigit pressed;
    private int missing;
    private boolean keyInLastFeed;

    public DtmfDetector(Consumer<DtmfDigit> onDigit) {
        this.onDigit = Objects.requireNonNull(onDigit, "onDigit");
    }

    /** Feeds the next audio, normally one 20 ms frame; any length works. */
    public void process(short[] frame) {
        process(frame, frame.length);
    }

    /** Feeds {@code samples[0 .. count)}. */
    public void process(short[] samples, int count) {
        keyInLastFeed = pressed != null;
        for (int i = 0; i < count; i++) {
            span[fill++] = samples[i];
            if (fill == span.length) {
                decide(classifier.classify(span));
                System.arraycopy(span, HOP, span, 0, span.length - HOP);
                fill -= HOP;
            }
        }
    }

    /**
     * Whether the last feed held any of a key's tone: a press going on, or a tone not yet long
     * enough to count. A line that relays keys out of band silences such audio.
     */
    public boolean keyInLastFeed() {
        return keyInLastFeed;
    }

    /** Forgets the audio so far, as at the start of a new call. */
    public void reset() {
        fill = 0;
        candidate = null;
        agreeing = 0;
        pressed = null;
        missing = 0;
    }

    private void decide(DtmfDigit heard) {
        keyInLastFeed |= heard != null || pressed != null;
        if (heard != null && heard == candidate) {
            agreeing++;
        } else {
            candidate = heard;
            agreeing = heard == null ? 0 : 1;
        }
        if (pressed != null && heard != pressed && ++missing >= RELEASE_HOPS) {
            pressed = null;
        }
        if (heard == pressed) {
            missing = 0;
        }
        if (candidate != null && candidate != pressed && agreeing >= CONFIRM_HOPS) {
            pressed = candidate;
            missing = 0;
            onDigit.accept(pressed);
        }
    }
}
