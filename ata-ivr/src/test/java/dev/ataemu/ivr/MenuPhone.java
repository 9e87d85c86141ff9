package dev.ataemu.ivr;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.line.FxsLine;
import dev.ataemu.core.line.LineCall;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A booted device on virtual time with the voice menu wired, a handset on a port, and a note of
 * everything the menu said and every call the line tried to place instead of calling.
 */
final class MenuPhone {

    final VirtualScheduler scheduler = new VirtualScheduler();
    final Device device;
    final IvrMenu menu = new IvrMenu();
    /** Each phrase the menu said, as its prompts' ids: "ip_address 1 9 2 dot ...". */
    final List<String> said = new ArrayList<>();
    final List<String> placed = new ArrayList<>();
    final List<PowerState> power = new ArrayList<>();
    private final int port;

    MenuPhone(Path dataDir, DeviceModel model, Map<String, String> settings) {
        this(dataDir, model, 1, settings);
    }

    MenuPhone(Path dataDir, DeviceModel model, int port, Map<String, String> settings) {
        this.port = port;
        device = Device.inFolder(DeviceFolder.locate(dataDir, model, Optional.empty(), new Random(11)),
                ParameterCatalog.builtIn(), scheduler);
        device.store().apply(settings);
        device.voiceMenu(menu);
        menu.onSpoken((on, phrase) -> said.add(phrase.toString()));
        device.onPowerChange(power::add);
        device.powerOn();
        scheduler.advance(model.bootTime().plus(Duration.ofMillis(100)));
        device.fxsLine(port).dialer(new FxsLine.Dialer() {
            @Override
            public LineCall place(String digits, FxsLine line) {
                placed.add(digits);
                return LineCall.NONE;
            }

            @Override
            public LineCall placeDirect(String host, int hostPort, FxsLine line) {
                placed.add(host + ":" + hostPort);
                return LineCall.NONE;
            }
        });
    }

    VirtualHandset handset() {
        return device.handset(port);
    }

    FxsLine line() {
        return device.fxsLine(port);
    }

    /** Lifts the handset, dials {@code ***} and hears "Enter a menu option" to its end. */
    MenuPhone openMenu() {
        handset().offHook();
        scheduler.advance(Duration.ofMillis(500));
        press("***");
        listen(3);
        return this;
    }

    /** Keys {@code keys} (100 ms on, 100 ms off) and lets what they start be said in full. */
    MenuPhone key(String keys) {
        press(keys);
        listen(15);
        return this;
    }

    /** Keys {@code keys} only. */
    MenuPhone press(String keys) {
        handset().press(keys, 100, 100);
        scheduler.advance(Duration.ofMillis(200L * keys.length()));
        return this;
    }

    MenuPhone listen(int seconds) {
        scheduler.advance(Duration.ofSeconds(seconds));
        return this;
    }

    /** The last {@code count} phrases said, oldest first. */
    List<String> lastSaid(int count) {
        return said.subList(Math.max(0, said.size() - count), said.size());
    }

    String lastSaid() {
        return said.isEmpty() ? "" : said.get(said.size() - 1);
    }

    String get(int number) {
        return device.store().get(number);
    }
}
