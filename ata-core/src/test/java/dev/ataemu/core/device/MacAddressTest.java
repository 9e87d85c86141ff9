package dev.ataemu.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MacAddressTest {

    @Test
    void readsTheUsualSpellings() {
        MacAddress mac = MacAddress.parse("000b82123456");
        assertThat(MacAddress.parse("00:0B:82:12:34:56")).isEqualTo(mac);
        assertThat(MacAddress.parse("00-0b-82-12-34-56")).isEqualTo(mac);
        assertThat(mac.compact()).isEqualTo("000b82123456");
        assertThat(mac.colon()).isEqualTo("00:0B:82:12:34:56");
    }

    @Test
    void refusesWhatIsNotADeviceMac() {
        assertThatThrownBy(() -> MacAddress.parse("000b8212345")).hasMessageContaining("not a MAC address");
        assertThatThrownBy(() -> MacAddress.parse("00:0b:82-12:34:56")).hasMessageContaining("not a MAC address");
        assertThatThrownBy(() -> MacAddress.parse("zz0b82123456")).hasMessageContaining("not a MAC address");
        assertThatThrownBy(() -> MacAddress.parse("010b82123456")).hasMessageContaining("multicast");
    }

    @Test
    void generatedAddressesCarryTheGrandstreamOui() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            MacAddress mac = MacAddress.randomGrandstream(random);
            assertThat(mac.compact()).startsWith("000b82");
            assertThat(mac.isMulticast()).isFalse();
        }
    }

    @Test
    @DisplayName("HW-42 NET-22 the WAN MAC follows the device (LAN) MAC")
    void theWanMacFollowsTheDeviceMac() {
        assertThat(MacAddress.parse("000b829a905f").next()).isEqualTo(MacAddress.parse("00:0B:82:9A:90:60"));
        assertThat(MacAddress.parse("ffffffffffff".replace('f', 'e')).next().compact()).isEqualTo("eeeeeeeeeeef");
    }
}
