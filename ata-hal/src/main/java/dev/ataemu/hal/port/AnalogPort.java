package dev.ataemu.hal.port;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** One RJ-11 port of the device: its number on the panel, its kind and its hook state. */
public final class AnalogPort {

    private final int index;
    private final PortType type;
    private final List<BiConsumer<AnalogPort, HookState>> hookListeners = new CopyOnWriteArrayList<>();
    private volatile HookState hookState = HookState.ON_HOOK;

    public AnalogPort(int index, PortType type) {
        if (index < 1) {
            throw new IllegalArgumentException("ports are numbered from 1: " + index);
        }
        this.index = index;
        this.type = Objects.requireNonNull(type);
    }

    public int index() {
        return index;
    }

    public PortType type() {
        return type;
    }

    public HookState hookState() {
        return hookState;
    }

    public void changeHook(HookState newState) {
        Objects.requireNonNull(newState);
        if (newState == hookState) {
            return;
        }
        hookState = newState;
        hookListeners.forEach(listener -> listener.accept(this, newState));
    }

    public void onHookChange(BiConsumer<AnalogPort, HookState> listener) {
        hookListeners.add(listener);
    }
}
