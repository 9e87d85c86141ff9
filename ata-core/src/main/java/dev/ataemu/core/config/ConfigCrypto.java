package dev.ataemu.core.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An encrypted XML config file (INTERFACES 3.2): OpenSSL's password-based format,
 * {@code Salted__}, an 8-byte salt, then AES-256-CBC ciphertext, the key and IV derived from the
 * "XML Config File Password" (P1359) and the salt by {@code EVP_BytesToKey} with MD5 and one
 * iteration, as {@code openssl enc -aes-256-cbc -md md5 -k <password>} writes it.
 */
public final class ConfigCrypto {

    private static final byte[] MAGIC = "Salted__".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 8;
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 16;

    private ConfigCrypto() {
    }

    public static boolean isEncrypted(byte[] file) {
        return file.length >= MAGIC.length + SALT_BYTES && Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The plain file, or empty when the password does not open it (a wrong password, a damaged file). */
    public static Optional<byte[]> decrypt(byte[] file, String password) {
        if (!isEncrypted(file)) {
            return Optional.empty();
        }
        byte[] salt = Arrays.copyOfRange(file, MAGIC.length, MAGIC.length + SALT_BYTES);
        byte[] keyAndIv = bytesToKey(password.getBytes(StandardCharsets.UTF_8), salt);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyAndIv, 0, KEY_BYTES, "AES"),
                    new IvParameterSpec(keyAndIv, KEY_BYTES, IV_BYTES));
            return Optional.of(cipher.doFinal(file, MAGIC.length + SALT_BYTES, file.length - MAGIC.length - SALT_BYTES));
        } catch (GeneralSecurityException wrongPasswordOrDamaged) {
            return Optional.empty();
        }
    }

    /** OpenSSL's EVP_BytesToKey with MD5, one iteration: D_i = MD5(D_{i-1} || password || salt) until there is enough. */
    private static byte[] bytesToKey(byte[] password, byte[] salt) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] out = new byte[KEY_BYTES + IV_BYTES];
            byte[] previous = new byte[0];
            int filled = 0;
            while (filled < out.length) {
                md5.update(previous);
                md5.update(password);
                md5.update(salt);
                previous = md5.digest();
                int take = Math.min(previous.length, out.length - filled);
                System.arraycopy(previous, 0, out, filled, take);
                filled += take;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
