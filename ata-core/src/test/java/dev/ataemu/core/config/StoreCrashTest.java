package dev.ataemu.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing to a store with SIGKILL, hundreds of times, at random moments, and
 * checks after each kill that the store loads with every acknowledged batch in it and no batch torn.
 * {@code -Dcrash.kills=N} runs it longer.
 */
class StoreCrashTest {

    private static final int KILLS = Integer.getInteger("crash.kills", 200);

    @TempDir
    Path folder;

    @Test
    @DisplayName("a store survives kill -9 at any instant with every acknowledged write present")
    void survivesKillNineMidWrite() throws Exception {
        Path file = folder.resolve("config.txt");
        ModelCatalog catalog = ParameterCatalog.builtIn().forModel("HT502");
        Random random = new Random(20261121);
        long acknowledged = 0;
        int killsMidWrite = 0;

        for (int kill = 0; kill < KILLS; kill++) {
            Process writer = ChildJvm.start(StoreWriterProcess.class, file.toString());
            int acksBeforeKill = 1 + random.nextInt(25);
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(writer.getInputStream(), StandardCharsets.US_ASCII))) {
                int seen = 0;
                String line;
                while (seen < acksBeforeKill && (line = out.readLine()) != null) {
                    acknowledged = Math.max(acknowledged, ack(line));
                    seen++;
                }
                if (random.nextBoolean()) {
                    Thread.sleep(0, random.nextInt(999_999));
                }
                // Through the handle: Process.destroyForcibly() would also close the pipe we still read.
                writer.toHandle().destroyForcibly();
                while ((line = out.readLine()) != null) {
                    acknowledged = Math.max(acknowledged, ack(line));
                }
            }
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

            if (Files.exists(folder.resolve("config.txt.tmp"))) {
                killsMidWrite++;
            }
            ParameterStore reloaded = ParameterStore.open(catalog, file, "crash test");
            long stored = Long.parseLong(reloaded.get(3).substring(1));
            assertThat(stored).as("after kill %d", kill).isBetween(acknowledged, acknowledged + 1);
            assertThat(reloaded.get(35)).as("one batch, never half of it").isEqualTo(reloaded.get(3));
            assertThat(reloaded.get(47)).isEqualTo("host" + stored + ".example.com");
            acknowledged = stored;
        }
        assertThat(killsMidWrite).as("kills that left a half-written temporary file behind").isPositive();
    }

    private static long ack(String line) {
        assertThat(line).startsWith("ACK ");
        return Long.parseLong(line.substring(4));
    }
}
