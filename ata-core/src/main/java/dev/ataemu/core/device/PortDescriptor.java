package dev.ataemu.core.device;

import dev.ataemu.hal.port.PortType;

/**
 * One analog port of a model: its number (1 or 2, which also selects the port-1 or port-2
 * P-values), its kind, the name printed on the case, and the LED that shows its state.
 */
public record PortDescriptor(int index, PortType type, String label, String ledId) {
}
