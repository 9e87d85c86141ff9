package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.testing.peers.OpenSsh;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script author's journey (JOURNEYS.md 5) over SSH, whole process: the emulator started from the
 * command line, Debian's OpenSSH client logs in as a configuration script does, sets account
 * P-values, commits and reboots; after the reboot the FXS PORT page shows them.
 */
class ScriptAuthorJourneyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern SSH = Pattern.compile(" ssh (\\d+)");

    @TempDir
    Path work;

    private static String errorsOf(EmulatorProcess emulator) {
        try {
            return emulator.errors();
        } catch (java.io.IOException e) {
            return e.getMessage();
        }
    }

    @Test
    @DisplayName("MGMT-02 MGMT-05 JOURNEY-5 an SSH script configures an HT813: config, set, commit, exit, reboot; "
            + "the pages show the values after the reboot")
    void sshScript() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start("--model", "HT813", "--http-port", "0", "--ssh-port", "0",
                "--telnet-port", "0", "--bind", "127.0.0.1", "--data-dir", work.resolve("data").toString())) {
            Matcher port = SSH.matcher(emulator.awaitStartLine());
            assertThat(port.find()).as(() -> "the start line names the SSH port: " + errorsOf(emulator)).isTrue();
            OpenSsh ssh = new OpenSsh(work, Integer.parseInt(port.group(1)));
            OpenSsh.Result session = ssh.run("admin",
                    "config\nset 47 pbx.example.net\nset 35 4711\nset 3 Script\ncommit\nexit\nreboot\n");
            assertThat(session.output()).contains("Changes are commited.", "Rebooting...");

            assertThat(Await.until(WAIT, () -> {
                try {
                    PagesClient pages = new PagesClient(emulator.webUri());
                    pages.loginHt813Admin();
                    return pages.page("/cgi-bin/config_a1").contains("value=\"pbx.example.net\"");
                } catch (Exception e) {
                    return false;
                }
            })).isTrue();
            emulator.terminate();
        }
    }
}
