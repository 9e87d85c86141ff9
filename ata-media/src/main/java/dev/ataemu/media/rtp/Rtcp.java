package dev.ataemu.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RTCP (RFC 3550 section 6): building compound sender/receiver reports with an SDES CNAME, and
 * reading the report blocks a peer sends back, without ever throwing on a malformed packet.
 */
public final class Rtcp {

    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    private static final int CNAME = 1;

    private Rtcp() {
    }

    /** What we sent, for the sender-info part of an SR. */
    public record SenderInfo(long ntpTimestamp, long rtpTimestamp, long packets, long octets) {
    }

    /** One report block: what a receiver says about one source. */
    public record ReportBlock(long ssrc, int fractionLost, long cumulativeLost, long extendedHighestSequence,
            long jitter, long lastSr, long delaySinceLastSr) {
    }

    /** A received report: its sender and the blocks it holds, and the sender info when it is an SR. */
    public record Report(long senderSsrc, Optional<SenderInfo> senderInfo, List<ReportBlock> blocks) {
    }

    /** A compound packet: an SR (when we sent media) or an RR, then SDES with our CNAME. */
    public static byte[] compound(long ssrc, Optional<SenderInfo> sender, List<ReportBlock> blocks, String cname) {
        byte[] cnameBytes = cname.getBytes(StandardCharsets.UTF_8);
        int reportLength = 8 + (sender.isPresent() ? 20 : 0) + 24 * blocks.size();
        int sdesItems = 2 + cnameBytes.length + 1;
        int sdesLength = 8 + (sdesItems + 3) / 4 * 4;
        byte[] out = new byte[reportLength + sdesLength];
        out[0] = (byte) (0x80 | blocks.size());
        out[1] = (byte) (sender.isPresent() ? SR : RR);
        putShort(out, 2, reportLength / 4 - 1);
        RtpPacket.putInt(out, 4, ssrc);
        int at = 8;
        if (sender.isPresent()) {
            SenderInfo info = sender.get();
            RtpPacket.putInt(out, 8, info.ntpTimestamp() >>> 32);
            RtpPacket.putInt(out, 12, info.ntpTimestamp());
            RtpPacket.putInt(out, 16, info.rtpTimestamp());
            RtpPacket.putInt(out, 20, info.packets());
            RtpPacket.putInt(out, 24, info.octets());
            at = 28;
        }
        for (ReportBlock block : blocks) {
            RtpPacket.putInt(out, at, block.ssrc());
            RtpPacket.putInt(out, at + 4, (long) (block.fractionLost() & 0xff) << 24 | block.cumulativeLost() & 0xffffff);
            RtpPacket.putInt(out, at + 8, block.extendedHighestSequence());
            RtpPacket.putInt(out, at + 12, block.jitter());
            RtpPacket.putInt(out, at + 16, block.lastSr());
            RtpPacket.putInt(out, at + 20, block.delaySinceLastSr());
            at += 24;
        }
        out[at] = (byte) 0x81;
        out[at + 1] = (byte) SDES;
        putShort(out, at + 2, sdesLength / 4 - 1);
        RtpPacket.putInt(out, at + 4, ssrc);
        out[at + 8] = CNAME;
        out[at + 9] = (byte) cnameBytes.length;
        System.arraycopy(cnameBytes, 0, out, at + 10, cnameBytes.length);
        return out;
    }

    /**
     * The SR and RR reports in a compound packet. Anything malformed ends the reading: what was read
     * before it is kept, the rest is counted as dropped.
     */
    public static List<Report> reports(byte[] packet, int length, DropCounters drops) {
        List<Report> reports = new ArrayList<>();
        int at = 0;
        while (at + 4 <= length) {
            int first = packet[at] & 0xff;
            int type = packet[at + 1] & 0xff;
            int words = (packet[at + 2] & 0xff) << 8 | packet[at + 3] & 0xff;
            int end = at + 4 * (words + 1);
            if (first >>> 6 != 2 || end > length || type < 192 || type > 223) {
                drops.count(DropReason.MALFORMED_RTCP);
                return reports;
            }
            int count = first & 0x1f;
            if (type == SR || type == RR) {
                int blocksAt = at + 8 + (type == SR ? 20 : 0);
                if (blocksAt + 24 * count > end) {
                    drops.count(DropReason.MALFORMED_RTCP);
                    return reports;
                }
                Optional<SenderInfo> info = type == SR ? Optional.of(new SenderInfo(
                        RtpPacket.getInt(packet, at + 8) << 32 | RtpPacket.getInt(packet, at + 12),
                        RtpPacket.getInt(packet, at + 16), RtpPacket.getInt(packet, at + 20),
                        RtpPacket.getInt(packet, at + 24))) : Optional.empty();
                List<ReportBlock> blocks = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int b = blocksAt + 24 * i;
                    long lost = RtpPacket.getInt(packet, b + 4);
                    blocks.add(new ReportBlock(RtpPacket.getInt(packet, b), (int) (lost >>> 24),
                            lost & 0xffffff, RtpPacket.getInt(packet, b + 8), RtpPacket.getInt(packet, b + 12),
                            RtpPacket.getInt(packet, b + 16), RtpPacket.getInt(packet, b + 20)));
                }
                reports.add(new Report(RtpPacket.getInt(packet, at + 4), info, blocks));
            }
            at = end;
        }
        return reports;
    }

    /** The middle 32 bits of a 64-bit NTP timestamp, as LSR fields carry it. */
    public static long middle32(long ntp) {
        return ntp >>> 16 & 0xffffffffL;
    }

    /** A 64-bit NTP timestamp for a Unix time in milliseconds. */
    public static long ntp(long unixMillis) {
        long seconds = unixMillis / 1000 + 2_208_988_800L;
        long fraction = (unixMillis % 1000) * (1L << 32) / 1000;
        return seconds << 32 | fraction;
    }

    private static void putShort(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
    }
}
