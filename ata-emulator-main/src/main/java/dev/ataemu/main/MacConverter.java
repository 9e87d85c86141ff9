package dev.ataemu.main;

import dev.ataemu.core.device.MacAddress;
import picocli.CommandLine;

/** Reads {@code --mac}. */
final class MacConverter implements CommandLine.ITypeConverter<MacAddress> {

    @Override
    public MacAddress convert(String value) {
        try {
            return MacAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
