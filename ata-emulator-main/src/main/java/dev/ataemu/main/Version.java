package dev.ataemu.main;

import dev.ataemu.core.device.DeviceModels;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code --version}: the emulator's own version and the firmware each model reports. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String own = AtaEmulator.class.getPackage().getImplementationVersion();
        List<String> lines = new ArrayList<>();
        lines.add("ata-emulator " + (own == null ? "(development build)" : own));
        DeviceModels.all().forEach(model -> lines.add(model.id() + " firmware " + model.programVersion()));
        return lines.toArray(String[]::new);
    }
}
