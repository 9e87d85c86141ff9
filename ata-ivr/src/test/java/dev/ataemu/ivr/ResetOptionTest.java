package dev.ataemu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.MacAddress;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.ivr.option.MacCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option 99: reboot and factory reset from the keypad, and what the keypad lock still allows. */
class ResetOptionTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("IVR-31 the reset code of the manuals' example: MAC 000b8200e395 is keyed 0002228200333395")
    void macCodeOfTheManual() {
        assertThat(MacCode.of(MacAddress.parse("000b8200e395"))).isEqualTo("0002228200333395");
        assertThat(MacCode.of(MacAddress.parse("00:0B:82:AB:CD:EF"))).isEqualTo("000" + "222" + "82" + "22" + "222" + "2222" + "33" + "333" + "3333");
    }

    @Test
    @DisplayName("IVR-30 RST-03 option 99 says \"Reset\"; 9 reboots the device and keeps its settings")
    void nineReboots() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of("P3", "Front Desk")).openMenu();
        phone.power.clear();
        phone.key("99");
        assertThat(phone.lastSaid()).isEqualTo("reset");
        phone.key("9").listen(60);
        assertThat(phone.power).contains(PowerState.BOOTING, PowerState.READY);
        assertThat(phone.get(3)).isEqualTo("Front Desk");
    }

    @Test
    @DisplayName("IVR-30 IVR-32 RST-02 RST-04 RST-09 the device's own MAC keyed in the reset code restores the factory "
            + "defaults about 15 s later, then the device reboots")
    void macCodeResets() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of("P3", "Front Desk", "P8", "1")).openMenu();
        phone.power.clear();
        phone.key("99").press(MacCode.of(phone.device.mac())).listen(10);
        assertThat(phone.get(3)).as("not yet").isEqualTo("Front Desk");
        phone.handset().onHook();
        phone.listen(60);
        assertThat(phone.get(3)).isEmpty();
        assertThat(phone.get(8)).isEqualTo("0");
        assertThat(phone.power).contains(PowerState.BOOTING, PowerState.READY);
    }

    @Test
    @DisplayName("IVR-32 a code that departs from the device's MAC is an invalid entry at the first wrong digit; "
            + "a code left half keyed for 4 s too; nothing is reset")
    void wrongMacCode() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of("P3", "Front Desk")).openMenu();
        phone.key("99").key("0001");
        assertThat(phone.lastSaid(2))
                .containsExactly("invalid_entry", "enter_menu_option");
        phone.key("99").press("000222").listen(8);
        assertThat(phone.lastSaid(2))
                .containsExactly("invalid_entry", "enter_menu_option");
        phone.listen(30);
        assertThat(phone.get(3)).isEqualTo("Front Desk");
    }

    @Test
    @DisplayName("IVR-35 SEC-12 RST-07 with \"Lock keypad update\" (P88) writes and the reset are invalid entries; "
            + "reading, and rebooting with 99 9, still work")
    void keypadLocked() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of("P88", "1", "P8", "1", "P3", "Front Desk"))
                .openMenu();
        phone.key("01").key("9");
        assertThat(phone.get(8)).isEqualTo("1");
        assertThat(phone.lastSaid(2))
                .containsExactly("invalid_entry", "enter_menu_option");
        phone.key("02").key("1");
        assertThat(phone.get(9)).isEqualTo("0");
        phone.key("16");
        assertThat(phone.lastSaid()).startsWith("firmware_version digit_1");
        phone.key("#99").key(MacCode.of(phone.device.mac())).listen(30);
        assertThat(phone.get(3)).isEqualTo("Front Desk");

        phone.power.clear();
        phone.key("99").key("9").listen(60);
        assertThat(phone.power).contains(PowerState.BOOTING, PowerState.READY);
    }

    @Test
    @DisplayName("RST-08 SEC-13 a provider-locked HT813 refuses the reset code")
    void providerLocked() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of("P3", "Front Desk")).openMenu();
        phone.device.providerLocked(true);
        phone.key("99").key(MacCode.of(phone.device.mac())).listen(30);
        assertThat(phone.get(3)).isEqualTo("Front Desk");
        assertThat(phone.lastSaid()).isEqualTo("enter_menu_option");
    }
}
