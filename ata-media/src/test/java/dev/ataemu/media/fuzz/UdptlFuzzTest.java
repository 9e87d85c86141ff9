package dev.ataemu.media.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.media.fax.Ifp;
import dev.ataemu.media.fax.Udptl;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/** A UDPTL datagram (T.38) as the far end's fax gateway sends it. */
class UdptlFuzzTest {

    @DisplayName("CALL-41 a UDPTL datagram reads to a packet that writes back to the same packet, or is refused")
    @FuzzTest
    void datagram(byte[] input) {
        Optional<Udptl.Packet> packet = Udptl.decode(input, input.length);
        if (packet.isEmpty()) {
            return;
        }
        byte[] again = Udptl.encode(packet.get());
        Udptl.Packet back = Udptl.decode(again, again.length).orElseThrow();
        assertThat(back.sequence()).isEqualTo(packet.get().sequence());
        assertThat(back.primary()).isEqualTo(packet.get().primary());
        assertThat(back.secondary()).hasSameSizeAs(packet.get().secondary());
        byte[] primary = back.primary();
        Ifp.Kind kind = Ifp.kind(primary, 0, primary.length);
        assertThat(kind.indicator().isPresent() && kind.data().isPresent()).isFalse();
    }
}
