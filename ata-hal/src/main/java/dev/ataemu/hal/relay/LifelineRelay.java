package dev.ataemu.hal.relay;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The HT813's life-line relay. Without power (a spring holds it there) it wires the FXS jack straight
 * to the PSTN line, so the phone works as on a plain jack; under software control it connects each
 * jack to its own port.
 */
public final class LifelineRelay {

    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean bypass = true;

    /** True while the phone is wired straight to the PSTN line. */
    public boolean bypass() {
        return bypass;
    }

    public void set(boolean newBypass) {
        if (newBypass == bypass) {
            return;
        }
        bypass = newBypass;
        listeners.forEach(listener -> listener.accept(newBypass));
    }

    public void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }
}
