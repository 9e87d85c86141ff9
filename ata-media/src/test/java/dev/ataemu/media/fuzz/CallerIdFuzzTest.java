package dev.ataemu.media.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.callerid.CallerIdMessage;
import dev.ataemu.media.callerid.CallerIdMessages;
import dev.ataemu.media.callerid.CallerIdReceiver;
import dev.ataemu.media.callerid.DtmfCallerId;
import dev.ataemu.media.callerid.DtmfMarkers;
import dev.ataemu.media.callerid.MalformedMessageException;
import dev.ataemu.media.callerid.MessageFrame;
import dev.ataemu.media.callerid.NttMessages;
import dev.ataemu.media.fsk.FskModulator;
import dev.ataemu.media.fsk.FskStandard;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;

/**
 * Caller-ID messages as the FXO port and the phones read them off the line: Bellcore/ETSI frames,
 * NTT frames and DTMF strings. Each decoder returns a caller ID or throws
 * {@link MalformedMessageException}, its one documented refusal.
 */
class CallerIdFuzzTest {

    private static final String DTMF_KEYS = "0123456789*#ABCD";

    @DisplayName("HW-33 a Bellcore/ETSI frame decodes or is refused as malformed, and a call set-up re-encodes to itself")
    @FuzzTest
    void bellcoreEtsi(byte[] wire) {
        CallerIdMessage message;
        try {
            message = CallerIdMessages.decode(wire);
        } catch (MalformedMessageException refused) {
            assertThat(refused).hasMessageFindingMatch(".");
            return;
        }
        if (message instanceof CallerIdMessage.CallSetup setup && printable(setup.callerId())) {
            CallerId id = setup.callerId();
            byte[] again = (wire[0] & 0xFF) == CallerIdMessages.SDMF_CALL_SETUP
                    ? CallerIdMessages.sdmf(id) : CallerIdMessages.mdmf(id);
            assertThat(CallerIdMessages.decode(again)).isEqualTo(message);
        }
    }

    /** The first octet as the message type, the rest as its body, framed with the right length and checksum. */
    @DisplayName("HW-33 a well-framed Bellcore/ETSI message of any type and body decodes or is refused as malformed")
    @FuzzTest
    void bellcoreEtsiBody(byte[] typeAndBody) {
        if (typeAndBody.length == 0 || typeAndBody.length > 256) {
            return;
        }
        byte[] wire = new byte[typeAndBody.length + 2];
        wire[0] = typeAndBody[0];
        wire[1] = (byte) (typeAndBody.length - 1);
        System.arraycopy(typeAndBody, 1, wire, 2, typeAndBody.length - 1);
        wire[wire.length - 1] = MessageFrame.checksum(wire, wire.length - 1);
        bellcoreEtsi(wire);
    }

    @DisplayName("HW-33 an NTT frame decodes or is refused as malformed")
    @FuzzTest
    void ntt(byte[] wire) {
        try {
            NttMessages.decode(wire);
        } catch (MalformedMessageException refused) {
            assertThat(refused).hasMessageFindingMatch(".");
        }
    }

    /** The bytes as an NTT call set-up body, framed with DLE stuffing, parity and CRC as the line carries it. */
    @DisplayName("HW-33 a well-framed NTT message of any body decodes or is refused as malformed")
    @FuzzTest
    void nttBody(byte[] body) {
        if (body.length > 255) {
            return;
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(new byte[] {0x10, 0x01, 0x07, 0x10, 0x02, NttMessages.CALL_SETUP});
        stuffed(frame, body.length);
        for (byte octet : body) {
            stuffed(frame, octet & 0x7F);
        }
        frame.writeBytes(new byte[] {0x10, 0x03});
        byte[] octets = frame.toByteArray();
        for (int i = 0; i < octets.length; i++) {
            int character = octets[i] & 0x7F;
            octets[i] = (byte) (Integer.bitCount(character) % 2 == 0 ? character : character | 0x80);
        }
        int crc = 0;
        for (int i = 2; i < octets.length; i++) {
            crc ^= octets[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
        }
        byte[] wire = Arrays.copyOf(octets, octets.length + 2);
        wire[octets.length] = (byte) crc;
        wire[octets.length + 1] = (byte) (crc >> 8);
        ntt(wire);
    }

    private static void stuffed(ByteArrayOutputStream out, int octet) {
        out.write(octet);
        if (octet == 0x10) {
            out.write(octet);
        }
    }

    @DisplayName("DTMF-08 a DTMF caller-ID string decodes to a number of digits 0-9 or is refused as malformed")
    @FuzzTest
    void dtmf(byte[] keys) {
        String digits = keysOf(keys);
        CallerId id;
        try {
            id = DtmfCallerId.decode(digits);
        } catch (MalformedMessageException refused) {
            return;
        }
        id.number().ifPresent(number -> assertThat(DtmfCallerId.canCarry(number)).as(number).isTrue());
    }

    @DisplayName("HW-33 any octets sent in FSK, and any DTMF keys, reach the display as caller ID, MWI or a rejection")
    @FuzzTest
    void receiver(FuzzedDataProvider data) {
        CallerIdReceiver.Listener listener = new CallerIdReceiver.Listener() {
            @Override
            public void callerId(CallerId callerId) {
                assertThat(callerId).isNotNull();
            }

            @Override
            public void messageWaiting(boolean waiting) {
            }
        };
        FskStandard modem = data.consumeBoolean() ? FskStandard.BELL_202 : FskStandard.V23;
        CallerIdReceiver receiver = data.consumeBoolean()
                ? new CallerIdReceiver(listener)
                : new CallerIdReceiver(Set.of(modem), Optional.of(DtmfMarkers.HASH_TERMINATED), listener);
        for (char key : keysOf(data.consumeBytes(data.consumeInt(0, 80))).toCharArray()) {
            receiver.dtmfDigit(key);
        }
        byte[] octets = data.consumeRemainingAsBytes();
        receiver.process(FskModulator.burst(modem, FskModulator.BELLCORE_LEVEL_DBM0, 30, 60, octets));
        receiver.process(new short[800]);
    }

    private static String keysOf(byte[] bytes) {
        StringBuilder keys = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            keys.append(DTMF_KEYS.charAt((b & 0xFF) % DTMF_KEYS.length()));
        }
        return keys.toString();
    }

    /** MDMF carries printable ASCII; other characters are sent as '?'. */
    private static boolean printable(CallerId id) {
        return id.number().map(CallerIdFuzzTest::printable).orElse(true)
                && id.name().map(CallerIdFuzzTest::printable).orElse(true);
    }

    private static boolean printable(String text) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(text) && text.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }
}
