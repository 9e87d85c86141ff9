package dev.ataemu.core.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Encrypts as {@code openssl enc -aes-256-cbc -md md5 -k <password>} does, for files the fuzzer makes. */
final class OpensslEnc {

    private OpensslEnc() {
    }

    static byte[] encrypt(byte[] plain, String password, byte[] salt) {
        try {
            byte[] keyAndIv = new byte[48];
            byte[] previous = new byte[0];
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (int filled = 0; filled < keyAndIv.length; filled += 16) {
                md5.update(previous);
                md5.update(password.getBytes(StandardCharsets.UTF_8));
                md5.update(salt);
                previous = md5.digest();
                System.arraycopy(previous, 0, keyAndIv, filled, 16);
            }
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyAndIv, 0, 32, "AES"),
                    new IvParameterSpec(keyAndIv, 32, 16));
            byte[] sealed = cipher.doFinal(plain);
            byte[] file = Arrays.copyOf("Salted__".getBytes(StandardCharsets.US_ASCII), 16 + sealed.length);
            System.arraycopy(salt, 0, file, 8, 8);
            System.arraycopy(sealed, 0, file, 16, sealed.length);
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
