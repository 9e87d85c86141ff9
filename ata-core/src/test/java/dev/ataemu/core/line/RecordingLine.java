package dev.ataemu.core.line;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.TestDevices;
import dev.ataemu.core.feature.PerCallFeatures;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A booted HT502 on virtual time whose port 1 records the numbers it would call, and how, instead of calling. */
final class RecordingLine {

    final VirtualScheduler scheduler = new VirtualScheduler();
    final Device device;
    final List<String> sent = new ArrayList<>();
    final List<PerCallFeatures> sentWith = new ArrayList<>();

    RecordingLine(Path dataDir, Map<String, String> settings) {
        this(dataDir, DeviceModels.HT502, settings);
    }

    RecordingLine(Path dataDir, dev.ataemu.core.device.DeviceModel model, Map<String, String> settings) {
        device = TestDevices.booted(model, dataDir, scheduler);
        device.store().apply(settings);
        scheduler.runPending();
        device.fxsLine(1).dialer((digits, line) -> {
            sent.add(digits);
            sentWith.add(line.perCall());
            return LineCall.NONE;
        });
    }

    VirtualHandset handset() {
        return device.handset(1);
    }

    /** Lifts the handset, waits for dial tone and keys {@code keys} (100 ms on, 100 ms off). */
    VirtualHandset dial(String keys) {
        VirtualHandset handset = handset();
        handset.offHook();
        scheduler.advance(Duration.ofMillis(500));
        return press(keys);
    }

    VirtualHandset press(String keys) {
        VirtualHandset handset = handset();
        handset.press(keys, 100, 100);
        scheduler.advance(Duration.ofMillis(200L * keys.length()));
        return handset;
    }

    /** Hangs up, for longer than the longest hook flash. */
    void hangUp() {
        handset().onHook();
        scheduler.advance(Duration.ofSeconds(3));
    }
}
