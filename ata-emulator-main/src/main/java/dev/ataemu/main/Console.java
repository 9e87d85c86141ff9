package dev.ataemu.main;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceEvent;
import dev.ataemu.core.device.DeviceStatus;
import dev.ataemu.hal.led.Led;
import dev.ataemu.hal.led.LedState;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.hal.sim.VirtualHandset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The emulator's console on standard input: a person's hands on the virtual hardware, one command a
 * line ({@code offhook 1}, {@code dial 1 ***}, {@code status}, {@code help}). A wrong command gets a
 * line that says why and changes nothing.
 */
final class Console {

    static final String HELP = String.join("\n",
            "commands:",
            "  offhook N | onhook N          lift or hang up the handset on port N",
            "  dial N KEYS [ON OFF]          press keys (0-9 * # A-D) on port N, ON/OFF ms (default 100/100)",
            "  flash N [MS]                  hook flash on port N (default 500 ms)",
            "  echo N DB [MS]                port N's line echoes DB dB down, MS ms late (default 4); 0 dB: none",
            "  handset N                     what the handset on port N shows",
            "  status                        model, MAC, power, uptime, ports",
            "  leds                          the front-panel LEDs",
            "  reset MS                      hold the reset button for MS milliseconds (7000 = factory reset)",
            "  power on|off | reboot",
            "  pstn ring NUMBER [NAME]       an incoming PSTN call (HT813)",
            "  pstn hangup | pstn            the PSTN party hangs up | the line's state",
            "  events on|off                 print device events as they happen",
            "  help");

    private static final Pattern KEYS = Pattern.compile("[0-9*#A-Da-d]{1,64}");
    private static final Pattern NUMBER = Pattern.compile("[0-9*#+]{0,32}");

    private final Device device;
    private final PrintWriter out;
    private Runnable eventsOff;

    Console(Device device, PrintWriter out) {
        this.device = device;
        this.out = out;
    }

    /** Reads commands until the input ends. */
    void run(BufferedReader in) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                execute(line);
            }
        } catch (IOException e) {
            out.println("console: input closed (" + e.getMessage() + ")");
        }
    }

    void execute(String line) {
        List<String> words = Arrays.stream(line.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return;
        }
        try {
            out.println(run(words.get(0).toLowerCase(Locale.ROOT), words.subList(1, words.size())));
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
        }
        out.flush();
    }

    private String run(String command, List<String> args) {
        return switch (command) {
            case "help", "?" -> HELP;
            case "offhook" -> {
                handset(args, 1).offHook();
                yield "port " + args.get(0) + " off hook";
            }
            case "onhook" -> {
                handset(args, 1).onHook();
                yield "port " + args.get(0) + " on hook";
            }
            case "dial" -> dial(args);
            case "flash" -> {
                VirtualHandset handset = handset(args, 1, 2);
                int ms = args.size() > 1 ? number(args.get(1), 10, 10_000, "flash ms") : 500;
                handset.flash(ms);
                yield "port " + args.get(0) + " flash " + ms + " ms";
            }
            case "echo" -> {
                VirtualHandset handset = handset(args, 2, 3);
                int db = number(args.get(1), 0, 60, "return loss dB");
                int ms = args.size() > 2 ? number(args.get(2), 0, 1000, "echo delay ms") : 4;
                handset.echo(db, ms);
                yield "port " + args.get(0) + (db == 0 ? " echo off" : " echo " + db + " dB down, " + ms + " ms late");
            }
            case "handset" -> describe(handset(args, 1), args.get(0));
            case "status" -> status();
            case "leds" -> leds();
            case "reset" -> {
                expect(args, 1, 1);
                int ms = number(args.get(0), 1, 60_000, "press ms");
                device.scheduler().execute(() -> device.resetButton().pressFor(Duration.ofMillis(ms)));
                yield "reset button held " + ms + " ms";
            }
            case "power" -> power(args);
            case "reboot" -> {
                expect(args, 0, 0);
                device.reboot();
                yield "rebooting";
            }
            case "pstn" -> pstn(args);
            case "events" -> events(args);
            default -> throw new IllegalArgumentException("unknown command '" + command + "' (try help)");
        };
    }

    private String dial(List<String> args) {
        VirtualHandset handset = handset(args, 2, 4);
        String keys = args.get(1);
        if (!KEYS.matcher(keys).matches()) {
            throw new IllegalArgumentException("keys are 1 to 64 of 0-9 * # A-D, not '" + keys + "'");
        }
        int on = args.size() > 2 ? number(args.get(2), 20, 5_000, "on ms") : VirtualHandset.DEFAULT_KEY_ON_MS;
        int off = args.size() > 3 ? number(args.get(3), 20, 5_000, "off ms") : VirtualHandset.DEFAULT_KEY_OFF_MS;
        handset.press(keys.toUpperCase(Locale.ROOT), on, off);
        return "port " + args.get(0) + " keys " + keys.toUpperCase(Locale.ROOT);
    }

    private String power(List<String> args) {
        expect(args, 1, 1);
        switch (args.get(0)) {
            case "on" -> device.powerOn();
            case "off" -> device.powerOff();
            default -> throw new IllegalArgumentException("power takes on or off, not '" + args.get(0) + "'");
        }
        return "power " + args.get(0);
    }

    private String pstn(List<String> args) {
        var line = device.pstnLine().orElseThrow(() ->
                new IllegalArgumentException("the " + device.model().id() + " has no PSTN line"));
        if (args.isEmpty()) {
            return "pstn " + line.state().name().toLowerCase(Locale.ROOT) + " dialed '" + line.dialed() + "'";
        }
        return switch (args.get(0)) {
            case "ring" -> {
                String number = args.size() > 1 ? args.get(1) : "";
                if (!NUMBER.matcher(number).matches()) {
                    throw new IllegalArgumentException("a PSTN number is up to 32 of 0-9 * # +, not '" + number + "'");
                }
                String name = String.join(" ", args.subList(Math.min(2, args.size()), args.size()));
                if (name.length() > 32) {
                    throw new IllegalArgumentException("a caller name is at most 32 characters");
                }
                if (!line.ring(number, name)) {
                    throw new IllegalArgumentException("the PSTN line is busy");
                }
                yield "pstn ringing from " + (number.isEmpty() ? "(no number)" : number);
            }
            case "hangup" -> {
                line.hangUp();
                yield "pstn hung up";
            }
            default -> throw new IllegalArgumentException("pstn takes ring NUMBER [NAME] or hangup");
        };
    }

    private String events(List<String> args) {
        expect(args, 1, 1);
        if (eventsOff != null) {
            eventsOff.run();
            eventsOff = null;
        }
        switch (args.get(0)) {
            case "on" -> eventsOff = device.events().subscribe(this::print);
            case "off" -> { }
            default -> throw new IllegalArgumentException("events takes on or off");
        }
        return "events " + args.get(0);
    }

    private void print(DeviceEvent event) {
        out.println("event: " + event);
        out.flush();
    }

    private String status() {
        DeviceStatus status = device.status();
        String ports = status.ports().stream()
                .map(p -> "  port " + p.index() + " " + p.label() + ": " + p.hook().statusText() + ", "
                        + p.registration().statusText()
                        + (p.type() == dev.ataemu.hal.port.PortType.FXS ? ", " + lower(device.fxsLine(p.index()).state().name()) : ""))
                .collect(Collectors.joining("\n"));
        return status.model() + " " + status.mac() + " firmware " + status.firmware().values().iterator().next()
                + ", " + lower(status.power().name()) + ", up " + status.uptimeSeconds() + " s\n" + ports;
    }

    private String leds() {
        return device.leds().stream().map(Console::led).collect(Collectors.joining("  "));
    }

    private static String led(Led led) {
        LedState state = led.state();
        String shown = state instanceof LedState.Blink blink ? "blink " + blink.onMs() + "/" + blink.offMs()
                : state instanceof LedState.On ? "on" : "off";
        return led.id() + "=" + shown;
    }

    private static String describe(VirtualHandset handset, String port) {
        return "port " + port + ": " + (handset.hook() == HookState.OFF_HOOK ? "off hook" : "on hook")
                + (handset.ringing() ? ", ringing" : "")
                + ", rings heard " + handset.ringsHeard()
                + handset.callerId().map(shown -> ", caller ID " + shown.callerId().number().orElse("(none)") + " "
                        + shown.callerId().name().orElse("") + " " + shown.callerId().dateTime().map(d -> d.wire()).orElse(""))
                        .orElse("")
                + (handset.messageWaitingLamp() ? ", message waiting" : "");
    }

    private VirtualHandset handset(List<String> args, int min) {
        return handset(args, min, min);
    }

    private VirtualHandset handset(List<String> args, int min, int max) {
        expect(args, min, max);
        return device.handset(number(args.get(0), 1, 2, "port"));
    }

    private static void expect(List<String> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw new IllegalArgumentException("wrong number of arguments (try help)");
        }
    }

    private static int number(String text, int min, int max, String what) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be from " + min + " to " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, not '" + text + "'");
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
