package dev.ataemu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.ivr.speech.Phrase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options 07, 10 and 13 to 17: the vocoder, what the unit is, and where it gets its firmware and configuration. */
class SettingsOptionsTest {

    @TempDir
    Path dataDir;

    private static List<String> cycle(MenuPhone phone, int parameter, int steps) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            phone.key("9");
            values.add(phone.get(parameter));
        }
        return values;
    }

    @Test
    @DisplayName("IVR-17 HT502 option 07: 9 steps the port's first vocoder (P57) through PCMU, PCMA, iLBC, G.726, G.723, G.729")
    void ht502Vocoder() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        phone.key("07");
        assertThat(phone.lastSaid()).isEqualTo("preferred_vocoder pcmu");
        assertThat(cycle(phone, 57, 6)).containsExactly("8", "98", "2", "4", "18", "0");
    }

    @Test
    @DisplayName("IVR-17 on HT502 port 2 option 07 sets that port's vocoder (P757)")
    void ht502Port2Vocoder() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, 2, Map.of()).openMenu();
        phone.key("07").key("9");
        assertThat(phone.get(757)).isEqualTo("8");
        assertThat(phone.get(57)).isEqualTo("0");
    }

    @Test
    @DisplayName("IVR-18 HT813 option 07: PCMU, PCMA, iLBC, G.726, G.723, G.729, OPUS")
    void ht813Vocoder() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of()).openMenu();
        phone.key("07");
        assertThat(cycle(phone, 57, 7)).containsExactly("8", "97", "2", "4", "18", "123", "0");
        assertThat(phone.said).contains("opus");
    }

    @Test
    @DisplayName("IVR-19 option 10 reads out the device (LAN) MAC address, character by character")
    void macAddress() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of()).openMenu();
        phone.key("10");
        assertThat(phone.lastSaid()).isEqualTo("mac_address " + Phrase.spelled(phone.device.mac().compact()));
        assertThat(phone.lastSaid()).startsWith("mac_address digit_0 digit_0 digit_0 letter_b digit_8 digit_2");
    }

    @Test
    @DisplayName("IVR-22 IVR-23 PROV-37 options 13 and 14 say a host name is no address, and take a new server IP "
            + "(P192, P237)")
    void serverAddresses() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        phone.key("13");
        assertThat(phone.lastSaid()).isEqualTo("firmware_server invalid_entry");
        phone.key("010000000005");
        assertThat(phone.get(192)).isEqualTo("10.0.0.5");
        phone.key("14").key("192168001100");
        assertThat(phone.get(237)).isEqualTo("192.168.1.100");
        phone.key("14");
        assertThat(phone.lastSaid()).isEqualTo("config_server digit_1 digit_9 digit_2 dot digit_1 digit_6 digit_8 dot "
                + "digit_1 dot digit_1 digit_0 digit_0");
    }

    @Test
    @DisplayName("IVR-24 HT502 option 15: 9 toggles TFTP and HTTP (P212)")
    void ht502Protocol() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        phone.key("15");
        assertThat(phone.lastSaid()).isEqualTo("upgrade_protocol http");
        assertThat(cycle(phone, 212, 2)).containsExactly("0", "1");
    }

    @Test
    @DisplayName("IVR-25 HT813 option 15: 9 cycles TFTP, HTTP, FTP, FTPS and HTTPS (P212), HTTPS from the factory")
    void ht813Protocol() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of()).openMenu();
        phone.key("15");
        assertThat(phone.lastSaid()).isEqualTo("upgrade_protocol https");
        assertThat(cycle(phone, 212, 5)).containsExactly("0", "1", "3", "4", "2");
    }

    @Test
    @DisplayName("IVR-26 option 16 reads out the firmware's Program version")
    void firmwareVersion() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        phone.key("16");
        assertThat(phone.lastSaid()).isEqualTo("firmware_version digit_1 dot digit_0 dot digit_1 digit_6 dot digit_2");
    }

    @Test
    @DisplayName("IVR-27 PROV-09 option 17: 9 cycles always check, check when the pre/suffix changes, never upgrade (P238)")
    void upgradeMode() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of()).openMenu();
        phone.key("17");
        assertThat(phone.lastSaid()).isEqualTo("upgrade_mode always_check");
        assertThat(cycle(phone, 238, 3)).containsExactly("1", "2", "0");
        assertThat(phone.said).contains("check_when_changed", "never_upgrade");
    }

    @Test
    @DisplayName("IVR-07 IVR-10 in a toggling option any digit but 9 is an invalid entry and changes nothing")
    void otherDigitsInACycle() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        phone.key("17").key("5");
        assertThat(phone.lastSaid(2))
                .containsExactly("invalid_entry", "enter_menu_option");
        assertThat(phone.get(238)).isEqualTo("0");
    }
}
