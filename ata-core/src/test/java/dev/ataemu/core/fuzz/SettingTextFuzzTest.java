package dev.ataemu.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.clock.PosixTimeZone;
import dev.ataemu.core.config.ParameterKeys;
import dev.ataemu.core.device.MacAddress;
import dev.ataemu.core.feature.DirectIpAddress;
import dev.ataemu.core.net.HostPort;
import dev.ataemu.core.provision.ServerPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.zone.ZoneRules;
import org.junit.jupiter.api.DisplayName;

/** The small parsers that read settings and keyed digits: each returns a usable value or says no. */
class SettingTextFuzzTest {

    private static final String KEYS = "0123456789*#";

    @DisplayName("TIME-03 a self-defined time zone gives rules usable at any instant, or none")
    @FuzzTest
    void posixTimeZone(byte[] input) {
        PosixTimeZone.parse(text(input)).ifPresent(SettingTextFuzzTest::usable);
    }

    @DisplayName("LOG-01 an NTP or syslog server setting gives a host and a port from 1 to 65535, or none")
    @FuzzTest
    void hostPort(byte[] input) {
        HostPort.parse(text(input), 514).ifPresent(address -> assertThat(address.port()).isBetween(1, 65535));
    }

    @DisplayName("PROV-02 a config or firmware server path gives a host, a port and a directory, or none")
    @FuzzTest
    void serverPath(byte[] input) {
        ServerPath.parse(text(input)).ifPresent(path -> {
            assertThat(path.host()).isNotEmpty();
            assertThat(path.port()).isBetween(0, 65535);
        });
    }

    @DisplayName("a MAC address reads as a unicast address that prints back to itself, or is refused")
    @FuzzTest
    void macAddress(byte[] input) {
        MacAddress mac;
        try {
            mac = MacAddress.parse(text(input));
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(MacAddress.parse(mac.toString())).isEqualTo(mac);
    }

    @DisplayName("CALL-09 keys dialed after *47 give an IPv4 address and a port, or none")
    @FuzzTest
    void directIpAddress(byte[] input) {
        StringBuilder keys = new StringBuilder();
        for (byte b : input) {
            keys.append(KEYS.charAt((b & 0xFF) % KEYS.length()));
        }
        DirectIpAddress.parse(keys.toString()).ifPresent(address -> {
            assertThat(address.host()).matches("\\d{1,3}(\\.\\d{1,3}){3}");
            assertThat(address.port()).isBetween(1, 65535);
        });
    }

    @DisplayName("PROV-17 a P-value key (P47, p47, 47) gives its number, or none")
    @FuzzTest
    void parameterKey(byte[] input) {
        ParameterKeys.parse(text(input)).ifPresent(number -> assertThat(number).isNotNegative());
    }

    private static void usable(ZoneRules rules) {
        for (long year = 1970; year <= 2100; year += 13) {
            Instant instant = Instant.parse(year + "-06-15T12:00:00Z");
            assertThat(rules.getOffset(instant)).isNotNull();
            rules.nextTransition(instant);
        }
    }

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }
}
