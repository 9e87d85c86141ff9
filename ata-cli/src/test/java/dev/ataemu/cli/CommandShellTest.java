package dev.ataemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.cli.shell.CommandShell;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command shell's commands, typed a line at a time. */
class CommandShellTest {

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final StringBuilder screen = new StringBuilder();

    private CommandShell shell(Device device) {
        CommandShell shell = new CommandShell(device, screen::append);
        shell.start();
        return shell;
    }

    private String type(CommandShell shell, String... lines) {
        screen.setLength(0);
        for (String line : lines) {
            shell.line(line);
        }
        return screen.toString();
    }

    @Test
    @DisplayName("MGMT-05 the configurator's sequence: config, set by number, commit, exit, reboot; the values run "
            + "after the reboot")
    void configuratorSequence() {
        Device device = ShellDevices.booted(dataDir, DeviceModels.HT813, scheduler);
        CommandShell shell = shell(device);
        assertThat(screen.toString()).startsWith("Grandstream HT813 Command Shell Copyright 2006-").endsWith("GS> ");

        String said = type(shell, "config", "set 196 enduser1", "set 276 0", "set 64 EST5EDT", "set 2 n3wAdmin",
                "set 47 pbx.example.net", "set 35 1001", "set 34 s3cret", "set 850 101", "commit");
        assertThat(said).contains("CONFIG> ", "Changes are commited.").doesNotContain("Invalid", "No such");
        assertThat(device.store().saved(47)).isEqualTo("pbx.example.net");
        assertThat(device.store().get(47)).as("from the next boot").isEmpty();
        assertThat(type(shell, "get 47")).contains("47 = pbx.example.net");

        assertThat(type(shell, "exit")).endsWith("GS> ");
        assertThat(shell.line("reboot")).isFalse();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(device.power()).isEqualTo(PowerState.READY);
        assertThat(device.store().get(47)).isEqualTo("pbx.example.net");
        assertThat(device.store().get(2)).isEqualTo("n3wAdmin");
    }

    @Test
    @DisplayName("MGMT-05 SEC-06 bad input is told and changes nothing: an unknown setting, an invalid value, a "
            + "bad address, an unknown command")
    void badInput() {
        Device device = ShellDevices.booted(dataDir, DeviceModels.HT502, scheduler);
        CommandShell shell = shell(device);
        String said = type(shell, "config", "set 99999 x", "set 85 many", "set ip 10.0.0", "frobnicate", "commit");
        assertThat(said).contains("No such setting '99999'", "Invalid value for P85", "Invalid address",
                "Unknown command 'frobnicate'");
        assertThat(device.store().changedFromDefaults()).isEmpty();
        assertThat(type(shell, "exit", "explode")).contains("Unknown command 'explode'");
    }

    @Test
    @DisplayName("MGMT-05 the WAN shortcuts: set ip <address> switches to static IP with those octets, get ip reads it, "
            + "set ip dhcp back")
    void ipShortcuts() {
        Device device = ShellDevices.booted(dataDir, DeviceModels.HT813, scheduler);
        CommandShell shell = shell(device);
        type(shell, "config", "set ip 192.168.5.20", "set netmask 255.255.255.0", "set gw 192.168.5.1", "commit");
        assertThat(device.store().saved(8)).isEqualTo("1");
        assertThat(List.of(device.store().saved(9), device.store().saved(12))).containsExactly("192", "20");
        assertThat(type(shell, "get ip", "get gw")).contains("IP: 192.168.5.20", "Gateway: 192.168.5.1");
        type(shell, "set ip dhcp", "commit");
        assertThat(type(shell, "get ip")).contains("IP: DHCP");
    }

    @Test
    @DisplayName("RST-05 MGMT-06 reset 2 asks first: N keeps everything, y restores the VoIP data and reboots")
    void resetAsks() {
        Device device = ShellDevices.booted(dataDir, DeviceModels.HT813, scheduler);
        device.store().apply(java.util.Map.of("P47", "pbx.example.net", "P64", "EST5EDT"));
        CommandShell shell = shell(device);
        assertThat(type(shell, "reset 2")).endsWith("Do you want to continue (y/N)? ");
        assertThat(type(shell, "N")).contains("Reset cancelled.").endsWith("GS> ");
        assertThat(device.store().get(47)).isEqualTo("pbx.example.net");
        type(shell, "reset 2");
        assertThat(shell.line("y")).isFalse();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(device.store().get(47)).isEmpty();
        assertThat(device.store().get(64)).as("ISP data stays").isEqualTo("EST5EDT");
    }

    @Test
    @DisplayName("MGMT-04 status prints the model, MAC, network, versions and each port's hook and registration")
    void status() {
        Device device = ShellDevices.booted(dataDir, DeviceModels.HT502, scheduler);
        String said = type(shell(device), "status");
        assertThat(said).contains("Product Model: HT502", "MAC Address: " + device.mac().colon().toUpperCase(),
                "IPv4 Address --", "Program -- 1.0.16.2", "Port 1: On Hook Not Registered", "Port 2: On Hook",
                "System uptime: 0:00");
    }

    @Test
    @DisplayName("PROV-01 PROV-02 the UPGRADE level sets the protocol (P212) and server (P192) and shows them")
    void upgradeLevel() {
        Device device = ShellDevices.booted(dataDir, DeviceModels.HT813, scheduler);
        CommandShell shell = shell(device);
        assertThat(type(shell, "upgrade")).contains("Upgrade protocol: HTTPS", "UPGRADE> ");
        String said = type(shell, "set HTTP", "set URL 10.0.0.9/fw", "commit");
        assertThat(said).contains("Upgrade protocol: HTTP", "Upgrade server URL: 10.0.0.9/fw", "Changes are commited.");
        assertThat(device.store().saved(212)).isEqualTo("1");
        assertThat(device.store().saved(192)).isEqualTo("10.0.0.9/fw");
    }
}
