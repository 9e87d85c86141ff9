package dev.ataemu.core.device;

import dev.ataemu.core.account.Accounts;
import dev.ataemu.core.call.FxoCalls;
import dev.ataemu.core.call.IncomingCalls;
import dev.ataemu.core.call.OutgoingCalls;
import dev.ataemu.core.config.ChangeSet;
import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.config.ResetType;
import dev.ataemu.core.firmware.FirmwareImage;
import dev.ataemu.core.firmware.InstalledFirmware;
import dev.ataemu.core.line.FxoLine;
import dev.ataemu.core.line.LineState;
import dev.ataemu.core.line.FxsLine;
import dev.ataemu.core.line.LineCall;
import dev.ataemu.hal.button.ResetButton;
import dev.ataemu.hal.fxo.FxoPort;
import dev.ataemu.hal.fxs.FxsPort;
import dev.ataemu.hal.led.Led;
import dev.ataemu.hal.led.LedState;
import dev.ataemu.hal.line.DisplayedCallerId;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.hal.port.PortType;
import dev.ataemu.hal.relay.LifelineRelay;
import dev.ataemu.hal.sim.VirtualCentralOffice;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.sip.call.CallHandler;
import dev.ataemu.time.Scheduler;
import dev.ataemu.sip.ua.UserAgent;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One virtual ATA: its model, MAC, P-values, front panel and ports, the simulated telephone on each
 * FXS port and the simulated PSTN line behind an FXO port, and its life from power-on to power-off.
 * Every state change runs on the device's {@link Scheduler}, one at a time; the public methods that
 * change something only post work to it, so they may be called from any thread.
 */
public final class Device {

    private static final Logger LOG = LoggerFactory.getLogger(Device.class);

    private final DeviceModel model;
    private final MacAddress mac;
    private final ParameterStore store;
    private final Scheduler scheduler;
    private final DeviceEvents events = new DeviceEvents();
    private final FrontPanel panel;
    private final Map<Integer, FxsLine> fxsLines = new LinkedHashMap<>();
    private final Map<Integer, FxsPort> fxsPorts = new LinkedHashMap<>();
    private final Map<Integer, VirtualHandset> handsets = new LinkedHashMap<>();
    private final Map<Integer, RegistrationState> registrations = new LinkedHashMap<>();
    private final Map<Integer, HookState> lastHooks = new LinkedHashMap<>();
    private final ResetButton resetButton;
    private final Optional<Pstn> pstn;
    private final InstalledFirmware firmware;
    /** Whether the HT813's FXS account was registered and lost it (the life-line fails over, GAP-11). */
    private boolean registrationLost;
    private final Accounts accounts;
    private final dev.ataemu.core.provision.Provisioner provisioner;
    private final dev.ataemu.core.syslog.Syslog syslog;
    private final dev.ataemu.core.clock.DeviceClock wallClock;
    private Scheduler.Timer ntpTimer;
    /** How often the device asks its NTP server again while it runs. */
    private static final java.time.Duration NTP_INTERVAL = java.time.Duration.ofHours(1);
    private static final int NTP_SERVER = 30;
    private final CallSyslog callSyslog;

    private volatile PowerState power = PowerState.OFF;
    private volatile long poweredAtMillis;
    private volatile boolean providerLocked;
    private Scheduler.Timer bootTimer;
    /** The image being written, until it is. */
    private Scheduler.Timer flashing;

    /** The FXO side of a model that has one: the port, its firmware, the line behind it and the life-line relay. */
    private record Pstn(int index, FxoPort port, FxoLine line, VirtualCentralOffice office, LifelineRelay relay) {
    }

    public Device(DeviceModel model, MacAddress mac, ParameterStore store, Scheduler scheduler) {
        this(model, mac, store, scheduler, InstalledFirmware.inMemory(model.firmware()));
    }

    /** The same, running {@code firmware} (the versions an upgrade installed, kept in its folder). */
    public Device(DeviceModel model, MacAddress mac, ParameterStore store, Scheduler scheduler, InstalledFirmware firmware) {
        this.firmware = firmware;
        if (!store.catalog().modelId().equals(model.id())) {
            throw new IllegalArgumentException("an " + model.id() + " cannot use the P-values of an "
                    + store.catalog().modelId());
        }
        this.model = model;
        this.mac = mac;
        this.store = store;
        this.scheduler = scheduler;
        this.panel = new FrontPanel(model, store);
        panel.all().forEach(led -> led.onChange((changed, state) -> events.publish(new DeviceEvent.Led(changed.id(), state))));
        model.ports().forEach(port -> registrations.put(port.index(), RegistrationState.NOT_REGISTERED));
        model.ports().stream().filter(port -> port.type() == PortType.FXS).forEach(port -> buildFxs(port.index()));
        this.pstn = model.ports().stream().filter(port -> port.type() == PortType.FXO).findFirst()
                .map(port -> buildFxo(port.index()));
        this.resetButton = new ResetButton(scheduler, new ResetButtonHandling());
        this.accounts = new Accounts(model, mac.compact(), store, scheduler, (port, state) -> registrationChanged(port,
                state == dev.ataemu.sip.ua.RegistrationState.REGISTERED ? RegistrationState.REGISTERED
                        : RegistrationState.NOT_REGISTERED), this::callHandler,
                (port, waiting) -> {
                    // The FXO account has no phone to light: its voicemail indication is dropped.
                    if (fxsLines.containsKey(port)) {
                        messageWaiting(port, waiting);
                    }
                },
                // Until provisioning comes, a check-sync or resync restarts the device, as one with new settings does.
                what -> {
                    LOG.info("{} {}: {} from the SIP server", model.id(), mac, what);
                    reboot();
                });
        accounts.program(() -> firmware.versions().getOrDefault("Program", model.programVersion()));
        this.wallClock = new dev.ataemu.core.clock.DeviceClock(scheduler.clock());
        wallClock.rules(dev.ataemu.core.clock.TimeZoneSetting.rules(store));
        fxsLines.values().forEach(line -> line.wallClock(wallClock));
        this.syslog = new dev.ataemu.core.syslog.Syslog(store, mac.colon().toLowerCase(java.util.Locale.ROOT),
                wallClock, accounts::address);
        this.callSyslog = new CallSyslog(syslog);
        accounts.messageLog(new dev.ataemu.core.syslog.SipSyslog(syslog, store));
        this.provisioner = new dev.ataemu.core.provision.Provisioner(new Provisioned());
        store.onChange(this::settingsChanged);
        connectPhones();
    }

    /** The device as its provisioning sees it. */
    private final class Provisioned implements dev.ataemu.core.provision.ProvisionedDevice {
        @Override
        public String modelId() {
            return model.id();
        }

        @Override
        public String mac() {
            return mac.compact();
        }

        @Override
        public String programVersion() {
            return firmware.versions().getOrDefault("Program", model.programVersion());
        }

        @Override
        public ParameterStore store() {
            return store;
        }

        @Override
        public Scheduler scheduler() {
            return scheduler;
        }

        @Override
        public void upgrade(FirmwareImage image, Consumer<String> failed) {
            Device.this.upgrade(image, failed);
        }

        @Override
        public java.time.Clock wallClock() {
            return wallClock;
        }

        @Override
        public void log(boolean problem, String message) {
            if (problem) {
                syslog.warning(message);
            } else {
                syslog.info(message);
            }
        }
    }

    /** A device of the folder's model and MAC, with the P-values stored in the folder. */
    public static Device inFolder(DeviceFolder folder, ParameterCatalog catalog, Scheduler scheduler) {
        String header = "Grandstream " + folder.model().id() + " " + folder.mac()
                + "\nP-values that differ from the factory defaults, kept by the ATA emulator.";
        ParameterStore store = ParameterStore.open(catalog.forModel(folder.model().id()), folder.configFile(), header);
        return new Device(folder.model(), folder.mac(), store, scheduler,
                InstalledFirmware.in(folder.path(), folder.model().firmware()));
    }

    private void buildFxs(int index) {
        FxsLine line = new FxsLine(index, store, this::lineChanged);
        line.dialer(new FxsLine.Dialer() {
            @Override
            public LineCall place(String digits, FxsLine dialing) {
                return outgoing(index, dialing).map(calls -> calls.place(digits, dialing)).orElse(LineCall.NONE);
            }

            @Override
            public LineCall placeDirect(String host, int port, FxsLine dialing) {
                return outgoing(index, dialing).map(calls -> calls.placeDirect(host, port, dialing)).orElse(LineCall.NONE);
            }

            @Override
            public LineCall placePstn(String number, FxsLine dialing) {
                Optional<LineCall> taken = pstn.flatMap(p -> p.line().takeFor(dialing, number));
                if (taken.isEmpty()) {
                    // No PSTN line on this model, or it is in use.
                    dialing.callFailed(486);
                    return LineCall.NONE;
                }
                return taken.get();
            }
        });
        FxsPort port = new FxsPort(index, scheduler, line);
        line.attach(port);
        VirtualHandset handset = new VirtualHandset(scheduler);
        handset.onChange(new HandsetEvents(index));
        fxsLines.put(index, line);
        fxsPorts.put(index, port);
        handsets.put(index, handset);
        lastHooks.put(index, HookState.ON_HOOK);
    }

    private Pstn buildFxo(int index) {
        FxsLine phone = fxsLines.values().iterator().next();
        FxoLine line = new FxoLine(store, scheduler, phone, () -> power == PowerState.READY, changed -> fxoChanged(index));
        FxoPort port = new FxoPort(index, scheduler, line);
        line.attach(port);
        line.onUnanswered(() -> pstnToVoip(index, line));
        VirtualCentralOffice office = new VirtualCentralOffice(scheduler);
        office.onChange(changed -> events.publish(new DeviceEvent.Pstn(changed.state().name().toLowerCase(), changed.dialed())));
        LifelineRelay relay = new LifelineRelay();
        relay.onChange(bypass -> {
            connectPhones();
            events.publish(new DeviceEvent.Lifeline(bypass));
        });
        lastHooks.put(index, HookState.ON_HOOK);
        return new Pstn(index, port, line, office, relay);
    }

    // --- what the device is -------------------------------------------------------------------

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

    public DeviceEvents events() {
        return events;
    }

    public PowerState power() {
        return power;
    }

    public Led led(String id) {
        return panel.led(id);
    }

    public List<Led> leds() {
        return panel.all();
    }

    public ResetButton resetButton() {
        return resetButton;
    }

    /** The simulated telephone plugged into an FXS port. */
    public VirtualHandset handset(int port) {
        VirtualHandset handset = handsets.get(port);
        if (handset == null) {
            throw new IllegalArgumentException(noFxsPort(port));
        }
        return handset;
    }

    public FxsLine fxsLine(int port) {
        FxsLine line = fxsLines.get(port);
        if (line == null) {
            throw new IllegalArgumentException(noFxsPort(port));
        }
        return line;
    }

    /** The simulated PSTN line behind the FXO port, on a model that has one. */
    public Optional<VirtualCentralOffice> pstnLine() {
        return pstn.map(Pstn::office);
    }

    public Optional<FxoLine> fxoLine() {
        return pstn.map(Pstn::line);
    }

    /** True while the life-line relay wires the FXS phone straight to the PSTN line (HT813). */
    public Optional<Boolean> lifelineBypass() {
        return pstn.map(p -> p.relay().bypass());
    }

    /** The device's WAN address, once it has a network. */
    public Optional<InetAddress> wanAddress() {
        return accounts.address();
    }

    /** Seconds since power was applied; 0 while off. */
    public long uptimeSeconds() {
        return power == PowerState.OFF ? 0 : (scheduler.millis() - poweredAtMillis) / 1000;
    }

    public boolean providerLocked() {
        return providerLocked;
    }

    /** Where provisioning from servers is, and how its latest pass ended (PROV-31). */
    public dev.ataemu.core.provision.ProvisionStatus provisioning() {
        return provisioner.status();
    }

    private volatile MediaTransport mediaTransport;

    /** The process's shared media transport (RTP receive loops and pacers); without one calls are refused. */
    public void media(MediaTransport transport) {
        mediaTransport = transport;
    }

    private CallHandler callHandler(int port, InetAddress address) {
        FxsLine line = fxsLines.get(port);
        MediaTransport transport = mediaTransport;
        if (transport == null) {
            return CallHandler.REJECT;
        }
        if (line == null) {
            return pstn.filter(p -> p.index() == port)
                    .<CallHandler>map(p -> new FxoCalls(port, p.line(), store, scheduler, address, transport,
                            () -> accounts.agent(port).map(UserAgent::contactHost).orElse(address.getHostAddress())))
                    .orElse(CallHandler.REJECT);
        }
        return new IncomingCalls(port, line, store, scheduler, address, transport,
                new OutgoingCalls(port, store, address, transport, () -> accounts.agent(port)));
    }

    /** The HT813's gateway for a PSTN call nobody answered, when the device has a network and media. */
    private Optional<Runnable> pstnToVoip(int port, FxoLine line) {
        MediaTransport transport = mediaTransport;
        Optional<InetAddress> address = accounts.address();
        if (transport == null || address.isEmpty() || power != PowerState.READY) {
            return Optional.empty();
        }
        return Optional.of(() -> dev.ataemu.core.call.PstnCalls.toVoip(port, line, store, scheduler, address.get(),
                transport, () -> accounts.agent(port)));
    }

    /** The port's outgoing calls, when the device has a network and media; else the line hears 480. */
    private Optional<OutgoingCalls> outgoing(int port, FxsLine line) {
        MediaTransport transport = mediaTransport;
        Optional<InetAddress> address = accounts.address();
        if (transport == null || address.isEmpty()) {
            line.callFailed(480);
            return Optional.empty();
        }
        return Optional.of(new OutgoingCalls(port, store, address.get(), transport, () -> accounts.agent(port)));
    }

    /** The device's WAN address: its SIP accounts listen there once it is up. Without one it runs no SIP. */
    public void network(InetAddress wanAddress) {
        network(wanAddress, java.util.List.of());
    }

    /**
     * The same, on a network whose DHCP offers these DNS servers (the device's preferred or static
     * DNS settings override them); none means the host's resolvers.
     */
    public void network(InetAddress wanAddress, java.util.List<java.net.InetSocketAddress> offeredDns) {
        scheduler.execute(() -> {
            accounts.address(wanAddress);
            accounts.offeredDns(offeredDns);
        });
    }

    /** A service provider's lock: the reset button then only restarts the device (HT813 manual). */
    public void providerLocked(boolean locked) {
        providerLocked = locked;
    }

    private DeviceStatus.Features featuresOf(int port) {
        if (!fxsLines.containsKey(port)) {
            return DeviceStatus.Features.NONE;
        }
        dev.ataemu.core.feature.FeatureParameters p = dev.ataemu.core.feature.FeatureParameters.of(port);
        return new DeviceStatus.Features(store.getIntOr(p.doNotDisturb(), 0) == 1, store.getOrEmpty(p.forwardAll()),
                store.getOrEmpty(p.forwardBusy()), store.getOrEmpty(p.forwardNoAnswer()));
    }

    private DeviceStatus.Line lineOf(int port) {
        FxsLine line = fxsLines.get(port);
        if (line == null) {
            boolean inUse = pstn.map(p -> p.port().hookState() == HookState.OFF_HOOK).orElse(false);
            return inUse ? new DeviceStatus.Line("connected", false, false) : DeviceStatus.Line.IDLE;
        }
        return new DeviceStatus.Line(line.state().name().toLowerCase(java.util.Locale.ROOT), line.hasHeldCall(),
                line.inConference());
    }

    public DeviceStatus status() {
        List<DeviceStatus.Port> ports = model.ports().stream()
                .map(p -> new DeviceStatus.Port(p.index(), p.type(), p.label(), hookOf(p.index()),
                        registrations.get(p.index()), featuresOf(p.index()), lineOf(p.index())))
                .toList();
        Map<String, LedState> leds = new LinkedHashMap<>();
        panel.all().forEach(led -> leds.put(led.id(), led.state()));
        return new DeviceStatus(model.id(), mac, firmware.versions(), power, uptimeSeconds(), ports, leds);
    }

    // --- what the device does -----------------------------------------------------------------

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

    /** How long writing a new image to flash takes, the LEDs showing it, before the device reboots into it. */
    static final java.time.Duration FLASHING = java.time.Duration.ofSeconds(10);

    /**
     * A firmware upgrade with a checked image: refused at once when it is for another model; else
     * the image is written (the LEDs show it, FLASHING long), then the device reboots into it and
     * shows its versions. A damaged image never gets here: {@link FirmwareImage#decode} refuses it.
     */
    public void upgrade(FirmwareImage image) {
        upgrade(image, reason -> { });
    }

    /**
     * The same; when the image cannot be written (a full or failing disk) the device goes on with the
     * firmware it runs, and {@code failed} hears why. A power cut while it is written keeps the old
     * image too (BOOT-18).
     */
    public void upgrade(FirmwareImage image, Consumer<String> failed) {
        if (!image.model().equals(model.id())) {
            throw new IllegalArgumentException("the image is for an " + image.model() + ", not an " + model.id());
        }
        scheduler.execute(() -> {
            LOG.info("{} {} upgrading to {}", model.id(), mac, image.versions());
            panel.booting();
            events.publish(new DeviceEvent.Power(PowerState.BOOTING));
            flashing = scheduler.schedule(FLASHING, () -> {
                flashing = null;
                try {
                    firmware.install(image);
                } catch (java.io.UncheckedIOException notWritten) {
                    LOG.warn("{} {} firmware {} not written: {}", model.id(), mac, image.program(), notWritten.getMessage());
                    syslog.warning("Firmware " + image.program() + " could not be written: " + notWritten.getMessage());
                    panel.ready(this::activity);
                    events.publish(new DeviceEvent.Power(power));
                    failed.accept(notWritten.getMessage());
                    return;
                }
                shutDown();
                boot();
            });
        });
    }

    /** The firmware versions the device runs. */
    public java.util.Map<String, String> firmware() {
        return firmware.versions();
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

    /** The voice menu {@code ***} opens on every FXS port; main wires the one {@code ata-ivr} speaks. */
    public void voiceMenu(dev.ataemu.core.menu.VoiceMenu menu) {
        scheduler.execute(() -> fxsLines.values().forEach(line -> line.voiceMenu(menu, new MenuFacts())));
    }

    /** What the voice menu reads of this device and may make it do. */
    private final class MenuFacts implements dev.ataemu.core.menu.MenuDevice {
        @Override
        public MacAddress mac() {
            return mac;
        }

        @Override
        public String programVersion() {
            return firmware.versions().getOrDefault("Program", model.programVersion());
        }

        @Override
        public Optional<InetAddress> wanAddress() {
            return accounts.address();
        }

        @Override
        public List<java.net.InetSocketAddress> offeredDns() {
            return accounts.offeredDns();
        }

        @Override
        public boolean providerLocked() {
            return providerLocked;
        }

        @Override
        public boolean refusesCallsUnregistered(int port) {
            dev.ataemu.core.account.AccountParameters account = dev.ataemu.core.account.AccountParameters.of(model.id(), port);
            boolean mustRegister = store.getIntOr(account.active(), 1) == 1 && store.getIntOr(account.register(), 1) == 1
                    && !store.getOrEmpty(account.server()).isBlank();
            return mustRegister && registrations.get(port) != RegistrationState.REGISTERED
                    && store.getIntOr(dev.ataemu.core.call.CallParameters.of(port).callWithoutRegistration(), 1) == 0;
        }

        @Override
        public void reboot() {
            Device.this.reboot();
        }

        @Override
        public void factoryReset() {
            // The menu's reset comes 15 s after the code: a device switched off meanwhile stays off, untouched.
            if (power == PowerState.READY) {
                Device.this.factoryReset(ResetType.FULL);
            }
        }
    }

    /** An incoming call for an FXS port (the SIP side, or a test): rings the phone with this caller ID. */
    public void ring(int port, CallerId callerId) {
        FxsLine line = fxsLine(port);
        scheduler.execute(() -> {
            if (power == PowerState.READY) {
                line.ring(callerId, LineCall.NONE);
            }
        });
    }

    /** A second call while the phone is in one: the call-waiting alert with caller ID. */
    public void callWaiting(int port, CallerId callerId) {
        FxsLine line = fxsLine(port);
        scheduler.execute(() -> line.callWaiting(callerId));
    }

    /** Voicemail waiting (or not) for a port's account. */
    public void messageWaiting(int port, boolean waiting) {
        FxsLine line = fxsLine(port);
        scheduler.execute(() -> line.messageWaiting(waiting));
    }

    /** A port's SIP account registered or lost its registration. */
    public void registrationChanged(int port, RegistrationState state) {
        model.port(port);
        scheduler.execute(() -> {
            RegistrationState before = registrations.put(port, state);
            if (before != state) {
                syslog.info("Account " + port + (state == RegistrationState.REGISTERED ? " registered"
                        : " is not registered"));
                events.publish(new DeviceEvent.Registration(port, state));
                showPortLed(port);
                if (fxsLines.containsKey(port) && pstn.isPresent()) {
                    registrationLost = before == RegistrationState.REGISTERED && power == PowerState.READY;
                    connectPhones();
                }
            }
        });
    }

    /** Listeners hear every power state the device enters, on the device's scheduler. */
    public void onPowerChange(Consumer<PowerState> listener) {
        events.subscribe(event -> {
            if (event instanceof DeviceEvent.Power changed) {
                listener.accept(changed.state());
            }
        });
    }

    // --- inside -------------------------------------------------------------------------------

    private void boot() {
        if (power != PowerState.OFF) {
            return;
        }
        poweredAtMillis = scheduler.millis();
        // What was saved to take effect "on next reboot" (an HT502 Update, WEB-14) does so now.
        store.takeEffect();
        panel.booting();
        enter(PowerState.BOOTING);
        bootTimer = scheduler.schedule(model.bootTime(), this::finishBoot);
    }

    private void finishBoot() {
        bootTimer = null;
        enter(PowerState.READY);
        connectPhones();
        panel.ready(this::activity);
        syslog.info(model.id() + " firmware " + firmware.versions().getOrDefault("Program", model.programVersion())
                + " is up");
        if (accounts.address().isPresent()) {
            syslog.info("Ethernet link is up");
            synchronizeClock();
        }
        // The configuration from the server comes before the accounts register with what it set.
        provisioner.atBoot(() -> {
            if (power == PowerState.READY) {
                accounts.start();
            }
        });
        LOG.info("{} {} ready, firmware {}", model.id(), mac, firmware.versions());
    }

    private void shutDown() {
        if (power == PowerState.OFF) {
            return;
        }
        if (bootTimer != null) {
            bootTimer.cancel();
            bootTimer = null;
        }
        if (flashing != null) {
            flashing.cancel();
            flashing = null;
        }
        provisioner.stop();
        if (ntpTimer != null) {
            ntpTimer.cancel();
            ntpTimer = null;
        }
        accounts.stop();
        fxsLines.values().forEach(FxsLine::onHook);
        fxsPorts.values().forEach(FxsPort::stopRinging);
        registrations.replaceAll((index, state) -> RegistrationState.NOT_REGISTERED);
        registrationLost = false;
        panel.dark();
        enter(PowerState.OFF);
        connectPhones();
    }

    // Who the phone and the PSTN line are wired to: the ports while the firmware runs, else (HT813
    // life-line) each other, or nothing.
    private void connectPhones() {
        boolean running = power == PowerState.READY;
        pstn.ifPresent(p -> {
            boolean phoneFree = fxsLines.values().stream().allMatch(line -> line.state() == LineState.IDLE)
                    || p.relay().bypass();
            boolean lineFree = p.port().lineConnected() && phoneFree;
            p.relay().set(Lifeline.bypass(store, power, registrationLost && running, lineFree));
        });
        boolean bypass = pstn.map(p -> p.relay().bypass()).orElse(false);
        handsets.forEach((index, handset) -> {
            boolean toPstn = bypass && index == 1;
            if (running && !toPstn) {
                fxsPorts.get(index).plug(handset);
            } else {
                fxsPorts.get(index).unplug();
                handset.unplug();
            }
        });
        pstn.ifPresent(p -> {
            if (bypass) {
                p.office().connect(handsets.get(1));
            } else {
                p.office().connect(p.port());
            }
        });
    }

    private void enter(PowerState next) {
        power = next;
        events.publish(new DeviceEvent.Power(next));
    }

    private HookState hookOf(int port) {
        if (fxsLines.containsKey(port)) {
            return fxsLines.get(port).hook();
        }
        return pstn.map(p -> p.port().hookState()).orElse(HookState.ON_HOOK);
    }

    private PortLedStyle.PortActivity activity(int port) {
        boolean registered = registrations.get(port) == RegistrationState.REGISTERED;
        FxsLine line = fxsLines.get(port);
        if (line != null) {
            return new PortLedStyle.PortActivity(registered, line.busy(), line.messageWaiting());
        }
        boolean busy = pstn.map(p -> p.port().hookState() == HookState.OFF_HOOK || p.line().bridged()).orElse(false);
        return new PortLedStyle.PortActivity(registered, busy, false);
    }

    private void showPortLed(int port) {
        if (power == PowerState.READY) {
            panel.showPort(port, activity(port));
        }
    }

    private void lineChanged(FxsLine line) {
        if (registrationLost && line.state() == LineState.IDLE) {
            // A failover to the PSTN waits for the phone to leave its VoIP call.
            connectPhones();
        }
        publishHook(line.index(), line.hook());
        events.publish(new DeviceEvent.Line(line.index(), line.state(), line.dialed()));
        callSyslog.follow(line);
        showPortLed(line.index());
    }

    private void fxoChanged(int index) {
        publishHook(index, hookOf(index));
        showPortLed(index);
    }

    private void publishHook(int port, HookState hook) {
        if (lastHooks.put(port, hook) != hook) {
            events.publish(new DeviceEvent.Hook(port, hook));
        }
    }

    /** Asks the NTP server (P30) now, and again every NTP_INTERVAL while the device runs. */
    private void synchronizeClock() {
        dev.ataemu.core.clock.NtpSync.sync(store.getOrEmpty(NTP_SERVER), wallClock, scheduler);
        ntpTimer = scheduler.schedule(NTP_INTERVAL, () -> {
            if (power == PowerState.READY) {
                synchronizeClock();
            }
        });
    }

    /** The device's wall clock: the host's time corrected by NTP, in the device's time zone (TIME-07). */
    public java.time.Clock wallClock() {
        return wallClock;
    }

    private void settingsChanged(ChangeSet changes) {
        LOG.info("{} {} P-values changed: {}{}", model.id(), mac, changes.changes().keySet(),
                changes.rebootRequired() ? " (reboot required)" : "");
        if (dev.ataemu.core.clock.TimeZoneSetting.touches(changes.changes().keySet())) {
            wallClock.rules(dev.ataemu.core.clock.TimeZoneSetting.rules(store));
        }
        scheduler.execute(() -> {
            fxsLines.values().forEach(FxsLine::applySettings);
            pstn.ifPresent(p -> p.line().applySettings());
            connectPhones();
            model.ports().forEach(port -> showPortLed(port.index()));
            if (power == PowerState.READY) {
                accounts.settingsChanged(changes);
            }
        });
    }

    private String noFxsPort(int port) {
        return model.ports().stream().anyMatch(p -> p.index() == port)
                ? "port " + port + " of the " + model.id() + " is its " + model.port(port).type() + " port, not an FXS port"
                : "the " + model.id() + " has no port " + port;
    }

    /** The reset button's outcomes, per model: factory reset after 7 s, a reboot or nothing for less. */
    private final class ResetButtonHandling implements ResetButton.Listener {
        @Override
        public void heldLongEnough() {
            if (power != PowerState.OFF) {
                panel.confirmReset();
            }
        }

        @Override
        public void released(Duration held) {
            if (power == PowerState.OFF) {
                return;
            }
            if (held.compareTo(ResetButton.FACTORY_RESET_PRESS) >= 0) {
                if (providerLocked) {
                    LOG.info("{} {} reset button: provider-locked, restarting only", model.id(), mac);
                    reboot();
                } else {
                    LOG.info("{} {} reset button held {} ms: factory reset", model.id(), mac, held.toMillis());
                    factoryReset(ResetType.FULL);
                }
            } else if (model.resetButton().shortPressReboots()) {
                reboot();
            }
        }
    }

    /** Turns what a simulated handset does into device events. */
    private final class HandsetEvents implements VirtualHandset.Listener {
        private final int port;

        HandsetEvents(int port) {
            this.port = port;
        }

        @Override
        public void ringing(boolean on) {
            events.publish(new DeviceEvent.Ring(port, on));
        }

        @Override
        public void callerId(DisplayedCallerId shown) {
            events.publish(new DeviceEvent.CallerIdShown(port, shown));
        }

        @Override
        public void messageWaitingLamp(boolean on) {
            events.publish(new DeviceEvent.MessageWaitingLamp(port, on));
        }
    }
}
