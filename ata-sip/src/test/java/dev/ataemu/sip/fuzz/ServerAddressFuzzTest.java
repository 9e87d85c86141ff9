package dev.ataemu.sip.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.sip.account.ServerAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;

/** The SIP and outbound proxy server settings ({@code host}, {@code host:port}, {@code [v6]:port}). */
class ServerAddressFuzzTest {

    @DisplayName("SIP-02 a SIP server setting gives a host and a port from 0 to 65535, or is refused with IllegalArgumentException")
    @FuzzTest
    void setting(byte[] input) {
        ServerAddress address;
        try {
            address = ServerAddress.parse(new String(input, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(address.port()).isBetween(0, 65535);
    }
}
