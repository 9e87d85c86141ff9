package dev.ataemu.main;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.config.RejectedChangesException;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.MacAddress;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The command line of the emulator. */
@Command(name = "ata-emulator",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs a virtual Grandstream HT502 (two FXS ports) or HT813 (one FXS, one FXO port).",
            "It keeps its settings in the data directory, in a folder named by its MAC, and serves",
            "its web interface and the emulator API (/api/emulator/) on the HTTP port.",
            "Standard input is a console for the virtual hardware: type help.",
            ""
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "1:the emulator failed while running",
            "2:a command-line option or a --set value is wrong", "3:a port or the data directory cannot be used"})
public final class AtaEmulator implements Callable<Integer> {

    static final int EXIT_USAGE = 2;
    static final int EXIT_ENVIRONMENT = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "HT502|HT813", defaultValue = "HT502",
            converter = ModelConverter.class, description = "The model to emulate (default: ${DEFAULT-VALUE}).")
    DeviceModel model;

    @Option(names = "--mac", paramLabel = "000b82xxxxxx", converter = MacConverter.class,
            description = "The device MAC (default: generated once and kept in the data directory).")
    MacAddress mac;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./ata-data",
            description = "Where devices keep their settings (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--bind", paramLabel = "ADDRESS", converter = BindAddressConverter.class,
            description = "The device's WAN address (default: the host's primary IPv4 address).")
    InetAddress bind;

    @Option(names = "--lan-bind", paramLabel = "ADDRESS", converter = BindAddressConverter.class,
            description = {"The device's LAN-side address: its web pages answer there too, and on the WAN side",
                "(--bind) only when \"WAN side HTTP access\" (P190) allows."})
    InetAddress lanBind;

    @Option(names = "--dns", paramLabel = "IP[:PORT]", converter = DnsServerConverter.class,
            description = {"A DNS server the device's network offers, as a DHCP lease would (repeatable; port 53 by default).",
                "The device's own DNS settings (P21-P28, P92-P95) come first; without either the host's resolvers answer."})
    List<InetSocketAddress> dns = new ArrayList<>();

    @Option(names = "--http-port", paramLabel = "N",
            description = "The web port (default: the device's P901, 80 from the factory; 0 picks a free port).")
    Integer httpPort;

    @Option(names = "--ssh-port", paramLabel = "N",
            description = "The HT813's SSH port (default: its P27006, 22 from the factory; 0 picks a free port).")
    Integer sshPort;

    @Option(names = "--telnet-port", paramLabel = "N",
            description = "The Telnet port (default: the HT813's P28128, 23 on both models; 0 picks a free port).")
    Integer telnetPort;

    @Option(names = "--fleet", paramLabel = "N",
            description = {"Runs N devices of the model in this process: device i has MAC --mac + 2(i-1),",
                "the i-th address of --bind-range (else a block of 40 ports from 20000 on --bind), its own",
                "folder, and the --set values with $index, $ext (three digits) and $mac filled in.",
                "--bind and --http-port (default 8080) are then the fleet's API: /api/emulator/fleet."})
    Integer fleet;

    @Option(names = "--bind-range", paramLabel = "FIRST|@FILE",
            description = "With --fleet: consecutive IPv4 addresses from FIRST, or one per line from FILE.")
    String bindRange;

    @Option(names = "--set", paramLabel = "PNNN=VALUE",
            description = {"Sets a P-value at boot, as a provisioning file would, and keeps it.",
                "Repeatable: --set P47=pbx.example.com --set P35=1001"})
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--audio",
            description = "Connects port 1's handset to this host's speakers and microphone.")
    boolean audio;

    @Option(names = "--answer-after", paramLabel = "MS",
            description = {"The phones on the FXS ports answer by themselves after ringing MS milliseconds (0-600000)",
                "and hang up when the caller does: for load tests with nobody at the handsets."})
    Integer answerAfterMs;

    @Option(names = "--boot-time", paramLabel = "MS",
            description = {"How long each boot takes, power to ready, in milliseconds (0-300000); the model's own",
                "is 1500. Shorter for fast fleets and test runs, longer to see a PBX wait for real units."})
    Integer bootTimeMs;

    @Option(names = "--list-parameters",
            description = "Prints the model's P-values as TSV (P, label, type, default, range, level, page, port, reboot) and exits.")
    boolean listParameters;

    @Option(names = "--make-firmware", paramLabel = "VERSION",
            description = {"Writes a firmware image of the model with this Program version (e.g. 1.0.16.9) as",
                "<model>fw.bin in the current folder, for the web page's upload or a firmware server, and exits."})
    String makeFirmware;

    @Override
    public Integer call() {
        if (listParameters) {
            ParameterListing.print(ParameterCatalog.builtIn().forModel(model.id()), out());
            return 0;
        }
        if (makeFirmware != null) {
            return FirmwareMaker.write(model, makeFirmware, java.nio.file.Path.of("."), out(), err());
        }
        for (var port : java.util.Map.of("--http-port", java.util.Optional.ofNullable(httpPort),
                "--ssh-port", java.util.Optional.ofNullable(sshPort),
                "--telnet-port", java.util.Optional.ofNullable(telnetPort)).entrySet()) {
            if (port.getValue().filter(n -> n < 0 || n > 65535).isPresent()) {
                return usageError(port.getKey() + " " + port.getValue().get()
                        + " is not a port number from 1 to 65535 (or 0 for any free port)");
            }
        }
        if (answerAfterMs != null && (answerAfterMs < 0 || answerAfterMs > 600_000)) {
            return usageError("--answer-after " + answerAfterMs + " is not a time from 0 to 600000 ms");
        }
        if (bootTimeMs != null && (bootTimeMs < 0 || bootTimeMs > 300_000)) {
            return usageError("--boot-time " + bootTimeMs + " is not a time from 0 to 300000 ms");
        }
        DeviceModel booting = bootTimeMs == null ? model : model.withBootTime(java.time.Duration.ofMillis(bootTimeMs));
        MacAddress firstMac = mac != null ? mac : FleetPlan.DEFAULT_FIRST_MAC;
        Map<String, String> checked = new LinkedHashMap<>();
        // A fleet's values are checked as its first device gets them.
        settings.forEach((key, value) -> checked.put(key, fleet == null ? value : FleetPlan.expand(value, 1, firstMac)));
        try {
            ParameterCatalog.builtIn().forModel(model.id()).validate(checked);
        } catch (RejectedChangesException e) {
            e.problems().forEach(problem -> err().println("ata-emulator: --set " + problem));
            return EXIT_USAGE;
        }
        if (bindRange != null && fleet == null) {
            return usageError("--bind-range needs --fleet");
        }
        RunOptions options = new RunOptions(booting, Optional.ofNullable(mac), dataDir,
                bind != null ? bind : HostAddresses.primaryIpv4(), Optional.ofNullable(lanBind), Optional.ofNullable(httpPort),
                Optional.ofNullable(sshPort), Optional.ofNullable(telnetPort),
                settings, audio,
                List.copyOf(dns), Optional.ofNullable(answerAfterMs).map(java.time.Duration::ofMillis));
        if (fleet != null) {
            try {
                List<java.net.InetAddress> addresses = bindRange == null ? List.of() : bindRange.startsWith("@")
                        ? FleetAddresses.fromFile(Path.of(bindRange.substring(1)))
                        : FleetPlan.range(java.net.InetAddress.getByName(bindRange), fleet);
                List<FleetPlan.Member> members = FleetPlan.members(fleet, firstMac, options.bind(), addresses, settings);
                // Every device's values, as the templates make them, are checked before any folder is made.
                for (FleetPlan.Member member : members) {
                    try {
                        ParameterCatalog.builtIn().forModel(model.id()).validate(member.settings());
                    } catch (RejectedChangesException e) {
                        e.problems().forEach(problem -> err().println("ata-emulator: device " + member.index()
                                + " of the fleet: --set " + problem));
                        return EXIT_USAGE;
                    }
                }
                return new FleetRun(options, members, out(), err()).runUntilStopped();
            } catch (IllegalArgumentException | java.io.IOException e) {
                return usageError(e.getMessage());
            }
        }
        return new EmulatorRun(options, out(), err()).runUntilStopped();
    }

    private int usageError(String message) {
        err().println("ata-emulator: " + message);
        return EXIT_USAGE;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    public static void main(String[] args) {
        StartupWarmUp.begin();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AtaEmulator());
        // "@FILE" is --bind-range's own syntax, not picocli's argument file.
        commandLine.setExpandAtFiles(false);
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("ata-emulator: " + e.getMessage() + " (see --help)");
            return EXIT_USAGE;
        });
        return commandLine;
    }
}
