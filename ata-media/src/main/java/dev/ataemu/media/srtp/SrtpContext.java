package dev.ataemu.media.srtp;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP/SRTCP cryptographic context of one master key in one direction (RFC 3711): SDES gives
 * each direction its own key, so a call holds one context to protect what it sends and another to
 * unprotect what it receives. Per-SSRC state (rollover counter, replay list, SRTCP index) is kept
 * for up to {@value #MAX_STREAMS} SSRCs, because a PBX may switch SSRC mid-call under the same key;
 * an SSRC's state is created only by a packet that authenticates.
 *
 * <p>Performance: the session keys are derived once; one AES cipher and one HMAC-SHA1 instance per
 * RTP and RTCP live as long as the context, with scratch buffers for IVs and tags, so a packet
 * allocates only its output array. Unprotecting never throws on packet contents: every drop is a
 * {@link DropReason}, counted in {@link #statistics()}.
 *
 * <p>Threads: a context is confined to one thread at a time (the sender's pacing thread, or the
 * receiving event loop). {@link #statistics()} may be read from any thread.
 */
public final class SrtpContext {

    static final int MAX_STREAMS = 8;

    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;
    private static final int SRTCP_INDEX_LENGTH = 4;
    private static final int SHA1_LENGTH = 20;
    private static final DropReason[] REASONS = DropReason.values();

    private static final int RTP_PROTECTED = 0;
    private static final int RTP_UNPROTECTED = 1;
    private static final int RTCP_PROTECTED = 2;
    private static final int RTCP_UNPROTECTED = 3;
    private static final int FIRST_DROP = 4;

    private final SrtpCryptoSuite suite;
    private final int rtpTagLength;
    private final int mkiLength;
    private final Mki mki;
    private final long packetLimit;

    private final AesCounterMode rtpCipher;
    private final Mac rtpMac;
    private final byte[] rtpSalt;
    private final AesCounterMode rtcpCipher;
    private final Mac rtcpMac;
    private final byte[] rtcpSalt;

    private final byte[] iv = new byte[AesCounterMode.BLOCK];
    private final byte[] digest = new byte[SHA1_LENGTH];
    private final byte[] fourBytes = new byte[4];

    private final StreamState[] streams = new StreamState[MAX_STREAMS];
    private final StreamState probe = new StreamState();
    private long uses;
    private long packetsUnderKey;

    private final AtomicLongArray counters = new AtomicLongArray(FIRST_DROP + REASONS.length);

    public SrtpContext(SrtpCryptoSuite suite, MasterKey masterKey) {
        this.suite = Objects.requireNonNull(suite);
        this.rtpTagLength = suite.rtpTagLength();
        this.mki = masterKey.mki().orElse(null);
        this.mkiLength = mki == null ? 0 : mki.length();
        this.packetLimit = masterKey.packetLimit();
        SessionKeys rtp = SessionKeys.forRtp(masterKey);
        SessionKeys rtcp = SessionKeys.forRtcp(masterKey);
        rtpCipher = new AesCounterMode(rtp.encryptionKey());
        rtpMac = hmac(rtp.authenticationKey());
        rtpSalt = rtp.salt().clone();
        rtcpCipher = new AesCounterMode(rtcp.encryptionKey());
        rtcpMac = hmac(rtcp.authenticationKey());
        rtcpSalt = rtcp.salt().clone();
        rtp.erase();
        rtcp.erase();
    }

    /** The context for the key of one negotiated {@code a=crypto} line. */
    public static SrtpContext of(SdesCrypto crypto) {
        return new SrtpContext(crypto.suite(), crypto.masterKey());
    }

    public SrtpCryptoSuite suite() {
        return suite;
    }

    /** Packets that may still be protected or accepted under this master key. */
    public long remainingPackets() {
        return packetLimit - packetsUnderKey;
    }

    /**
     * Encrypts and authenticates the RTP packet in {@code packet[0, length)}, returning a new array
     * of {@code length} + MKI + tag bytes. The input is not changed.
     *
     * @throws IllegalArgumentException if the packet is not a well-formed RTP packet (our own bug)
     * @throws KeyExhaustedException if the master key's lifetime or the SRTP index space is used up
     */
    public byte[] protectRtp(byte[] packet, int length) {
        Objects.checkFromIndexSize(0, length, packet.length);
        int payload = rtpPayloadOffset(packet, length);
        if (payload < 0) {
            throw new IllegalArgumentException("not an RTP packet: " + REASONS[-payload - 1]);
        }
        checkKeyLife();
        int ssrc = readInt(packet, 8);
        StreamState stream = streamFor(ssrc, true);
        long index = stream.estimateIndex(readShort(packet, 2));
        if (index < 0) {
            // Our own stack sent a sequence number from before the stream's start: keep it in ROC 0.
            index = readShort(packet, 2);
        }
        if (index > StreamState.MAX_SRTP_INDEX) {
            throw new KeyExhaustedException("SRTP index space of SSRC " + Integer.toUnsignedString(ssrc) + " used up");
        }
        if (index > stream.rtp.highest()) {
            stream.rtp.accept(index);
        }
        byte[] out = new byte[length + mkiLength + rtpTagLength];
        System.arraycopy(packet, 0, out, 0, length);
        rtpCipher.apply(rtpIv(ssrc, index), out, payload, length - payload);
        if (mki != null) {
            mki.write(out, length);
        }
        rtpTag(out, length, index >>> 16);
        System.arraycopy(digest, 0, out, length + mkiLength, rtpTagLength);
        packetsUnderKey++;
        counters.incrementAndGet(RTP_PROTECTED);
        return out;
    }

    /** Authenticates, replay-checks and decrypts one SRTP packet; never throws on its contents. */
    public Unprotected unprotectRtp(byte[] packet, int length) {
        Objects.checkFromIndexSize(0, length, packet.length);
        int authenticated = length - mkiLength - rtpTagLength;
        if (authenticated < RTP_HEADER) {
            return drop(DropReason.TRUNCATED);
        }
        int payload = rtpPayloadOffset(packet, authenticated);
        if (payload < 0) {
            return drop(REASONS[-payload - 1]);
        }
        if (mki != null && !mki.matches(packet, authenticated)) {
            return drop(DropReason.MKI_MISMATCH);
        }
        if (packetsUnderKey >= packetLimit) {
            return drop(DropReason.KEY_EXHAUSTED);
        }
        int ssrc = readInt(packet, 8);
        StreamState known = streamFor(ssrc, false);
        StreamState stream = known != null ? known : probe;
        if (known == null) {
            probe.reset(ssrc);
        }
        long index = stream.estimateIndex(readShort(packet, 2));
        if (index < 0) {
            return drop(DropReason.TOO_OLD);
        }
        if (index > StreamState.MAX_SRTP_INDEX) {
            return drop(DropReason.KEY_EXHAUSTED);
        }
        switch (stream.rtp.check(index)) {
            case REPLAYED:
                return drop(DropReason.REPLAYED);
            case TOO_OLD:
                return drop(DropReason.TOO_OLD);
            default:
                break;
        }
        rtpTag(packet, authenticated, index >>> 16);
        if (!tagMatches(packet, authenticated + mkiLength, rtpTagLength)) {
            return drop(DropReason.AUTHENTICATION_FAILED);
        }
        byte[] out = new byte[authenticated];
        System.arraycopy(packet, 0, out, 0, authenticated);
        rtpCipher.apply(rtpIv(ssrc, index), out, payload, authenticated - payload);
        if (known == null) {
            stream = streamFor(ssrc, true);
        }
        stream.rtp.accept(index);
        packetsUnderKey++;
        counters.incrementAndGet(RTP_UNPROTECTED);
        return Unprotected.accepted(out, index);
    }

    /**
     * Encrypts and authenticates an RTCP (compound) packet: everything after the first eight bytes
     * is encrypted, then E-flag and SRTCP index, MKI and the 80-bit tag are appended.
     *
     * @throws IllegalArgumentException if the packet is shorter than an RTCP header or not version 2
     * @throws KeyExhaustedException if the master key's lifetime or the SRTCP index space is used up
     */
    public byte[] protectRtcp(byte[] packet, int length) {
        Objects.checkFromIndexSize(0, length, packet.length);
        if (length < RTCP_HEADER || version(packet) != 2) {
            throw new IllegalArgumentException("not an RTCP packet");
        }
        checkKeyLife();
        int ssrc = readInt(packet, 4);
        StreamState stream = streamFor(ssrc, true);
        long index = stream.nextRtcpIndex;
        if (index > StreamState.MAX_SRTCP_INDEX) {
            throw new KeyExhaustedException("SRTCP index space of SSRC " + Integer.toUnsignedString(ssrc) + " used up");
        }
        stream.nextRtcpIndex = index + 1;
        int tagLength = suite.rtcpTagLength();
        byte[] out = new byte[length + SRTCP_INDEX_LENGTH + mkiLength + tagLength];
        System.arraycopy(packet, 0, out, 0, length);
        rtcpCipher.apply(rtcpIv(ssrc, index), out, RTCP_HEADER, length - RTCP_HEADER);
        writeInt(out, length, (int) (0x80000000L | index));
        int authenticated = length + SRTCP_INDEX_LENGTH;
        if (mki != null) {
            mki.write(out, authenticated);
        }
        mac(rtcpMac, out, authenticated, null);
        System.arraycopy(digest, 0, out, authenticated + mkiLength, tagLength);
        packetsUnderKey++;
        counters.incrementAndGet(RTCP_PROTECTED);
        return out;
    }

    /** Authenticates, replay-checks and decrypts one SRTCP packet; never throws on its contents. */
    public Unprotected unprotectRtcp(byte[] packet, int length) {
        Objects.checkFromIndexSize(0, length, packet.length);
        int tagLength = suite.rtcpTagLength();
        int authenticated = length - mkiLength - tagLength;
        int end = authenticated - SRTCP_INDEX_LENGTH;
        if (end < RTCP_HEADER) {
            return drop(DropReason.TRUNCATED);
        }
        if (version(packet) != 2) {
            return drop(DropReason.BAD_VERSION);
        }
        if (mki != null && !mki.matches(packet, authenticated)) {
            return drop(DropReason.MKI_MISMATCH);
        }
        if (packetsUnderKey >= packetLimit) {
            return drop(DropReason.KEY_EXHAUSTED);
        }
        int eAndIndex = readInt(packet, end);
        boolean encrypted = eAndIndex < 0;
        long index = eAndIndex & 0x7FFFFFFFL;
        int ssrc = readInt(packet, 4);
        StreamState known = streamFor(ssrc, false);
        if (known != null) {
            switch (known.rtcp.check(index)) {
                case REPLAYED:
                    return drop(DropReason.REPLAYED);
                case TOO_OLD:
                    return drop(DropReason.TOO_OLD);
                default:
                    break;
            }
        }
        mac(rtcpMac, packet, authenticated, null);
        if (!tagMatches(packet, authenticated + mkiLength, tagLength)) {
            return drop(DropReason.AUTHENTICATION_FAILED);
        }
        byte[] out = new byte[end];
        System.arraycopy(packet, 0, out, 0, end);
        if (encrypted) {
            rtcpCipher.apply(rtcpIv(ssrc, index), out, RTCP_HEADER, end - RTCP_HEADER);
        }
        StreamState stream = known != null ? known : streamFor(ssrc, true);
        stream.rtcp.accept(index);
        packetsUnderKey++;
        counters.incrementAndGet(RTCP_UNPROTECTED);
        return Unprotected.accepted(out, index);
    }

    public SrtpStatistics statistics() {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, counters.get(FIRST_DROP + reason.ordinal()));
        }
        return new SrtpStatistics(counters.get(RTP_PROTECTED), counters.get(RTP_UNPROTECTED),
                counters.get(RTCP_PROTECTED), counters.get(RTCP_UNPROTECTED), drops);
    }

    private Unprotected drop(DropReason reason) {
        counters.incrementAndGet(FIRST_DROP + reason.ordinal());
        return Unprotected.dropped(reason);
    }

    private void checkKeyLife() {
        if (packetsUnderKey >= packetLimit) {
            throw new KeyExhaustedException("master key lifetime of " + packetLimit + " packets used up");
        }
    }

    /**
     * Where the payload starts in an RTP packet of {@code length} bytes, after CSRCs and header
     * extension, or -(reason ordinal + 1) when the header does not fit.
     */
    private static int rtpPayloadOffset(byte[] packet, int length) {
        if (length < RTP_HEADER) {
            return -(DropReason.TRUNCATED.ordinal() + 1);
        }
        if (version(packet) != 2) {
            return -(DropReason.BAD_VERSION.ordinal() + 1);
        }
        int offset = RTP_HEADER + 4 * (packet[0] & 0x0F);
        if (offset > length) {
            return -(DropReason.CSRC_OVERRUN.ordinal() + 1);
        }
        if ((packet[0] & 0x10) != 0) {
            if (offset + 4 > length) {
                return -(DropReason.EXTENSION_OVERRUN.ordinal() + 1);
            }
            offset += 4 + 4 * readShort(packet, offset + 2);
            if (offset > length) {
                return -(DropReason.EXTENSION_OVERRUN.ordinal() + 1);
            }
        }
        return offset;
    }

    /** IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), RFC 3711 section 4.1.1. */
    private byte[] rtpIv(int ssrc, long index) {
        counterIv(rtpSalt, ssrc, index, iv);
        return iv;
    }

    /** The same construction with the SRTCP salt and the SRTCP index. */
    private byte[] rtcpIv(int ssrc, long index) {
        counterIv(rtcpSalt, ssrc, index, iv);
        return iv;
    }

    static void counterIv(byte[] salt, int ssrc, long index, byte[] iv) {
        System.arraycopy(salt, 0, iv, 0, salt.length);
        iv[14] = 0;
        iv[15] = 0;
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
    }

    /** HMAC-SHA1 over the authenticated portion followed by the 32-bit rollover counter. */
    private void rtpTag(byte[] packet, int authenticated, long roc) {
        writeInt(fourBytes, 0, (int) roc);
        mac(rtpMac, packet, authenticated, fourBytes);
    }

    private void mac(Mac mac, byte[] data, int length, byte[] suffix) {
        mac.update(data, 0, length);
        if (suffix != null) {
            mac.update(suffix);
        }
        try {
            mac.doFinal(digest, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in constant time, so the tag cannot be guessed byte by byte from timing. */
    private boolean tagMatches(byte[] packet, int offset, int tagLength) {
        int difference = 0;
        for (int i = 0; i < tagLength; i++) {
            difference |= packet[offset + i] ^ digest[i];
        }
        return difference == 0;
    }

    private StreamState streamFor(int ssrc, boolean create) {
        uses++;
        StreamState leastRecent = null;
        for (int i = 0; i < streams.length; i++) {
            StreamState stream = streams[i];
            if (stream == null) {
                if (!create) {
                    continue;
                }
                stream = new StreamState();
                stream.reset(ssrc);
                stream.lastUse = uses;
                streams[i] = stream;
                return stream;
            }
            if (stream.ssrc == ssrc) {
                stream.lastUse = uses;
                return stream;
            }
            if (leastRecent == null || stream.lastUse < leastRecent.lastUse) {
                leastRecent = stream;
            }
        }
        if (!create) {
            return null;
        }
        leastRecent.reset(ssrc);
        leastRecent.lastUse = uses;
        return leastRecent;
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA1", e);
        }
    }

    private static int version(byte[] packet) {
        return (packet[0] & 0xC0) >>> 6;
    }

    private static int readShort(byte[] data, int offset) {
        return ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
    }

    private static int readInt(byte[] data, int offset) {
        return ((data[offset] & 0xFF) << 24) | ((data[offset + 1] & 0xFF) << 16) | ((data[offset + 2] & 0xFF) << 8)
                | (data[offset + 3] & 0xFF);
    }

    private static void writeInt(byte[] data, int offset, int value) {
        data[offset] = (byte) (value >>> 24);
        data[offset + 1] = (byte) (value >>> 16);
        data[offset + 2] = (byte) (value >>> 8);
        data[offset + 3] = (byte) value;
    }
}
