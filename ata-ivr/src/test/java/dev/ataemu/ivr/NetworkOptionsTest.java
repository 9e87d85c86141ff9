package dev.ataemu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options 01 to 05 and 12: the network settings, keyed on the handset and checked in the store. */
class NetworkOptionsTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("IVR-11 IVR-07 IVR-34 HT502 option 01: 9 toggles DHCP and static IP (P8), each change followed by \"reboot\"")
    void ht502IpMode() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        phone.key("01");
        assertThat(phone.lastSaid()).isEqualTo("dhcp_mode");
        phone.key("9");
        assertThat(phone.get(8)).isEqualTo("1");
        assertThat(phone.lastSaid()).isEqualTo("static_ip_mode reboot_to_apply");
        phone.key("9");
        assertThat(phone.get(8)).isEqualTo("0");
        assertThat(phone.lastSaid()).isEqualTo("dhcp_mode reboot_to_apply");
    }

    @Test
    @DisplayName("IVR-12 HT813 option 01: 9 cycles DHCP, static IP and PPPoE (P8)")
    void ht813IpMode() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of()).openMenu();
        phone.key("01").key("9");
        assertThat(phone.get(8)).isEqualTo("1");
        phone.key("9");
        assertThat(phone.get(8)).isEqualTo("2");
        assertThat(phone.lastSaid()).startsWith("pppoe_mode");
        phone.key("9");
        assertThat(phone.get(8)).isEqualTo("0");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "IVR-13 IVR-14 IVR-15 IVR-16 IVR-08 IVR-42 {0} in static IP mode "
            + "options 02 to 05 take 12 digits, store the octets (P9-P24) and read the new address back")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"HT502", "HT813"})
    void staticAddresses(String model) {
        MenuPhone phone = new MenuPhone(dataDir, "HT502".equals(model) ? DeviceModels.HT502 : DeviceModels.HT813,
                Map.of("P8", "1")).openMenu();
        phone.key("02").key("192168000026");
        assertThat(phone.said).contains("ip_address digit_1 digit_9 digit_2 dot digit_1 digit_6 digit_8 dot digit_0 dot "
                + "digit_2 digit_6 reboot_to_apply");
        assertThat(phone.lastSaid()).isEqualTo("enter_menu_option");
        phone.key("03").key("255255255000");
        phone.key("04").key("192168000001");
        phone.key("05").key("008008004004");
        assertThat(phone.device.store().snapshot()).containsAllEntriesOf(Map.ofEntries(
                Map.entry(9, "192"), Map.entry(10, "168"), Map.entry(11, "0"), Map.entry(12, "26"),
                Map.entry(13, "255"), Map.entry(14, "255"), Map.entry(15, "255"), Map.entry(16, "0"),
                Map.entry(17, "192"), Map.entry(18, "168"), Map.entry(19, "0"), Map.entry(20, "1"),
                Map.entry(21, "8"), Map.entry(22, "8"), Map.entry(23, "4"), Map.entry(24, "4")));
        phone.key("04");
        assertThat(phone.lastSaid()).as("read from the store in static mode")
                .isEqualTo("gateway digit_1 digit_9 digit_2 dot digit_1 digit_6 digit_8 dot digit_0 dot digit_1");
    }

    @Test
    @DisplayName("IVR-13 IVR-39 option 02 reads the WAN address in use, 0.0.0.0 while there is none")
    void readsTheWanAddress() throws Exception {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of()).openMenu();
        phone.key("02");
        assertThat(phone.lastSaid()).isEqualTo("ip_address digit_0 dot digit_0 dot digit_0 dot digit_0");
        phone.device.network(InetAddress.getByName("10.1.2.3"));
        phone.key("#02");
        assertThat(phone.lastSaid()).isEqualTo("ip_address digit_1 digit_0 dot digit_1 dot digit_2 dot digit_3");
    }

    @Test
    @DisplayName("IVR-13 IVR-08 IVR-09 bad addresses are invalid entries and change nothing: an octet above 255, "
            + "too few digits, any digit in DHCP mode")
    void badAddresses() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of("P8", "1")).openMenu();
        phone.key("02").key("192168000256");
        assertThat(phone.lastSaid(2))
                .containsExactly("invalid_entry", "enter_menu_option");
        phone.key("03").press("25525").listen(6);
        assertThat(phone.lastSaid(2))
                .as("four seconds after the fifth digit").containsExactly("invalid_entry", "enter_menu_option");
        assertThat(phone.get(12)).isEqualTo("0");
        assertThat(phone.get(13)).isEqualTo("0");

        phone.device.store().apply(Map.of("P8", "0"));
        phone.key("02").key("1");
        assertThat(phone.lastSaid(2))
                .containsExactly("invalid_entry", "enter_menu_option");
    }

    @Test
    @DisplayName("IVR-20 HT502 option 12: 9 toggles web access from the WAN port (P190)")
    void ht502WanAccess() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        phone.key("12");
        assertThat(phone.lastSaid()).isEqualTo("wan_web_access disabled");
        phone.key("9");
        assertThat(phone.get(190)).isEqualTo("1");
        assertThat(phone.lastSaid()).startsWith("enabled");
        phone.key("9");
        assertThat(phone.get(190)).isEqualTo("0");
    }

    @Test
    @DisplayName("IVR-21 HT813 option 12: 9 cycles Auto, Enabled and Disabled (P190)")
    void ht813WanAccess() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of("P190", "2")).openMenu();
        phone.key("12");
        assertThat(phone.lastSaid()).isEqualTo("wan_web_access auto");
        phone.key("9");
        assertThat(phone.get(190)).isEqualTo("1");
        phone.key("9");
        assertThat(phone.get(190)).isEqualTo("0");
        phone.key("9");
        assertThat(phone.get(190)).isEqualTo("2");
    }
}
