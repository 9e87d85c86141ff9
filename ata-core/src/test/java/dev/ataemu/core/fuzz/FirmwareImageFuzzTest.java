package dev.ataemu.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.firmware.FirmwareImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;

/** Firmware images as they are uploaded on the web page or downloaded by the provisioning client. */
class FirmwareImageFuzzTest {

    private static final byte[] MAGIC = "ATAEMUFW".getBytes(StandardCharsets.US_ASCII);

    @DisplayName("PROV-21 any file is a checked firmware image or refused with IllegalArgumentException")
    @FuzzTest
    void file(byte[] file) {
        decodeAndCheck(file);
    }

    /** The fuzzed bytes sealed with the magic and a correct digest, so the fuzzer reaches the fields. */
    @DisplayName("PROV-21 an image with a good digest but any fields decodes to one that encodes back the same, or is refused")
    @FuzzTest
    void sealed(byte[] body) {
        byte[] unsealed = new byte[MAGIC.length + body.length];
        System.arraycopy(MAGIC, 0, unsealed, 0, MAGIC.length);
        System.arraycopy(body, 0, unsealed, MAGIC.length, body.length);
        byte[] file = Arrays.copyOf(unsealed, unsealed.length + 32);
        System.arraycopy(sha256(unsealed), 0, file, unsealed.length, 32);
        decodeAndCheck(file);
    }

    private static void decodeAndCheck(byte[] file) {
        FirmwareImage image;
        try {
            image = FirmwareImage.decode(file);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        FirmwareImage again = FirmwareImage.decode(image.encode());
        assertThat(again.model()).isEqualTo(image.model());
        assertThat(again.versions()).isEqualTo(image.versions());
        assertThat(again.payload()).isEqualTo(image.payload());
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
