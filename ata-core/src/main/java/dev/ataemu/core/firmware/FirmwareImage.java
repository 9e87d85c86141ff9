package dev.ataemu.core.firmware;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator's firmware image ({@code ht502fw.bin}, {@code ht813fw.bin}): the real images are
 * the vendor's own, so the emulator has a format of its own with what an upgrade needs to check and
 * show. Layout: the magic {@code ATAEMUFW}, a format byte (1), the model id, the part versions
 * (Program, Boot, ...), a payload, and a SHA-256 of everything before it. Each text is a length
 * byte and US-ASCII; counts are one byte; the payload length is four bytes, big-endian.
 */
public record FirmwareImage(String model, Map<String, String> versions, byte[] payload) {

    private static final byte[] MAGIC = "ATAEMUFW".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int DIGEST_BYTES = 32;

    public FirmwareImage {
        versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        payload = payload.clone();
    }

    /** The file name a model's image goes by: {@code ht502fw.bin}. */
    public static String fileName(String model) {
        return model.toLowerCase(java.util.Locale.ROOT) + "fw.bin";
    }

    /** The Program version, the one the status page leads with. */
    public String program() {
        return versions.getOrDefault("Program", "");
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(FORMAT);
        text(out, model);
        out.write(versions.size());
        versions.forEach((part, version) -> {
            text(out, part);
            text(out, version);
        });
        out.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
        out.writeBytes(payload);
        byte[] body = out.toByteArray();
        out.writeBytes(sha256(body, body.length));
        return out.toByteArray();
    }

    /**
     * Reads and checks an image.
     *
     * @throws IllegalArgumentException naming what is wrong: not an image, a damaged one (digest), a
     *         truncated one
     */
    public static FirmwareImage decode(byte[] file) {
        if (file.length < MAGIC.length + 1 + DIGEST_BYTES || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("not an emulator firmware image");
        }
        int end = file.length - DIGEST_BYTES;
        if (!Arrays.equals(sha256(file, end), Arrays.copyOfRange(file, end, file.length))) {
            throw new IllegalArgumentException("the image is damaged: its SHA-256 does not match");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(file, MAGIC.length, end - MAGIC.length);
            if (in.get() != FORMAT) {
                throw new IllegalArgumentException("an image format this emulator does not know");
            }
            String model = text(in);
            int parts = in.get() & 0xFF;
            Map<String, String> versions = new LinkedHashMap<>();
            for (int i = 0; i < parts; i++) {
                versions.put(text(in), text(in));
            }
            int length = in.getInt();
            if (length < 0 || length != in.remaining()) {
                throw new IllegalArgumentException("the image's payload length does not match");
            }
            byte[] payload = new byte[length];
            in.get(payload);
            return new FirmwareImage(model, versions, payload);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("the image is cut short");
        }
    }

    private static void text(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 255) {
            throw new IllegalArgumentException("'" + text + "' is longer than 255 characters");
        }
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String text(ByteBuffer in) {
        byte[] bytes = new byte[in.get() & 0xFF];
        in.get(bytes);
        for (byte b : bytes) {
            if (b < 0) {
                throw new IllegalArgumentException("the image's texts are not US-ASCII");
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
