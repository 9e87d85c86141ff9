package dev.ataemu.hal.led;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** One front-panel LED. Listeners hear every change of what it shows. */
public final class Led {

    private final String id;
    private final List<BiConsumer<Led, LedState>> listeners = new CopyOnWriteArrayList<>();
    private volatile LedState state = LedState.OFF;

    public Led(String id) {
        this.id = Objects.requireNonNull(id);
    }

    public String id() {
        return id;
    }

    public LedState state() {
        return state;
    }

    public void show(LedState newState) {
        Objects.requireNonNull(newState);
        if (newState.equals(state)) {
            return;
        }
        state = newState;
        listeners.forEach(listener -> listener.accept(this, newState));
    }

    public void onChange(BiConsumer<Led, LedState> listener) {
        listeners.add(listener);
    }

    @Override
    public String toString() {
        return id + "=" + state;
    }
}
