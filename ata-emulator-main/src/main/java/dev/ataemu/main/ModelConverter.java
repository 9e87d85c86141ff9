package dev.ataemu.main;

import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import picocli.CommandLine;

/** Reads {@code --model}. */
final class ModelConverter implements CommandLine.ITypeConverter<DeviceModel> {

    @Override
    public DeviceModel convert(String value) {
        try {
            return DeviceModels.byName(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
