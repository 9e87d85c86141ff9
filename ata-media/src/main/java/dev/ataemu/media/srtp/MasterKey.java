package dev.ataemu.media.srtp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An SRTP master key with its master salt, and what RFC 4568 sends beside them in the
 * {@code inline:} key parameter: an optional lifetime in packets and an optional MKI.
 */
public final class MasterKey {

    private final byte[] key;
    private final byte[] salt;
    private final OptionalLong lifetime;
    private final Optional<Mki> mki;

    public MasterKey(byte[] key, byte[] salt, OptionalLong lifetime, Optional<Mki> mki) {
        if (key.length != SrtpCryptoSuite.MASTER_KEY_LENGTH) {
            throw new IllegalArgumentException("master key must be " + SrtpCryptoSuite.MASTER_KEY_LENGTH + " bytes, not " + key.length);
        }
        if (salt.length != SrtpCryptoSuite.MASTER_SALT_LENGTH) {
            throw new IllegalArgumentException("master salt must be " + SrtpCryptoSuite.MASTER_SALT_LENGTH + " bytes, not " + salt.length);
        }
        if (lifetime.isPresent() && (lifetime.getAsLong() < 1 || lifetime.getAsLong() > SrtpCryptoSuite.MAX_SRTP_PACKETS)) {
            throw new IllegalArgumentException("lifetime " + lifetime.getAsLong() + " outside 1 to 2^48 packets");
        }
        this.key = key.clone();
        this.salt = salt.clone();
        this.lifetime = lifetime;
        this.mki = Objects.requireNonNull(mki);
    }

    public MasterKey(byte[] key, byte[] salt) {
        this(key, salt, OptionalLong.empty(), Optional.empty());
    }

    /** Splits the 30 bytes of an {@code inline:} value into key and salt. */
    public static MasterKey fromKeyAndSalt(byte[] keyAndSalt, OptionalLong lifetime, Optional<Mki> mki) {
        int expected = SrtpCryptoSuite.MASTER_KEY_LENGTH + SrtpCryptoSuite.MASTER_SALT_LENGTH;
        if (keyAndSalt.length != expected) {
            throw new IllegalArgumentException("key and salt must be " + expected + " bytes, not " + keyAndSalt.length);
        }
        return new MasterKey(Arrays.copyOf(keyAndSalt, SrtpCryptoSuite.MASTER_KEY_LENGTH),
                Arrays.copyOfRange(keyAndSalt, SrtpCryptoSuite.MASTER_KEY_LENGTH, expected), lifetime, mki);
    }

    /** A fresh random key and salt (RFC 4568 section 6.1: each direction its own, never reused). */
    public static MasterKey generate(SecureRandom random, OptionalLong lifetime) {
        byte[] key = new byte[SrtpCryptoSuite.MASTER_KEY_LENGTH];
        byte[] salt = new byte[SrtpCryptoSuite.MASTER_SALT_LENGTH];
        random.nextBytes(key);
        random.nextBytes(salt);
        MasterKey generated = new MasterKey(key, salt, lifetime, Optional.empty());
        Arrays.fill(key, (byte) 0);
        Arrays.fill(salt, (byte) 0);
        return generated;
    }

    public byte[] key() {
        return key.clone();
    }

    public byte[] salt() {
        return salt.clone();
    }

    /** The master key's lifetime in packets when one was signalled. */
    public OptionalLong lifetime() {
        return lifetime;
    }

    public Optional<Mki> mki() {
        return mki;
    }

    /** Packets this key may protect: the signalled lifetime, else the SRTP maximum 2^48. */
    public long packetLimit() {
        return lifetime.orElse(SrtpCryptoSuite.MAX_SRTP_PACKETS);
    }

    /** The base64 of key||salt, the {@code inline:} value without lifetime and MKI. */
    public String keyAndSaltBase64() {
        byte[] both = new byte[key.length + salt.length];
        System.arraycopy(key, 0, both, 0, key.length);
        System.arraycopy(salt, 0, both, key.length, salt.length);
        String encoded = Base64.getEncoder().encodeToString(both);
        Arrays.fill(both, (byte) 0);
        return encoded;
    }

    byte[] keyRef() {
        return key;
    }

    byte[] saltRef() {
        return salt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey that && Arrays.equals(key, that.key) && Arrays.equals(salt, that.salt)
                && lifetime.equals(that.lifetime) && mki.equals(that.mki);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(salt), lifetime, mki);
    }

    /** Never shows the key itself: these strings end up in logs. */
    @Override
    public String toString() {
        return "MasterKey[lifetime=" + lifetime + ", mki=" + mki + "]";
    }
}
