package dev.ataemu.media.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.media.srtp.SdesCrypto;
import dev.ataemu.media.srtp.SrtpContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;

/** The SDP {@code a=crypto} line (RFC 4568) a peer offers or answers. */
class SdesCryptoFuzzTest {

    @DisplayName("MEDIA-24 an a=crypto line parses to a usable key that formats back to itself, or is refused")
    @FuzzTest
    void line(byte[] input) {
        SdesCrypto crypto;
        try {
            crypto = SdesCrypto.parse(new String(input, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(SdesCrypto.parse(crypto.format())).isEqualTo(crypto);
        assertThat(SrtpContext.of(crypto).remainingPackets()).isPositive();
    }
}
