package dev.ataemu.main;

import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.firmware.FirmwareImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --make-firmware VERSION}: an emulator firmware image of the model, to upgrade a device with. */
final class FirmwareMaker {

    private FirmwareMaker() {
    }

    static int write(DeviceModel model, String version, Path folder, PrintWriter out, PrintWriter err) {
        if (!version.matches("[0-9]+(\\.[0-9]+){1,5}")) {
            err.println("ata-emulator: --make-firmware " + version + " is not a version such as 1.0.16.9");
            return AtaEmulator.EXIT_USAGE;
        }
        Map<String, String> versions = new LinkedHashMap<>(model.firmware());
        versions.put("Program", version);
        byte[] image = new FirmwareImage(model.id(), versions, ("emulated firmware " + version).getBytes()).encode();
        Path file = folder.resolve(FirmwareImage.fileName(model.id()));
        try {
            Files.write(file, image);
        } catch (IOException e) {
            err.println("ata-emulator: cannot write " + file + ": " + e.getMessage());
            return AtaEmulator.EXIT_ENVIRONMENT;
        }
        out.println("wrote " + file + ": " + model.id() + " Program " + version + ", " + image.length + " bytes");
        return 0;
    }
}
