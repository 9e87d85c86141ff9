package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines end at once with one clear line, and leave the data directory as it was. */
class CommandLineErrorsTest {

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.resolve("data").toString()));
        all.addAll(List.of(args));
        return AtaEmulator.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    private List<String> errorLines() {
        return err.toString().lines().toList();
    }

    @Test
    void anEnumValueOutOfItsChoicesIsRefused() {
        assertThat(run("--set", "P8=7")).isEqualTo(2);
        assertThat(errorLines()).containsExactly(
                "ata-emulator: --set P8=7: must be one of 0=DHCP, 1=Static IP, 2=PPPoE");
        assertThat(dataDir.resolve("data")).doesNotExist();
    }

    @Test
    void anUnknownParameterIsRefused() {
        assertThat(run("--set", "P99999=1")).isEqualTo(2);
        assertThat(errorLines()).containsExactly("ata-emulator: --set P99999=1: the HT502 has no such P-value");
    }

    @Test
    void aParameterOfTheOtherModelIsRefused() {
        assertThat(run("--model", "HT502", "--set", "P195=*00")).isEqualTo(2);
        assertThat(errorLines()).containsExactly("ata-emulator: --set P195=*00: the HT502 has no such P-value");
    }

    @Test
    void anUnknownModelIsRefused() {
        assertThat(run("--model", "HT999")).isEqualTo(2);
        assertThat(errorLines()).hasSize(1);
        assertThat(errorLines().get(0)).startsWith("ata-emulator: ")
                .contains("unknown model 'HT999': choose HT502 or HT813");
    }

    @Test
    void badMacsPortsAndAddressesAreRefused() {
        assertThat(run("--mac", "12345")).isEqualTo(2);
        assertThat(run("--http-port", "70000")).isEqualTo(2);
        assertThat(run("--http-port", "eighty")).isEqualTo(2);
        assertThat(run("--bind", "203.0.113.77")).isEqualTo(2);
        assertThat(run("--bind", "pbx.example.com")).isEqualTo(2);
        assertThat(run("--dns", "dns.example.com")).isEqualTo(2);
        assertThat(run("--dns", "127.0.0.1:99999")).isEqualTo(2);
        assertThat(errorLines()).hasSize(7).allSatisfy(line -> assertThat(line).startsWith("ata-emulator: "));
        assertThat(errorLines().get(5)).contains("'dns.example.com' is not a DNS server");
        assertThat(errorLines().get(6)).contains("has no port from 1 to 65535");
        assertThat(errorLines().get(0)).contains("'12345' is not a MAC address");
        assertThat(errorLines().get(1)).contains("--http-port 70000 is not a port number");
        assertThat(errorLines().get(3)).contains("is not an address of this host");
    }

    @Test
    void aBootTimeOutOfRangeIsRefused() {
        assertThat(run("--boot-time", "-1")).isEqualTo(2);
        assertThat(run("--boot-time", "300001")).isEqualTo(2);
        assertThat(run("--boot-time", "soon")).isEqualTo(2);
        assertThat(errorLines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("ata-emulator: "));
        assertThat(errorLines().get(0)).isEqualTo("ata-emulator: --boot-time -1 is not a time from 0 to 300000 ms");
        assertThat(errorLines().get(1)).contains("--boot-time 300001 is not a time");
    }

    @Test
    void aBusyHttpPortIsReportedWithTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("--bind", "127.0.0.1", "--http-port", Integer.toString(taken.getLocalPort()));

            assertThat(exit).isEqualTo(3);
            assertThat(errorLines()).containsExactly("ata-emulator: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " (Address already in use): another program may be using it, or the address is not on this"
                    + " host; choose another --http-port or --bind");
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsReported() throws Exception {
        Path file = Files.writeString(dataDir.resolve("not-a-folder"), "x");
        int exit = AtaEmulator.commandLine().setErr(new PrintWriter(err, true))
                .execute("--data-dir", file.toString(), "--bind", "127.0.0.1", "--http-port", "0");
        assertThat(exit).isEqualTo(3);
        assertThat(errorLines()).hasSize(1);
        assertThat(errorLines().get(0)).startsWith("ata-emulator: cannot use the data directory " + file);
    }

    @Test
    void helpListsEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--model", "--mac", "--data-dir", "--bind", "--http-port", "--set",
                "--list-parameters", "--version");
    }

    @Test
    void fleetOptionsThatDoNotFitAreRefused() throws Exception {
        assertThat(run("--bind-range", "127.0.1.1")).isEqualTo(2);
        assertThat(errorLines()).singleElement().asString().contains("--bind-range needs --fleet");
        err.getBuffer().setLength(0);
        assertThat(run("--fleet", "0")).isEqualTo(2);
        assertThat(errorLines()).singleElement().asString().contains("--fleet takes 1 to");
        err.getBuffer().setLength(0);
        Path addresses = dataDir.resolve("addresses.txt");
        Files.writeString(addresses, "127.0.1.1\nnot-an-address\n");
        assertThat(run("--fleet", "2", "--bind-range", "@" + addresses)).isEqualTo(2);
        assertThat(errorLines()).singleElement().asString().contains("line 2: 'not-an-address' is not an IP address");
        err.getBuffer().setLength(0);
        assertThat(run("--fleet", "2", "--set", "P85=$index$index$index")).isEqualTo(2);
        assertThat(errorLines()).singleElement().asString().contains("P85=111");
        err.getBuffer().setLength(0);
        // "No Key Entry Timeout" takes 1 to 15: devices 16 to 20 would get too much.
        assertThat(run("--fleet", "20", "--set", "P85=$index")).as("a value only the later devices get wrong").isEqualTo(2);
        assertThat(errorLines()).first().asString().contains("device 16 of the fleet: --set P85=16");
        assertThat(dataDir.resolve("data")).doesNotExist();
    }
}
