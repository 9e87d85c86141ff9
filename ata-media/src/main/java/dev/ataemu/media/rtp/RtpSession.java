package dev.ataemu.media.rtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One RTP session of a call leg (RFC 3550): an RTP port and the RTCP port above it, sending with our
 * SSRC, sequence numbers and timestamps, receiving into statistics and a listener, reporting by RTCP
 * every few seconds. With symmetric RTP (P291) it answers to wherever the peer's packets come from.
 * Hostile or malformed packets are dropped and counted, never thrown.
 */
public final class RtpSession implements AutoCloseable {

    private static final int MAX_DATAGRAM = 2048;
    private static final long RTCP_INTERVAL_MS = 5000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a session behaves: symmetric RTP, RTCP on or off, the CNAME it reports. */
    public record Settings(boolean symmetric, boolean rtcp, String cname, int clockRate) {
        public static final Settings DEFAULTS = new Settings(false, true, "ata@emulator", 8000);
    }

    private final Settings settings;
    private final RtpChannel rtpSocket;
    private final Channel rtp;
    private final Channel rtcp;
    private final long ssrc = RANDOM.nextInt() & 0xffffffffL;
    private final DropCounters drops = new DropCounters();
    private final RtpParser parser = new RtpParser(drops);
    private final ReceptionStatistics reception;
    private final byte[] sendBuffer = new byte[MAX_DATAGRAM];
    private final ByteBuffer sendView = ByteBuffer.wrap(sendBuffer);
    private final byte[] receiveBuffer = new byte[MAX_DATAGRAM];
    private final ScheduledFuture<?> reports;
    private volatile InetSocketAddress remoteRtp;
    private volatile InetSocketAddress remoteRtcp;
    private volatile Consumer<RtpPacket> listener = packet -> { };
    private volatile Consumer<byte[]> rawListener;
    private volatile PacketProtection protection;
    private volatile long remoteSsrc = -1;
    private int sequence = RANDOM.nextInt(1 << 16);
    private long packetsSent;
    private long sendFailures;
    private long octetsSent;
    private long lastRtpTimestamp;
    private volatile long lastSrMiddle;
    private volatile long lastSrReceivedAtMillis;
    private volatile double roundTripMillis = -1;

    private RtpSession(Settings settings, RtpChannel rtp, RtpChannel rtcp) {
        this.settings = settings;
        this.rtpSocket = rtp;
        this.rtp = rtp.netty();
        this.rtcp = rtcp.netty();
        this.reception = new ReceptionStatistics(settings.clockRate());
        this.reports = settings.rtcp()
                ? this.rtcp.eventLoop().scheduleAtFixedRate(this::sendReport, RTCP_INTERVAL_MS, RTCP_INTERVAL_MS, TimeUnit.MILLISECONDS)
                : null;
    }

    /** Opens the RTP port and the RTCP port above it on {@code address}, or says which port is taken. */
    public static RtpSession open(MediaTransport transport, InetAddress address, int rtpPort, Settings settings)
            throws BindException {
        Holder holder = new Holder();
        RtpChannel rtp = bind(transport, address, rtpPort, new SimpleChannelInboundHandler<DatagramPacket>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                RtpSession session = holder.session;
                if (session != null) {
                    session.receivedRtp(packet);
                }
            }
        });
        RtpChannel rtcp;
        try {
            rtcp = bind(transport, address, rtpPort + 1, new SimpleChannelInboundHandler<DatagramPacket>() {
                @Override
                protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                    RtpSession session = holder.session;
                    if (session != null) {
                        session.receivedRtcp(packet);
                    }
                }
            });
        } catch (BindException e) {
            rtp.netty().close().awaitUninterruptibly();
            throw e;
        }
        holder.session = new RtpSession(settings, rtp, rtcp);
        return holder.session;
    }

    private static final class Holder {
        volatile RtpSession session;
    }

    private static RtpChannel bind(MediaTransport transport, InetAddress address, int port,
            SimpleChannelInboundHandler<DatagramPacket> handler) throws BindException {
        RtpChannel channel = RtpChannel.open(address, transport.nativeTransport());
        try {
            new Bootstrap().group(transport.eventLoops()).channelFactory(channel::netty)
                    .handler(handler).bind(address, port).sync();
            return channel;
        } catch (Exception e) {
            BindException failure = new BindException("cannot use UDP port " + port + " on " + address.getHostAddress()
                    + ": " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    public int localPort() {
        return ((InetSocketAddress) rtp.localAddress()).getPort();
    }

    public long ssrc() {
        return ssrc;
    }

    /** Where to send media (and RTCP, normally the port above). */
    public void remote(InetSocketAddress rtpAddress, InetSocketAddress rtcpAddress) {
        remoteRtp = Objects.requireNonNull(rtpAddress);
        remoteRtcp = Objects.requireNonNull(rtcpAddress);
    }

    public Optional<InetSocketAddress> remote() {
        return Optional.ofNullable(remoteRtp);
    }

    /** Protects what is sent and checks what arrives from now on (SRTP); null for plain RTP. */
    public void protection(PacketProtection newProtection) {
        protection = newProtection;
    }

    /** Hears every well-formed media packet, on a receiving thread; read its payload before returning. */
    public void onPacket(Consumer<RtpPacket> newListener) {
        listener = Objects.requireNonNull(newListener);
    }

    /** Sends one packet with the next sequence number. Call from one thread (the stream's pacer tick). */
    public void send(int payloadType, boolean marker, long timestamp, byte[] payload, int offset, int length) {
        InetSocketAddress to = remoteRtp;
        if (to == null) {
            return;
        }
        int size = RtpPacket.write(sendBuffer, marker, payloadType, sequence, timestamp, ssrc, payload, offset, length);
        sequence = sequence + 1 & 0xffff;
        PacketProtection protect = protection;
        boolean sent;
        if (protect == null) {
            sendView.clear().limit(size);
            sent = rtpSocket.sendNow(sendView, to);
        } else {
            sent = rtpSocket.sendNow(ByteBuffer.wrap(protect.protectRtp(sendBuffer, size)), to);
        }
        synchronized (this) {
            if (sent) {
                packetsSent++;
                octetsSent += length;
            } else {
                sendFailures++;
            }
            lastRtpTimestamp = timestamp;
        }
    }

    public Statistics statistics() {
        synchronized (this) {
            return new Statistics(packetsSent, octetsSent, sendFailures, reception.received(), reception.cumulativeLost(),
                    reception.jitterMillis(), roundTripMillis, drops.total(), drops.snapshot());
        }
    }

    /** What a call's statistics page shows for the leg. */
    public record Statistics(long packetsSent, long octetsSent, long sendFailures, long packetsReceived, long packetsLost,
            double jitterMillis, double roundTripMillis, long dropped, java.util.Map<DropReason, Long> dropsByReason) {
    }

    @Override
    public void close() {
        if (reports != null) {
            reports.cancel(false);
        }
        rtp.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        rtcp.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    /**
     * From now on the port carries something else than RTP (a T.38 fax's UDPTL, which takes the
     * call's media port): every datagram from the far end goes to {@code listener} as it came, and
     * RTCP reports stop.
     */
    public void carryRaw(Consumer<byte[]> rawDatagrams) {
        if (reports != null) {
            reports.cancel(false);
        }
        rawListener = java.util.Objects.requireNonNull(rawDatagrams);
    }

    /** The port carries RTP again (a fax call back to voice); RTCP reports stay off for this session. */
    public void carryRtp() {
        rawListener = null;
    }

    /** Sends {@code datagram} as it is to the far end's media address (see {@link #carryRaw}). */
    public void sendRaw(byte[] datagram) {
        InetSocketAddress to = remoteRtp;
        if (to != null) {
            rtp.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram), to), rtp.voidPromise());
        }
    }

    private void receivedRtp(DatagramPacket datagram) {
        ByteBuf content = datagram.content();
        int length = Math.min(content.readableBytes(), MAX_DATAGRAM);
        Consumer<byte[]> raw = rawListener;
        if (raw != null) {
            byte[] bytes = new byte[length];
            content.getBytes(content.readerIndex(), bytes);
            InetSocketAddress expected = remoteRtp;
            if (expected == null || datagram.sender().getAddress().equals(expected.getAddress())) {
                raw.accept(bytes);
            } else {
                drops.count(DropReason.WRONG_SOURCE);
            }
            return;
        }
        content.getBytes(content.readerIndex(), receiveBuffer, 0, length);
        byte[] bytes = receiveBuffer;
        PacketProtection check = protection;
        if (check != null) {
            Optional<byte[]> clear = check.unprotectRtp(receiveBuffer, length);
            if (clear.isEmpty()) {
                drops.count(DropReason.UNPROTECT_FAILED);
                return;
            }
            bytes = clear.get();
            length = bytes.length;
        }
        RtpPacket packet = parser.parse(bytes, length);
        if (packet == null) {
            return;
        }
        InetSocketAddress source = datagram.sender();
        if (settings.symmetric()) {
            if (!source.equals(remoteRtp)) {
                remoteRtp = source;
                remoteRtcp = new InetSocketAddress(source.getAddress(), source.getPort() + 1);
            }
        } else if (remoteRtp != null && !source.getAddress().equals(remoteRtp.getAddress())) {
            drops.count(DropReason.WRONG_SOURCE);
            return;
        }
        remoteSsrc = packet.ssrc();
        reception.received(packet.sequence(), packet.timestamp(), System.currentTimeMillis());
        listener.accept(packet);
    }

    private void receivedRtcp(DatagramPacket datagram) {
        ByteBuf content = datagram.content();
        byte[] bytes = new byte[Math.min(content.readableBytes(), MAX_DATAGRAM)];
        content.getBytes(content.readerIndex(), bytes);
        PacketProtection check = protection;
        if (check != null) {
            Optional<byte[]> clear = check.unprotectRtcp(bytes, bytes.length);
            if (clear.isEmpty()) {
                drops.count(DropReason.UNPROTECT_FAILED);
                return;
            }
            bytes = clear.get();
        }
        long nowMillis = System.currentTimeMillis();
        List<Rtcp.Report> reports = Rtcp.reports(bytes, bytes.length, drops);
        for (Rtcp.Report report : reports) {
            report.senderInfo().ifPresent(info -> {
                lastSrMiddle = Rtcp.middle32(info.ntpTimestamp());
                lastSrReceivedAtMillis = nowMillis;
            });
            for (Rtcp.ReportBlock block : report.blocks()) {
                if (block.ssrc() == ssrc && block.lastSr() != 0) {
                    long now = Rtcp.middle32(Rtcp.ntp(nowMillis));
                    long rtt = now - block.lastSr() - block.delaySinceLastSr() & 0xffffffffL;
                    roundTripMillis = rtt * 1000.0 / 65536;
                }
            }
        }
    }

    private void sendReport() {
        InetSocketAddress to = remoteRtcp;
        if (to == null) {
            return;
        }
        long nowMillis = System.currentTimeMillis();
        Optional<Rtcp.SenderInfo> sender;
        synchronized (this) {
            sender = packetsSent == 0 ? Optional.empty()
                    : Optional.of(new Rtcp.SenderInfo(Rtcp.ntp(nowMillis), lastRtpTimestamp, packetsSent, octetsSent));
        }
        List<Rtcp.ReportBlock> blocks = List.of();
        if (reception.started() && remoteSsrc >= 0) {
            long delay = lastSrReceivedAtMillis == 0 ? 0 : (nowMillis - lastSrReceivedAtMillis) * 65536 / 1000;
            blocks = List.of(new Rtcp.ReportBlock(remoteSsrc, reception.fractionLostSinceLastReport(),
                    Math.max(0, reception.cumulativeLost()), reception.extendedHighestSequence(), reception.jitter(),
                    lastSrMiddle, lastSrMiddle == 0 ? 0 : delay));
        }
        byte[] report = Rtcp.compound(ssrc, sender, blocks, settings.cname());
        PacketProtection protect = protection;
        if (protect != null) {
            report = protect.protectRtcp(report, report.length);
        }
        rtcp.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(report), to), rtcp.voidPromise());
    }

    /** Sends a report now (tests; the timer sends one every five seconds). */
    public void reportNow() {
        rtcp.eventLoop().execute(this::sendReport);
    }
}
