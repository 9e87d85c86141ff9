package dev.ataemu.core.call;

import dev.ataemu.core.line.FxsLine;
import dev.ataemu.core.line.LineCall;

/**
 * What an FXS port's call has once its media is up, whichever side placed it: the RTP stream, and
 * the keys and flashes the phone sends through it (and the far end's relayed keys back).
 */
abstract class MediaLeg implements LineCall {

    protected CallMedia media;
    protected CallKeys keys;

    @Override
    public void key(FxsLine line, char key) {
        if (keys != null) {
            keys.pressed(key);
        }
    }

    @Override
    public void flash(FxsLine line) {
        if (keys != null) {
            keys.flashed();
        }
    }

    /** A key the far end relayed by SIP INFO. */
    protected void relayed(char key) {
        if (keys != null) {
            keys.relayed(key);
        }
    }

    protected void closeMedia() {
        if (media != null) {
            media.close();
            media = null;
            keys = null;
        }
    }
}
