package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ataemu.core.device.MacAddress;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How --fleet lays out its devices: MACs, addresses or port blocks, and the per-device --set values. */
class FleetPlanTest {

    private static final MacAddress FIRST = MacAddress.parse("000b82aa0000");

    @Test
    @DisplayName("device i gets MAC --mac + 2(i-1), and $index, $ext and $mac filled into its --set values")
    void macsAndTemplates() throws Exception {
        List<FleetPlan.Member> members = FleetPlan.members(12, FIRST, InetAddress.getLoopbackAddress(),
                FleetPlan.range(InetAddress.getByName("127.0.1.1"), 12),
                Map.of("P35", "1$ext", "P3", "Desk $index ($mac)"));
        FleetPlan.Member seventh = members.get(6);
        assertThat(seventh.mac().compact()).isEqualTo("000b82aa000c");
        assertThat(seventh.settings()).containsEntry("P35", "1007").containsEntry("P3", "Desk 7 (000b82aa000c)");
        assertThat(seventh.address().getHostAddress()).isEqualTo("127.0.1.7");
        assertThat(seventh.settings()).doesNotContainKey("P40");
        assertThat(members.get(11).settings()).containsEntry("P35", "1012");
    }

    @Test
    @DisplayName("on one address each device has a block of 40 ports: web, SIP and RTP of both accounts")
    void portBlocks() {
        List<FleetPlan.Member> members = FleetPlan.members(3, FIRST, InetAddress.getLoopbackAddress(), List.of(),
                Map.of("P740", "6000"));
        assertThat(members.get(2).webPort()).isEqualTo(20080);
        assertThat(members.get(2).settings()).containsEntry("P40", "20082").containsEntry("P39", "20090")
                .containsEntry("P739", "20100").containsEntry("P740", "6000");
    }

    @Test
    @DisplayName("counts and ranges that do not fit are refused with the reason")
    void refusals() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        assertThatThrownBy(() -> FleetPlan.members(0, FIRST, loopback, List.of(), Map.of())).hasMessageContaining("1 to");
        assertThatThrownBy(() -> FleetPlan.members(FleetPlan.MAX_DEVICES + 1, FIRST, loopback, List.of(), Map.of()))
                .hasMessageContaining("--fleet");
        assertThatThrownBy(() -> FleetPlan.members(3, FIRST, loopback, List.of(loopback), Map.of()))
                .hasMessageContaining("gives 1 addresses for 3");
        assertThatThrownBy(() -> FleetPlan.range(InetAddress.getByName("255.255.255.254"), 3))
                .hasMessageContaining("past 255.255.255.255");
    }
}
