package dev.ataemu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Getting into the voice menu, moving about in it and leaving it, through the handset on virtual time. */
class MenuNavigationTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("STAR-01 IVR-01 IVR-02 IVR-03 *** opens the menu, which says \"Enter a menu option\" in the earpiece, then is quiet")
    void starStarStarOpensTheMenu() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of());
        phone.handset().offHook();
        phone.scheduler.advance(Duration.ofMillis(500));
        phone.press("***");
        phone.scheduler.advance(Duration.ofMillis(1000));
        short[] prompt = phone.handset().earpiece().last(800);
        phone.listen(3);
        short[] after = phone.handset().earpiece().last(1000);

        assertThat(phone.line().state()).isEqualTo(LineState.VOICE_MENU);
        assertThat(phone.said).containsExactly("enter_menu_option");
        assertThat(Loudness.dbfs(prompt, 0, 800)).as("speech while the prompt plays").isGreaterThan(-30);
        assertThat(Loudness.dbfs(after, 0, 1000)).as("quiet once it is said").isLessThan(-60);
        assertThat(phone.placed).isEmpty();
    }

    @Test
    @DisplayName("IVR-02 on the HT502 the second FXS port reaches the menu too")
    void secondPort() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, 2, Map.of());
        phone.openMenu();
        assertThat(phone.line().state()).isEqualTo(LineState.VOICE_MENU);
        assertThat(phone.said).containsExactly("enter_menu_option");
    }

    @Test
    @DisplayName("IVR-05 IVR-43 * steps through the HT502's options in order and wraps around to 01")
    void starStepsThroughHt502Options() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        for (int i = 0; i < 16; i++) {
            phone.key("*");
        }
        List<String> said = phone.said.subList(1, phone.said.size());
        assertThat(said.get(0)).isEqualTo("dhcp_mode");
        assertThat(said.get(1)).startsWith("ip_address");
        assertThat(said.get(2)).startsWith("subnet");
        assertThat(said.get(3)).startsWith("gateway");
        assertThat(said.get(4)).startsWith("dns_server");
        assertThat(said.get(5)).startsWith("preferred_vocoder");
        assertThat(said.get(6)).startsWith("mac_address");
        assertThat(said.get(7)).startsWith("wan_web_access");
        assertThat(said.get(8)).startsWith("firmware_server");
        assertThat(said.get(9)).startsWith("config_server");
        assertThat(said.get(10)).startsWith("upgrade_protocol");
        assertThat(said.get(11)).startsWith("firmware_version");
        assertThat(said.get(12)).startsWith("upgrade_mode");
        assertThat(said.get(13)).isEqualTo("direct_ip_calling");
    }

    @Test
    @DisplayName("IVR-05 on the HT813, * reaches 86 (voice mail) before 99 and wraps to 01")
    void starOrderHt813() {
        assertThat(MenuTree.forModel("HT813").numbers()).containsExactly(
                "01", "02", "03", "04", "05", "07", "10", "12", "13", "14", "15", "16", "17", "47", "86", "99");
        assertThat(MenuTree.forModel("HT502").numbers()).containsExactly(
                "01", "02", "03", "04", "05", "07", "10", "12", "13", "14", "15", "16", "17", "47", "99");
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of()).openMenu();
        phone.key("99").key("*");
        assertThat(phone.lastSaid()).as("after 99 comes 01").isEqualTo("dhcp_mode");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "IVR-03 IVR-04 every option of the {0} answers with its own prompt")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"HT502", "HT813"})
    void everyOptionAnswers(String model) {
        Map<String, String> firstWords = Map.ofEntries(Map.entry("01", "dhcp_mode"), Map.entry("02", "ip_address"),
                Map.entry("03", "subnet"), Map.entry("04", "gateway"), Map.entry("05", "dns_server"),
                Map.entry("07", "preferred_vocoder"), Map.entry("10", "mac_address"), Map.entry("12", "wan_web_access"),
                Map.entry("13", "firmware_server"), Map.entry("14", "config_server"),
                Map.entry("15", "upgrade_protocol"), Map.entry("16", "firmware_version"),
                Map.entry("17", "upgrade_mode"), Map.entry("47", "direct_ip_calling"), Map.entry("86", "voice_mail"),
                Map.entry("99", "reset"));
        var device = "HT502".equals(model) ? DeviceModels.HT502 : DeviceModels.HT813;
        for (String number : MenuTree.forModel(model).numbers()) {
            MenuPhone phone = new MenuPhone(dataDir.resolve(number), device, Map.of()).openMenu();
            phone.press(number).listen(1);
            assertThat(phone.said.get(1)).as(model + " option " + number).startsWith(firstWords.get(number));
        }
    }

    @Test
    @DisplayName("IVR-06 # returns to the main menu from an option")
    void hashReturnsToMainMenu() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        phone.key("16");
        assertThat(phone.lastSaid()).startsWith("firmware_version");
        phone.key("#");
        assertThat(phone.lastSaid()).isEqualTo("enter_menu_option");
        phone.key("01");
        assertThat(phone.lastSaid()).isEqualTo("dhcp_mode");
    }

    @Test
    @DisplayName("IVR-10 IVR-43 an option number that does not exist is an invalid entry, then the main menu")
    void unknownOption() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        for (String number : List.of("00", "06", "08", "11", "86", "98")) {
            phone.said.clear();
            phone.key(number);
            assertThat(phone.said).as(number).containsExactly("invalid_entry", "enter_menu_option");
        }
    }

    @Test
    @DisplayName("IVR-04 IVR-41 one digit of an option and then nothing for four seconds is an invalid entry")
    void halfAnOption() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        phone.press("0").scheduler.advance(Duration.ofMillis(3500));
        assertThat(phone.lastSaid()).isEqualTo("enter_menu_option");
        phone.listen(3);
        assertThat(phone.said).containsExactly("enter_menu_option", "invalid_entry", "enter_menu_option");
    }

    @Test
    @DisplayName("IVR-41 a minute without a key: the main menu is said again; waiting in an option returns to it")
    void waitingReplaysTheMainMenu() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of()).openMenu();
        phone.listen(65);
        assertThat(phone.said).containsExactly("enter_menu_option", "enter_menu_option");
        phone.key("16").listen(65);
        assertThat(phone.lastSaid()).isEqualTo("enter_menu_option");
        assertThat(phone.line().state()).isEqualTo(LineState.VOICE_MENU);
    }

    @Test
    @DisplayName("IVR-04 a key cuts the prompt short: the earpiece goes quiet at once")
    void keysInterruptPrompts() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of());
        phone.handset().offHook();
        phone.scheduler.advance(Duration.ofMillis(500));
        phone.press("***");
        phone.scheduler.advance(Duration.ofMillis(200));
        phone.press("0");
        phone.scheduler.advance(Duration.ofMillis(600));
        assertThat(Loudness.dbfs(phone.handset().earpiece().last(600), 0, 600)).isLessThan(-60);
    }

    @Test
    @DisplayName("IVR-01 the HT813's fourth star (****) is taken as part of the way in")
    void fourStarsOnHt813() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT813, Map.of());
        phone.handset().offHook();
        phone.scheduler.advance(Duration.ofMillis(500));
        phone.press("****").listen(3).key("01");
        assertThat(phone.said).containsExactly("enter_menu_option", "dhcp_mode");
    }

    @Test
    @DisplayName("IVR-40 hanging up leaves the menu at once; a half-keyed address is dropped")
    void hangingUpLeaves() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of("P8", "1")).openMenu();
        phone.key("02").press("10000");
        phone.handset().onHook();
        phone.listen(10);
        assertThat(phone.line().state()).isEqualTo(LineState.IDLE);
        assertThat(phone.get(9)).isEqualTo("0");
        assertThat(phone.lastSaid()).startsWith("ip_address");
        phone.handset().offHook();
        phone.listen(1);
        assertThat(phone.line().state()).as("a fresh dial tone").isEqualTo(LineState.DIAL_TONE);
    }

    @Test
    @DisplayName("IVR-36 with \"Disable Voice Prompt\" (P253) *** is dialed as a number, and no menu speaks")
    void voicePromptDisabled() {
        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of("P253", "1", "P191", "0", "P4200", "{***|x+}"));
        phone.handset().offHook();
        phone.scheduler.advance(Duration.ofMillis(500));
        phone.press("***#").listen(1);
        assertThat(phone.said).isEmpty();
        assertThat(phone.placed).containsExactly("***");
    }

    @Test
    @DisplayName("IVR-37 \"IVR Language\" (P342): Spanish prompts are spoken; Chinese, not recorded yet, falls back to English")
    void language() {
        var library = new dev.ataemu.ivr.speech.PromptLibrary();
        assertThat(library.language(0)).isEqualTo("en");
        assertThat(library.language(10)).isEqualTo("es");
        assertThat(library.language(4)).isEqualTo("en");
        short[] english = library.clip("en", dev.ataemu.ivr.speech.Word.ENTER_MENU_OPTION);
        short[] spanish = library.clip("es", dev.ataemu.ivr.speech.Word.ENTER_MENU_OPTION);
        assertThat(spanish.length).isNotEqualTo(english.length);

        MenuPhone phone = new MenuPhone(dataDir, DeviceModels.HT502, Map.of("P342", "10"));
        phone.handset().offHook();
        phone.scheduler.advance(Duration.ofMillis(500));
        phone.press("***");
        phone.scheduler.advance(Duration.ofMillis(spanish.length / 8 + 200));
        short[] heard = phone.handset().earpiece().last(spanish.length / 8);
        assertThat(Loudness.dbfs(heard, 0, spanish.length / 8)).isGreaterThan(-30);
    }
}
