package dev.ataemu.core.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.testing.ChildJvm;
import dev.ataemu.time.VirtualScheduler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cuts the power of a device in the middle of firmware upgrades: a process that upgrades an HT813
 * round after round is killed with SIGKILL at random moments, hundreds of times, and after each
 * kill the device is started again from its folder. It must boot, run the firmware of one round
 * whole (every part of the same image) and hold that round's settings or the next's, never a mix
 * and never less than what the process had reported done. {@code -Dcrash.upgrade.kills=N} runs it longer.
 */
class FirmwareUpgradeCrashTest {

    private static final int KILLS = Integer.getInteger("crash.upgrade.kills", 100);

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("BOOT-18 PROV-24 MGMT-03 power cut at any instant of an upgrade: the device boots the old image or "
            + "the new one, whole, with its settings intact")
    void survivesPowerCutsDuringUpgrades() throws Exception {
        Random random = new Random(20261122);
        long acknowledged = 0;
        int killsWithHalfWrittenFile = 0;
        int killsBetweenSettingsAndFirmware = 0;
        long started = System.nanoTime();

        for (int kill = 0; kill < KILLS; kill++) {
            Process upgrader = ChildJvm.builder(FirmwareUpgradeProcess.class.getName(),
                    List.of("-Dslf4j.internal.verbosity=ERROR"), List.of(dataDir.toString()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            int roundsBeforeKill = 1 + random.nextInt(20);
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(upgrader.getInputStream(), StandardCharsets.US_ASCII))) {
                int seen = 0;
                String line;
                while (seen < roundsBeforeKill && (line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acknowledged = Math.max(acknowledged, Long.parseLong(line.substring(4)));
                        seen++;
                    }
                }
                if (random.nextBoolean()) {
                    Thread.sleep(0, random.nextInt(999_999));
                }
                // Through the handle: Process.destroyForcibly() would also close the pipe still read below.
                upgrader.toHandle().destroyForcibly();
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        acknowledged = Math.max(acknowledged, Long.parseLong(line.substring(4)));
                    }
                }
            }
            assertThat(upgrader.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (halfWrittenFileLeft()) {
                killsWithHalfWrittenFile++;
            }

            VirtualScheduler scheduler = new VirtualScheduler();
            Device device = FirmwareUpgradeProcess.booted(dataDir, scheduler);
            assertThat(device.power()).as("after kill %d the device boots", kill).isEqualTo(PowerState.READY);
            long firmwareRound = FirmwareUpgradeProcess.round(device.firmware().get("Program"));
            assertThat(new HashSet<>(device.firmware().values())).as("after kill %d: one image, whole", kill)
                    .containsExactly("1.0.0." + firmwareRound);
            assertThat(device.firmware().keySet()).containsExactlyInAnyOrder("Program", "Bootloader", "Core", "Base", "CPE");
            assertThat(firmwareRound).as("after kill %d: nothing reported done is lost", kill)
                    .isBetween(acknowledged, acknowledged + 1);
            String name = device.store().get(3);
            long settingsRound = Long.parseLong(name.substring("round ".length()));
            assertThat(device.store().get(1360)).as("one batch of settings, never half of it").isEqualTo("user" + settingsRound);
            assertThat(settingsRound).as("the settings of the image's round or of the next").isBetween(firmwareRound,
                    firmwareRound + 1);
            if (settingsRound > firmwareRound) {
                killsBetweenSettingsAndFirmware++;
            }
            device.powerOff();
            scheduler.runPending();
            acknowledged = firmwareRound;
        }
        System.out.printf("firmware upgrade crash test: %d kills in %d s, %d upgrades done, %d kills left a half-written "
                + "file, %d came between the settings and the firmware; every restart booted one whole image%n",
                KILLS, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), acknowledged,
                killsWithHalfWrittenFile, killsBetweenSettingsAndFirmware);
        assertThat(killsWithHalfWrittenFile + killsBetweenSettingsAndFirmware)
                .as("kills that landed inside an upgrade's writes").isPositive();
    }

    private boolean halfWrittenFileLeft() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".tmp"));
        }
    }
}
