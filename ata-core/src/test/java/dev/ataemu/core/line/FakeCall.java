package dev.ataemu.core.line;

import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A far end for line tests: it sounds a steady tone of its own, keeps what the phone sends it,
 * and records what the line asks of it (hold, transfers, hang-up) so the test can answer.
 */
final class FakeCall implements LineCall {

    final String number;
    final int hz;
    final List<Boolean> holds = new ArrayList<>();
    final List<short[]> received = new ArrayList<>();
    int flashes;
    boolean hungUp;
    String transferredTo;
    LineCall transferredOver;
    TransferResult transferResult;
    boolean passFlash;
    private FxsLine line;

    FakeCall(String number, int hz) {
        this.number = number;
        this.hz = hz;
    }

    /** The far end answers the call the line placed. */
    void answer(FxsLine placing) {
        line = placing;
        placing.remoteAnswered(this, tone(), received::add, false);
    }

    void hangUpFromFarEnd() {
        line.farEndHungUp(this);
    }

    private AudioSource tone() {
        return new ToneGenerator(ToneSpec.parse("f1=" + hz + "@-15,c=0/0;"));
    }

    /** The last {@code frames} frames the phone side sent this far end, joined. */
    short[] lastReceived(int frames) {
        int from = Math.max(0, received.size() - frames);
        List<short[]> tail = received.subList(from, received.size());
        short[] joined = new short[tail.stream().mapToInt(f -> f.length).sum()];
        int at = 0;
        for (short[] frame : tail) {
            System.arraycopy(frame, 0, joined, at, frame.length);
            at += frame.length;
        }
        return joined;
    }

    @Override
    public void answered(FxsLine answering) {
        line = answering;
        answering.connectAudio(this, tone(), received::add, false);
    }

    @Override
    public void hungUp(FxsLine hanging) {
        hungUp = true;
    }

    @Override
    public void hold(FxsLine holding, boolean held) {
        holds.add(held);
    }

    @Override
    public void flash(FxsLine flashed) {
        flashes++;
    }

    @Override
    public boolean passesFlash() {
        return passFlash;
    }

    @Override
    public void transfer(FxsLine transferring, String target, TransferResult result) {
        transferredTo = target;
        transferResult = result;
    }

    @Override
    public void transfer(FxsLine transferring, LineCall consulted, TransferResult result) {
        transferredOver = consulted;
        transferResult = result;
    }

    @Override
    public String toString() {
        return "far end " + number;
    }
}
