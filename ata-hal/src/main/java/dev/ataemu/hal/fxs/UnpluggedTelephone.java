package dev.ataemu.hal.fxs;

/** The empty jack: nothing hears the line and nothing goes off hook. */
enum UnpluggedTelephone implements Telephone {
    INSTANCE;

    @Override
    public void plugInto(Jack jack) {
    }

    @Override
    public void lineAudio(short[] frame) {
    }

    @Override
    public void mouthpiece(short[] frame) {
        java.util.Arrays.fill(frame, (short) 0);
    }

    @Override
    public void ringing(boolean on) {
    }

    @Override
    public void polarity(boolean reversed) {
    }

    @Override
    public void loopCurrent(boolean present) {
    }
}
