package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Early Dial" (P29): an INVITE per key against a server that says 484 until the number is complete. */
class EarlyDialTest {

    private static final Pattern INVITED = Pattern.compile("(?m)^INVITE sip:([0-9]+)@");

    @TempDir
    Path work;

    /** 484 Incomplete Address for anything but 1002, which is busy. */
    private static int incompleteUntil1002(String request) {
        return request.startsWith("INVITE sip:1002@") ? 486 : 484;
    }

    private static List<String> invited(RefusingServer server) {
        Matcher matcher = INVITED.matcher(server.seen());
        List<String> numbers = new java.util.ArrayList<>();
        while (matcher.find()) {
            numbers.add(matcher.group(1));
        }
        return numbers;
    }

    @Test
    @DisplayName("CALL-07 with Early Dial each key sends an INVITE with the digits so far; 484 waits for the next key, "
            + "and the complete number's answer (486 here) ends the dialing with the busy tone")
    void invitePerKey() throws Exception {
        try (RefusingServer server = new RefusingServer(EarlyDialTest::incompleteUntil1002);
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                     Map.of("P47", "127.0.0.1:" + server.port(), "P31", "0", "P29", "1"))) {
            calling.dial("1002");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.OFF_HOOK_IDLE);
            System.out.println("early dial INVITEs: " + invited(server));
            assertThat(invited(server)).containsExactly("1", "10", "100", "1002");
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.OFF_HOOK_IDLE);
            calling.handset().onHook();
        }
    }

    @Test
    @DisplayName("CALL-07 without Early Dial one INVITE goes, with the whole number, at the dial key")
    void oneInviteWithoutEarlyDial() throws Exception {
        try (RefusingServer server = new RefusingServer(EarlyDialTest::incompleteUntil1002);
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                     Map.of("P47", "127.0.0.1:" + server.port(), "P31", "0"))) {
            calling.dial("1002#");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.OFF_HOOK_IDLE);
            assertThat(invited(server)).containsExactly("1002");
            calling.handset().onHook();
        }
    }
}
