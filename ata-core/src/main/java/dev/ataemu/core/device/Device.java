package dev.ataemu.core.device;

import dev.ataemu.core.config.ChangeSet;
import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.config.ResetType;
import dev.ataemu.time.Scheduler;
import dev.ataemu.hal.led.Led;
import dev.ataemu.hal.led.LedState;
import dev.ataemu.hal.port.AnalogPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One virtual ATA: its model, MAC, P-values, front panel and ports, and its life from power-on to
 * power-off. Every state change runs on the device's {@link Scheduler}, one at a time; the public
 * methods only post work to it, so they may be called from any thread.
 */
public final class Device {

    private static final Logger LOG = LoggerFactory.getLogger(Device.class);

    private final DeviceModel model;
    private final MacAddress mac;
    private final ParameterStore store;
    private final Scheduler scheduler;
    private final Map<String, Led> leds = new LinkedHashMap<>();
    private final Map<Integer, AnalogPort> ports = new LinkedHashMap<>();
    private final Map<Integer, RegistrationState> registrations = new LinkedHashMap<>();
    private final List<Consumer<PowerState>> powerListeners = new CopyOnWriteArrayList<>();

    private volatile PowerState power = PowerState.OFF;
    private volatile long poweredAtMillis;
    private Scheduler.Timer bootTimer;

    public Device(DeviceModel model, MacAddress mac, ParameterStore store, Scheduler scheduler) {
        if (!store.catalog().modelId().equals(model.id())) {
            throw new IllegalArgumentException("an " + model.id() + " cannot use the P-values of an "
                    + store.catalog().modelId());
        }
        this.model = model;
        this.mac = mac;
        this.store = store;
        this.scheduler = scheduler;
        model.leds().forEach(id -> leds.put(id, new Led(id)));
        model.ports().forEach(port -> {
            ports.put(port.index(), new AnalogPort(port.index(), port.type()));
            registrations.put(port.index(), RegistrationState.NOT_REGISTERED);
        });
        store.onChange(this::logChange);
    }

    /** A device of the folder's model and MAC, with the P-values stored in the folder. */
    public static Device inFolder(DeviceFolder folder, ParameterCatalog catalog, Scheduler scheduler) {
        String header = "Grandstream " + folder.model().id() + " " + folder.mac()
                + "\nP-values that differ from the factory defaults, kept by the ATA emulator.";
        ParameterStore store = ParameterStore.open(catalog.forModel(folder.model().id()), folder.configFile(), header);
        return new Device(folder.model(), folder.mac(), store, scheduler);
    }

    public DeviceModel model() {
        return model;
    }

    public MacAddress mac() {
        return mac;
    }

    public ParameterStore store() {
        return store;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public PowerState power() {
        return power;
    }

    public Led led(String id) {
        Led led = leds.get(id);
        if (led == null) {
            throw new IllegalArgumentException("the " + model.id() + " has no " + id + " LED");
        }
        return led;
    }

    public List<Led> leds() {
        return List.copyOf(leds.values());
    }

    public AnalogPort port(int index) {
        AnalogPort port = ports.get(index);
        if (port == null) {
            throw new IllegalArgumentException("the " + model.id() + " has no port " + index);
        }
        return port;
    }

    /** Seconds since power was applied; 0 while off. */
    public long uptimeSeconds() {
        return power == PowerState.OFF ? 0 : (scheduler.millis() - poweredAtMillis) / 1000;
    }

    public DeviceStatus status() {
        Map<String, LedState> panel = new LinkedHashMap<>();
        leds.forEach((id, led) -> panel.put(id, led.state()));
        List<DeviceStatus.Port> portStates = model.ports().stream()
                .map(p -> new DeviceStatus.Port(p.index(), p.type(), p.label(), port(p.index()).hookState(),
                        registrations.get(p.index())))
                .toList();
        return new DeviceStatus(model.id(), mac, model.firmware(), power, uptimeSeconds(), portStates, panel);
    }

    /** Listeners hear every power state the device enters, on the device's scheduler. */
    public void onPowerChange(Consumer<PowerState> listener) {
        powerListeners.add(listener);
    }

    public void powerOn() {
        scheduler.execute(this::boot);
    }

    public void powerOff() {
        scheduler.execute(this::shutDown);
    }

    public void reboot() {
        scheduler.execute(() -> {
            LOG.info("{} {} rebooting", model.id(), mac);
            shutDown();
            boot();
        });
    }

    /** Restores the defaults the reset covers, then reboots, as the device does after any factory reset. */
    public void factoryReset(ResetType type) {
        scheduler.execute(() -> {
            ChangeSet restored = store.reset(type);
            LOG.info("{} {} factory reset ({}): {} P-values restored", model.id(), mac, type, restored.changes().size());
            shutDown();
            boot();
        });
    }

    private void boot() {
        if (power != PowerState.OFF) {
            return;
        }
        poweredAtMillis = scheduler.millis();
        leds.values().forEach(led -> led.show(LedState.OFF));
        led(DeviceModel.POWER_LED).show(model.powerLedBooting());
        enter(PowerState.BOOTING);
        bootTimer = scheduler.schedule(model.bootTime(), this::finishBoot);
    }

    private void finishBoot() {
        bootTimer = null;
        led(DeviceModel.POWER_LED).show(LedState.ON);
        led(DeviceModel.WAN_LED).show(LedState.ON);
        enter(PowerState.READY);
        LOG.info("{} {} ready, firmware {}", model.id(), mac, model.programVersion());
    }

    private void shutDown() {
        if (power == PowerState.OFF) {
            return;
        }
        if (bootTimer != null) {
            bootTimer.cancel();
            bootTimer = null;
        }
        leds.values().forEach(led -> led.show(LedState.OFF));
        registrations.replaceAll((index, state) -> RegistrationState.NOT_REGISTERED);
        enter(PowerState.OFF);
    }

    private void enter(PowerState next) {
        power = next;
        powerListeners.forEach(listener -> listener.accept(next));
    }

    private void logChange(ChangeSet changes) {
        LOG.info("{} {} P-values changed: {}{}", model.id(), mac, changes.changes().keySet(),
                changes.rebootRequired() ? " (reboot required)" : "");
    }
}
