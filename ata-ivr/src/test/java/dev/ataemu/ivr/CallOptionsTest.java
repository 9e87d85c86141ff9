package dev.ataemu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import dev.ataemu.media.dsp.Goertzel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The menu's ways out to a call: 47 (direct IP), 86 (voicemail), and "Device not registered" on lifting the phone. */
class CallOptionsTest {

    @TempDir
    Path dataDir;

    private static double dialToneLevel(short[] heard) {
        return Goertzel.levelDbm0(heard, 0, heard.length, 350);
    }

    @Test
    @DisplayName("IVR-28 STAR-05 option 47 says \"Direct IP calling\", gives dial tone, and calls the star-encoded address keyed")
    void directIpCall() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        phone.key("47");
        assertThat(phone.lastSaid()).isEqualTo("direct_ip_calling");
        assertThat(phone.line().state()).isEqualTo(LineState.DIAL_TONE);
        assertThat(dialToneLevel(phone.handset().earpiece().last(500))).as("dial tone").isGreaterThan(-30);
        phone.press("192*168*0*160*5062#").listen(1);
        assertThat(phone.placed).containsExactly("192.168.0.160:5062");
    }

    @Test
    @DisplayName("IVR-38 with \"Disable Direct IP Call\" (P277) option 47 is an invalid entry")
    void directIpCallDisabled() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of("P277", "1")).openMenu();
        phone.key("47");
        assertThat(phone.said).containsExactly("enter_menu_option", "invalid_entry", "enter_menu_option");
        assertThat(phone.line().state()).isEqualTo(LineState.VOICE_MENU);
    }

    @Test
    @DisplayName("IVR-29 CALL-32 HT813 option 86 says \"Voice mail\" and calls the account's mailbox (its own user ID, GAP-53)")
    void voicemail() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of("P35", "1001")).openMenu();
        phone.key("86");
        assertThat(phone.said).contains("voice_mail");
        assertThat(phone.placed).containsExactly("1001");
    }

    @Test
    @DisplayName("IVR-33 CALL-01 SIP-21 an unregistered account that may not call without registration: the lifted "
            + "phone hears \"Device not registered\" instead of dial tone, and *** still opens the menu")
    void deviceNotRegistered() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813,
                Map.of("P47", "pbx.example.net", "P35", "1001", "P109", "0"));
        phone.handset().offHook();
        phone.scheduler.advance(Duration.ofMillis(900));
        short[] heard = phone.handset().earpiece().last(600);
        assertThat(Loudness.dbfs(heard, 0, 600)).as("speech").isGreaterThan(-30);
        assertThat(dialToneLevel(heard)).as("no dial tone").isLessThan(-35);

        phone.press("***").listen(3).key("16");
        assertThat(phone.lastSaid()).startsWith("firmware_version");
    }

    @Test
    @DisplayName("IVR-33 SIP-21 allowed to call without registration (P109 Yes), the phone hears dial tone")
    void unregisteredButAllowed() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813,
                Map.of("P47", "pbx.example.net", "P35", "1001", "P109", "1"));
        phone.handset().offHook();
        phone.scheduler.advance(Duration.ofMillis(1500));
        assertThat(dialToneLevel(phone.handset().earpiece().last(1000))).isGreaterThan(-30);
    }
}
