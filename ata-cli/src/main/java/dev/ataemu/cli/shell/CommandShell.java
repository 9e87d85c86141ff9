package dev.ataemu.cli.shell;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.config.RejectedChangesException;
import dev.ataemu.core.config.ResetType;
import dev.ataemu.core.device.Device;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The device's command shell (INTERFACES 4, MGMT-*): {@code GS> }, with {@code config} ({@code CONFIG> }:
 * {@code set}, {@code get}, {@code unset}, {@code commit}) and {@code upgrade} ({@code UPGRADE> }), {@code status},
 * {@code reboot} and {@code reset 0|1|2} with its confirmation. Settings set are checked at once
 * and kept until {@code commit} saves them; like the real NVRAM they take effect at the next boot.
 * One shell per session, fed a line at a time by the SSH or Telnet server.
 */
public final class CommandShell {

    private enum Level {
        TOP("GS> "), CONFIG("CONFIG> "), UPGRADE("UPGRADE> ");

        final String prompt;

        Level(String prompt) {
            this.prompt = prompt;
        }
    }

    private final Device device;
    private final Consumer<String> out;
    private final Map<String, String> staged = new LinkedHashMap<>();
    private Level level = Level.TOP;
    /** A reset waiting for its "y". */
    private ResetType confirming;
    private boolean confirmingUpgrade;

    /** {@code out} receives text to send, line ends included. */
    public CommandShell(Device device, Consumer<String> out) {
        this.device = device;
        this.out = out;
    }

    /** The banner, then the first prompt. */
    public void start() {
        out.accept("Grandstream " + device.model().id() + " Command Shell Copyright 2006-"
                + java.time.Year.now(device.scheduler().clock()).getValue() + "\r\n");
        out.accept(level.prompt);
    }

    /** One line typed; false when the session should end. */
    public boolean line(String typed) {
        String input = typed.strip();
        boolean goOn = confirming != null || confirmingUpgrade ? confirm(input) : command(input);
        if (goOn) {
            out.accept(confirming != null || confirmingUpgrade ? "" : level.prompt);
        }
        return goOn;
    }

    private void say(String text) {
        out.accept(text + "\r\n");
    }

    private boolean command(String input) {
        if (input.isEmpty()) {
            return true;
        }
        String[] words = input.split("\\s+", 3);
        String verb = words[0].toLowerCase(Locale.ROOT);
        return switch (level) {
            case TOP -> top(verb, words);
            case CONFIG -> config(verb, words);
            case UPGRADE -> upgrade(verb, words);
        };
    }

    // --- GS> -------------------------------------------------------------------------------------

    private boolean top(String verb, String[] words) {
        switch (verb) {
            case "config" -> level = Level.CONFIG;
            case "upgrade" -> {
                level = Level.UPGRADE;
                upgradeSettings();
            }
            case "status" -> StatusReport.lines(device).forEach(this::say);
            case "reboot" -> {
                say("Rebooting...");
                device.reboot();
                return false;
            }
            case "reset" -> askReset(words);
            case "help" -> say("Commands: config, status, upgrade, reboot, reset 0|1|2, help, exit");
            case "exit", "quit", "logout" -> {
                return false;
            }
            default -> say("Unknown command '" + words[0] + "'. Type help for the commands.");
        }
        return true;
    }

    private void askReset(String[] words) {
        if (words.length < 2) {
            say("Usage: reset 0 (factory reset), 1 (ISP data), 2 (VoIP data)");
            return;
        }
        try {
            confirming = ResetType.fromCode(Integer.parseInt(words[1]));
        } catch (IllegalArgumentException e) {
            say("Usage: reset 0 (factory reset), 1 (ISP data), 2 (VoIP data)");
            return;
        }
        if (device.provisioning().running()) {
            confirming = null;
            say("Cannot reset during provision");
            return;
        }
        out.accept("Do you want to continue (y/N)? ");
    }

    private boolean confirm(String answer) {
        boolean yes = answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes");
        if (confirmingUpgrade) {
            confirmingUpgrade = false;
            if (yes) {
                say("Rebooting to upgrade...");
                device.reboot();
                return false;
            }
            say("Upgrade cancelled.");
            return true;
        }
        ResetType reset = confirming;
        confirming = null;
        if (!yes) {
            say("Reset cancelled.");
            return true;
        }
        say("Resetting...");
        device.factoryReset(reset);
        return false;
    }

    // --- CONFIG> ---------------------------------------------------------------------------------

    private boolean config(String verb, String[] words) {
        switch (verb) {
            case "set" -> {
                if (words.length < 2) {
                    say("Usage: set <P-value number> <value>, set ip dhcp|<address>, set netmask|gw <address>");
                } else {
                    set(words[1], words.length > 2 ? words[2] : "");
                }
            }
            case "get" -> {
                if (words.length < 2) {
                    say("Usage: get <P-value number>, get ip|netmask|gw");
                } else {
                    get(words[1]);
                }
            }
            case "unset" -> {
                if (words.length < 2) {
                    say("Usage: unset <P-value number>");
                } else {
                    number(words[1]).ifPresent(n -> stage(Map.of("P" + n, store().catalog().get(n).defaultValue())));
                }
            }
            case "commit" -> commit();
            case "help" -> say("Commands: set, get, unset, commit, exit");
            case "exit", "quit" -> level = Level.TOP;
            default -> say("Unknown command '" + words[0] + "'. Type help for the commands.");
        }
        return true;
    }

    private void set(String name, String value) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "ip" -> stage(value.equalsIgnoreCase("dhcp") ? Map.of("P8", "0") : withOctets(Map.of("P8", "1"), 9, value));
            case "netmask" -> stage(withOctets(Map.of(), 13, value));
            case "gw" -> stage(withOctets(Map.of(), 17, value));
            case "mac" -> say("The MAC address is set already.");
            default -> number(name).ifPresent(n -> stage(Map.of("P" + n, value)));
        }
    }

    private Map<String, String> withOctets(Map<String, String> more, int first, String address) {
        String[] parts = address.split("\\.");
        if (parts.length != 4 || !address.matches("[0-9.]+")) {
            say("Invalid address '" + address + "'");
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>(more);
        for (int i = 0; i < 4; i++) {
            values.put("P" + (first + i), parts[i]);
        }
        return values;
    }

    /** Checks the values now, so a typing error is told at once; keeps them for commit. */
    private void stage(Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        try {
            store().catalog().validate(values);
            staged.putAll(values);
        } catch (RejectedChangesException e) {
            e.problems().forEach(problem -> say("Invalid value for " + problem.key() + ": " + problem.reason()));
        }
    }

    private void get(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "ip" -> {
                String mode = value(8);
                say("IP: " + ("0".equals(mode) ? "DHCP" : "2".equals(mode) ? "PPPoE" : octets(9)));
            }
            case "netmask" -> say("Netmask: " + octets(13));
            case "gw" -> say("Gateway: " + octets(17));
            default -> number(name).ifPresent(n -> say(n + " = "
                    + (store().catalog().get(n).type() == dev.ataemu.core.config.ParameterType.PASSWORD ? "" : value(n))));
        }
    }

    private String octets(int first) {
        return value(first) + "." + value(first + 1) + "." + value(first + 2) + "." + value(first + 3);
    }

    /** What {@code get} shows: a value set and not yet committed, else the one kept. */
    private String value(int number) {
        return staged.getOrDefault("P" + number, store().saved(number));
    }

    private void commit() {
        if (staged.isEmpty()) {
            say("Changes are commited.");
            return;
        }
        try {
            store().save(staged);
            staged.clear();
            say("Changes are commited.");
        } catch (RejectedChangesException e) {
            e.problems().forEach(problem -> say("Not committed: " + problem.key() + ": " + problem.reason()));
        }
    }

    private java.util.Optional<Integer> number(String name) {
        String digits = name.toUpperCase(Locale.ROOT).startsWith("P") ? name.substring(1) : name;
        try {
            int n = Integer.parseInt(digits);
            if (store().catalog().find(n).isPresent()) {
                return java.util.Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // told below
        }
        say("No such setting '" + name + "' on the " + device.model().id());
        return java.util.Optional.empty();
    }

    // --- UPGRADE> --------------------------------------------------------------------------------

    private static final Map<String, String> PROTOCOLS = Map.of("TFTP", "0", "HTTP", "1", "HTTPS", "2", "FTP", "3", "FTPS", "4");

    private boolean upgrade(String verb, String[] words) {
        switch (verb) {
            case "set" -> {
                String what = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
                if (PROTOCOLS.containsKey(what)) {
                    stage(Map.of("P212", PROTOCOLS.get(what)));
                } else if (what.equals("URL") && words.length > 2) {
                    stage(Map.of("P192", words[2]));
                } else {
                    say("Usage: set TFTP|HTTP|HTTPS|FTP|FTPS, set URL <server>");
                }
                upgradeSettings();
            }
            case "commit" -> commit();
            case "upgrade", "upgradeboot" -> {
                say("You have chosen to upgrade the firmware.");
                confirmingUpgrade = true;
                out.accept("Do you want to continue (y/N)? ");
            }
            case "help" -> say("Commands: set TFTP|HTTP|HTTPS|FTP|FTPS, set URL <server>, commit, upgrade, exit");
            case "exit", "quit" -> level = Level.TOP;
            default -> say("Unknown command '" + words[0] + "'. Type help for the commands.");
        }
        return true;
    }

    private void upgradeSettings() {
        String protocol = value(212);
        String name = PROTOCOLS.entrySet().stream().filter(e -> e.getValue().equals(protocol)).map(Map.Entry::getKey)
                .findFirst().orElse(protocol);
        say("Upgrade protocol: " + name);
        say("Upgrade server URL: " + value(192));
    }

    private ParameterStore store() {
        return device.store();
    }
}
