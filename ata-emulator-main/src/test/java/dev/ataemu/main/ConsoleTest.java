package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import dev.ataemu.time.VirtualScheduler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTest {

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final StringWriter out = new StringWriter();
    private Device device;
    private Console console;

    private void start(DeviceModel model) {
        device = Device.inFolder(DeviceFolder.locate(dataDir, model, Optional.empty(), new Random(3)),
                ParameterCatalog.builtIn(), scheduler);
        device.powerOn();
        scheduler.advance(Duration.ofSeconds(2));
        console = new Console(device, new PrintWriter(out, true));
    }

    private List<String> type(String line) {
        int before = out.toString().length();
        console.execute(line);
        scheduler.advance(Duration.ofMillis(10));
        return out.toString().substring(before).lines().toList();
    }

    @Test
    @DisplayName("CALL-01 the console lifts the handset and dials")
    void offHookAndDial() {
        start(DeviceModels.HT502);

        assertThat(type("offhook 1")).containsExactly("port 1 off hook");
        scheduler.advance(Duration.ofMillis(300));
        assertThat(type("dial 1 *985")).containsExactly("port 1 keys *985");
        scheduler.advance(Duration.ofSeconds(2));

        assertThat(device.fxsLine(1).dialed()).isEqualTo("*985");
        assertThat(type("status")).anySatisfy(line -> assertThat(line).contains("port 1 PHONE1: Off Hook, Not Registered, dialing"));
        assertThat(type("leds")).singleElement().asString().contains("POWER=on", "PHONE1=on", "PHONE2=off");
        assertThat(type("onhook 1")).containsExactly("port 1 on hook");
    }

    @Test
    void ringsThroughThePstnLineAndShowsTheCaller() {
        start(DeviceModels.HT813);
        assertThat(type("pstn ring 6265551234 ALICE SMITH")).containsExactly("pstn ringing from 6265551234");
        scheduler.advance(Duration.ofSeconds(11));

        assertThat(type("handset 1")).singleElement().asString().contains("ringing", "caller ID 6265551234 ALICE SMITH");
        assertThat(type("pstn")).containsExactly("pstn ringing dialed ''");
    }

    @Test
    void theResetButtonAndPower() {
        start(DeviceModels.HT502);
        device.store().apply(Map.of("P3", "Alice"));
        type("reset 7000");
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(device.store().get(3)).isEmpty();

        type("power off");
        assertThat(device.power().name()).isEqualTo("OFF");
    }

    @Test
    void theLineCanEcho() {
        start(DeviceModels.HT502);
        assertThat(type("echo 1 14")).containsExactly("port 1 echo 14 dB down, 4 ms late");
        assertThat(type("echo 1 0")).containsExactly("port 1 echo off");
    }

    @Test
    void eventsCanBeWatched() {
        start(DeviceModels.HT813);
        type("events on");
        assertThat(type("offhook 1")).anySatisfy(line -> assertThat(line).startsWith("event: "));
        type("events off");
        assertThat(type("onhook 1")).containsExactly("port 1 on hook");
    }

    @Test
    void wrongCommandsSayWhyAndChangeNothing() {
        start(DeviceModels.HT813);
        assertThat(type("jump")).containsExactly("error: unknown command 'jump' (try help)");
        assertThat(type("offhook 2")).singleElement().asString().startsWith("error: port 2 of the HT813 is its FXO port");
        assertThat(type("offhook 9")).containsExactly("error: port must be from 1 to 2, not 9");
        assertThat(type("dial 1 12X")).containsExactly("error: keys are 1 to 64 of 0-9 * # A-D, not '12X'");
        assertThat(type("dial 1 1 5 5")).containsExactly("error: on ms must be from 20 to 5000, not 5");
        assertThat(type("reset lots")).containsExactly("error: press ms must be a number, not 'lots'");
        assertThat(type("pstn ring 12a")).containsExactly("error: a PSTN number is up to 32 of 0-9 * # +, not '12a'");
        assertThat(type("power sideways")).containsExactly("error: power takes on or off, not 'sideways'");
        assertThat(type("echo 1 70")).containsExactly("error: return loss dB must be from 0 to 60, not 70");
        assertThat(type("offhook")).containsExactly("error: wrong number of arguments (try help)");
        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.IDLE);
        assertThat(type("help")).first().isEqualTo("commands:");
    }
}
