package dev.ataemu.core.account;

import dev.ataemu.core.config.ChangeSet;
import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.sip.account.AccountSettings;
import dev.ataemu.sip.ua.RegistrationState;
import dev.ataemu.sip.ua.UserAgent;
import dev.ataemu.time.Scheduler;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.sip.SipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP accounts of a device, one user agent per port, started when the device is up and stopped
 * when it goes down. A change to a port's account P-values restarts that account. Runs on the
 * device's scheduler; stopping a jain-sip stack takes a second, so that happens on a thread of its own.
 */
public final class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

    private final DeviceModel model;
    private final String macText;
    private final ParameterStore store;
    private final Scheduler scheduler;
    private final BiConsumer<Integer, RegistrationState> registrations;
    private final Map<Integer, UserAgent> agents = new LinkedHashMap<>();
    private final java.util.function.BiFunction<Integer, InetAddress, dev.ataemu.sip.call.CallHandler> calls;
    private final BiConsumer<Integer, Boolean> messageWaiting;
    private final java.util.function.Consumer<dev.ataemu.sip.ua.ControlEvent> control;
    private InetAddress address;
    private java.util.List<java.net.InetSocketAddress> offeredDns = java.util.List.of();

    /**
     * @param registrations  hears each port's registration state
     * @param calls          the handler of a port's incoming calls, on the given address
     * @param messageWaiting hears a port's voicemail indication (message-summary NOTIFY)
     * @param control        hears the accepted provisioning NOTIFYs (check-sync, resync, reboot)
     */
    private java.util.function.Supplier<String> program;

    /** The Program version the User-Agent names: the running firmware's (an upgrade changes it). */
    public void program(java.util.function.Supplier<String> running) {
        program = running;
    }

    public Accounts(DeviceModel model, String macText, ParameterStore store, Scheduler scheduler,
            BiConsumer<Integer, RegistrationState> registrations,
            java.util.function.BiFunction<Integer, InetAddress, dev.ataemu.sip.call.CallHandler> calls,
            BiConsumer<Integer, Boolean> messageWaiting,
            java.util.function.Consumer<dev.ataemu.sip.ua.ControlEvent> control) {
        this.calls = calls;
        this.messageWaiting = messageWaiting;
        this.control = control;
        this.model = model;
        this.program = model::programVersion;
        this.macText = macText;
        this.store = store;
        this.scheduler = scheduler;
        this.registrations = registrations;
    }

    /** The address the user agents listen on (the device's WAN address); none means no SIP at all. */
    public void address(InetAddress wanAddress) {
        address = wanAddress;
    }

    /** The DNS servers the network offers (a DHCP lease's); the device's own settings may override them. */
    public void offeredDns(java.util.List<java.net.InetSocketAddress> servers) {
        offeredDns = java.util.List.copyOf(servers);
    }

    public java.util.List<java.net.InetSocketAddress> offeredDns() {
        return offeredDns;
    }

    private volatile dev.ataemu.sip.stack.SipMessageLog.Listener messageLog;

    /** Hears every SIP message of the accounts started from now on (the syslog's SIP log). */
    public void messageLog(dev.ataemu.sip.stack.SipMessageLog.Listener listener) {
        messageLog = listener;
    }

    /** The running user agent of a port's account, if any. */
    public java.util.Optional<UserAgent> agent(int port) {
        return java.util.Optional.ofNullable(agents.get(port));
    }

    public java.util.Optional<InetAddress> address() {
        return java.util.Optional.ofNullable(address);
    }

    /** A port whose SIP port is still bound is tried again for this long in all. */
    private static final int BIND_ATTEMPTS = 10;
    private static final java.time.Duration BIND_RETRY = java.time.Duration.ofMillis(500);
    /** Counts the stops, so that a retry meant for one boot does nothing in the next. */
    private int generation;

    public void start() {
        if (address == null) {
            return;
        }
        model.ports().forEach(port -> startPort(port.index()));
    }

    public void stop() {
        generation++;
        List<UserAgent> stopping = List.copyOf(agents.values());
        agents.clear();
        if (!stopping.isEmpty()) {
            Thread closer = new Thread(() -> stopping.forEach(UserAgent::close), "sip-stop");
            closer.setDaemon(true);
            closer.start();
        }
    }

    public void settingsChanged(ChangeSet changes) {
        if (address == null || agents.isEmpty() && changes.isEmpty()) {
            return;
        }
        model.ports().forEach(port -> {
            if (AccountSettingsReader.touches(changes, port.index()) && agents.containsKey(port.index())) {
                UserAgent old = agents.remove(port.index());
                registrations.accept(port.index(), RegistrationState.IDLE);
                Thread closer = new Thread(() -> {
                    old.close();
                    scheduler.execute(() -> startPort(port.index()));
                }, "sip-restart");
                closer.setDaemon(true);
                closer.start();
            }
        });
    }

    private void startPort(int port) {
        startPort(port, 1);
    }

    private void startPort(int port, int attempt) {
        String userAgent = "Grandstream " + model.id() + " " + program.get();
        AccountSettings settings = AccountSettingsReader.read(store, port, userAgent, DnsServers.of(store, offeredDns));
        if (!settings.active()) {
            return;
        }
        try {
            UserAgent agent = new UserAgent(model.id() + "-" + macText + "-" + port, address, settings, scheduler,
                    (state, reason) -> {
                        // A binding holds while its refresh is under way: the status, the LED and the
                        // life-line change on the refresh's outcome, not at each renewal.
                        if (state != RegistrationState.REGISTERING) {
                            registrations.accept(port, state);
                        }
                    });
            agents.put(port, agent);
            dev.ataemu.sip.stack.SipMessageLog.Listener log = messageLog;
            if (log != null) {
                agent.onMessage(log);
            }
            agent.onCall(calls.apply(port, address));
            agent.onMessageWaiting(summary -> messageWaiting.accept(port, summary.waiting()));
            agent.onControl(control);
            agent.registration().start();
        } catch (SipException e) {
            if (attempt < BIND_ATTEMPTS && portStillBound(e)) {
                // The agent of the last boot may still be closing on its own thread, its port not yet free.
                int startedIn = generation;
                scheduler.schedule(BIND_RETRY, () -> {
                    if (generation == startedIn && !agents.containsKey(port)) {
                        startPort(port, attempt + 1);
                    }
                });
                return;
            }
            LOG.warn("port {}: {}", port, e.getMessage());
        }
    }

    private static boolean portStillBound(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException
                    || cause.getMessage() != null && cause.getMessage().contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
