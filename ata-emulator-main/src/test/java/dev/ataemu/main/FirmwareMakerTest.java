package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.firmware.FirmwareImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --make-firmware}: an image a device takes, or a clear refusal. */
class FirmwareMakerTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("PROV-22 --make-firmware 1.0.9.7 writes ht813fw.bin, an image of that Program version")
    void writesAnImage() throws Exception {
        StringWriter out = new StringWriter();
        int code = FirmwareMaker.write(DeviceModels.HT813, "1.0.9.7", dir, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("ht813fw.bin", "Program 1.0.9.7");
        FirmwareImage image = FirmwareImage.decode(Files.readAllBytes(dir.resolve("ht813fw.bin")));
        assertThat(image.model()).isEqualTo("HT813");
        assertThat(image.program()).isEqualTo("1.0.9.7");
    }

    @Test
    @DisplayName("PROV-22 --make-firmware with something that is not a version says so and writes nothing")
    void refusesANonVersion() throws Exception {
        StringWriter err = new StringWriter();
        int code = FirmwareMaker.write(DeviceModels.HT502, "latest", dir, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(AtaEmulator.EXIT_USAGE);
        assertThat(err.toString()).contains("not a version");
        try (var listing = Files.list(dir)) {
            assertThat(listing).isEmpty();
        }
    }
}
