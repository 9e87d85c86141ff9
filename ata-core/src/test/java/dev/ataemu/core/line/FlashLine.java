package dev.ataemu.core.line;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.TestDevices;
import dev.ataemu.hal.line.CallerIds;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A booted device on virtual time whose port 1 calls {@link FakeCall}s: each number dialed gets a
 * far end sounding its own tone (1002 at 1000 Hz, 1003 at 1400 Hz, others 1800 Hz).
 */
final class FlashLine {

    static final int FLASH_MS = 500;

    final VirtualScheduler scheduler = new VirtualScheduler();
    final Device device;
    final Map<String, FakeCall> calls = new LinkedHashMap<>();

    FlashLine(Path dataDir, DeviceModel model, Map<String, String> settings) {
        device = TestDevices.booted(model, dataDir, scheduler);
        device.store().apply(settings);
        scheduler.runPending();
        line().dialer((digits, dialing) -> {
            FakeCall call = new FakeCall(digits, toneOf(digits));
            calls.put(digits, call);
            return call;
        });
    }

    static int toneOf(String number) {
        return switch (number) {
            case "1002" -> 1000;
            case "1003" -> 1400;
            default -> 1800;
        };
    }

    FxsLine line() {
        return device.fxsLine(1);
    }

    VirtualHandset handset() {
        return device.handset(1);
    }

    /** Lifts the handset, dials {@code number} and the far end answers. */
    FakeCall talkTo(String number) {
        handset().offHook();
        advance(500);
        return dialAndAnswer(number);
    }

    /** Talks to {@code number}, then flashes: it is held and the phone hears dial tone. */
    FakeCall holdFor(String number) {
        FakeCall held = talkTo(number);
        flash();
        return held;
    }

    /** A call with 1002 held and 1003, dialed after the flash, answering: the start of a transfer or conference. */
    Consultation consult() {
        FakeCall held = holdFor("1002");
        return new Consultation(held, dialAndAnswer("1003"));
    }

    record Consultation(FakeCall held, FakeCall consulted) {
    }

    /** Keys {@code number#} and the far end answers. */
    FakeCall dialAndAnswer(String number) {
        press(number + "#");
        FakeCall call = calls.get(number);
        scheduler.execute(() -> call.answer(line()));
        advance(300);
        return call;
    }

    /** A call from {@code number} while the phone talks: offered as call waiting. */
    FakeCall callWaiting(String number) {
        FakeCall call = new FakeCall(number, toneOf(number));
        scheduler.execute(() -> line().offerWaiting(
                CallerIds.of(number, "", LocalDateTime.now(scheduler.clock())), call));
        advance(300);
        return call;
    }

    void flash() {
        handset().flash(FLASH_MS);
        advance(FLASH_MS + 300);
    }

    void press(String keys) {
        handset().press(keys, 100, 100);
        advance(200L * keys.length() + 100);
    }

    void advance(long ms) {
        scheduler.advance(Duration.ofMillis(ms));
    }

    /** The level at {@code hz} in the last 200 ms the earpiece heard. */
    double heard(int hz) {
        return Measure.levelDbm0(handset().earpiece().last(200), 0, 200, hz);
    }
}
