package dev.ataemu.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interoperability with an independent SRTP implementation: ffmpeg's srtp protocol (libavformat),
 * from the Debian package (installed by .ci/run).
 */
@DisplayName("MEDIA-24 / SEC-02: SRTP interop with ffmpeg")
class FfmpegInteropTest {

    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path folder;

    @BeforeAll
    static void needsFfmpeg() {
        assertThat(Files.isExecutable(FFMPEG))
                .as("ffmpeg (Debian package) is needed as the independent SRTP peer; .ci/run installs it").isTrue();
    }

    @ParameterizedTest
    @EnumSource(SrtpCryptoSuite.class)
    @DisplayName("ffmpeg sends SRTP and SRTCP; we authenticate and decrypt a 1 kHz PCMU tone")
    void ffmpegSendsWeReceive(SrtpCryptoSuite suite) throws Exception {
        MasterKey key = MasterKey.generate(RANDOM, OptionalLong.empty());
        SrtpContext receiver = new SrtpContext(suite, key);
        try (PortPair ports = PortPair.open()) {
            Process ffmpeg = start("-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=8000:duration=0.5",
                    "-c:a", "pcm_mulaw", "-ar", "8000", "-ac", "1", "-f", "rtp",
                    "-srtp_out_suite", ffmpegSenderSuite(suite), "-srtp_out_params", key.keyAndSaltBase64(),
                    "srtp://127.0.0.1:" + ports.rtp.getLocalPort() + "?rtcpport=" + ports.rtcp.getLocalPort() + "&pkt_size=198");

            List<byte[]> rtp = ports.receive(ports.rtp, ffmpeg);
            List<byte[]> rtcp = ports.receive(ports.rtcp, ffmpeg);
            assertThat(ffmpeg.waitFor(5, TimeUnit.SECONDS)).isTrue();

            assertThat(rtp.size()).as(log()).isGreaterThanOrEqualTo(10);
            int previousSeq = -1;
            for (byte[] packet : rtp) {
                Unprotected result = receiver.unprotectRtp(packet, packet.length);
                assertThat(result.dropReason()).as("%s", result).isEmpty();
                byte[] plain = result.packet().orElseThrow();
                assertThat(plain).hasSize(packet.length - suite.rtpTagLength());
                assertThat(plain[1] & 0x7F).as("payload type").isZero();
                int seq = ((plain[2] & 0xFF) << 8) | (plain[3] & 0xFF);
                if (previousSeq >= 0) {
                    assertThat(seq).isEqualTo((previousSeq + 1) & 0xFFFF);
                }
                previousSeq = seq;
                assertIsA1kHzTone(Arrays.copyOfRange(plain, 12, plain.length));
            }
            assertThat(rtcp.size()).as("ffmpeg's sender reports").isPositive();
            for (byte[] packet : rtcp) {
                Unprotected result = receiver.unprotectRtcp(packet, packet.length);
                assertThat(result.dropReason()).as("%s", result).isEmpty();
                assertThat(result.packet().orElseThrow()[1] & 0xFF).as("sender report").isEqualTo(200);
            }
            assertThat(receiver.statistics().totalDropped()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpCryptoSuite.class)
    @DisplayName("we send SRTP; ffmpeg, given our a=crypto line in SDP, decrypts our exact payloads")
    void weSendFfmpegReceives(SrtpCryptoSuite suite) throws Exception {
        SdesCrypto crypto = SdesCrypto.offer(1, suite, false, RANDOM);
        SrtpContext sender = SrtpContext.of(crypto);
        int port;
        try (PortPair free = PortPair.open()) {
            port = free.rtp.getLocalPort();
        }
        Path sdp = folder.resolve("in.sdp");
        Files.writeString(sdp, String.join("\r\n", "v=0", "o=- 0 0 IN IP4 127.0.0.1", "s=srtp", "c=IN IP4 127.0.0.1", "t=0 0",
                "m=audio " + port + " RTP/SAVP 0", "a=rtpmap:0 PCMU/8000", crypto.format(), ""));
        Path output = folder.resolve("out.ul");
        Process ffmpeg = start("-protocol_whitelist", "file,udp,rtp,srtp", "-i", sdp.toString(), "-c:a", "copy", "-t", "0.6",
                "-f", "mulaw", output.toString());
        waitUntilBound(port, ffmpeg);

        List<byte[]> payloads = new ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            for (int seq = 100; seq < 150; seq++) {
                byte[] plain = Packets.rtp(0x0A0B0C0D, seq, 160);
                payloads.add(Arrays.copyOfRange(plain, 12, plain.length));
                byte[] secured = sender.protectRtp(plain, plain.length);
                socket.send(new DatagramPacket(secured, secured.length, LOOPBACK, port));
                Thread.sleep(5);
            }
        }
        if (!ffmpeg.waitFor(3, TimeUnit.SECONDS)) {
            ffmpeg.destroyForcibly().waitFor();
        }

        byte[] received = Files.exists(output) ? Files.readAllBytes(output) : new byte[0];
        assertThat(received.length).as(log()).isEqualTo(30 * 160);
        assertThat(received.length % 160).isZero();
        int first = payloads.indexOf(payloads.stream().filter(p -> Arrays.equals(p, Arrays.copyOf(received, 160))).findFirst()
                .orElseThrow(() -> new AssertionError("ffmpeg's first packet is none of ours\n" + log())));
        for (int at = 0; at < received.length; at += 160) {
            assertThat(Arrays.copyOfRange(received, at, at + 160)).isEqualTo(payloads.get(first + at / 160));
        }
    }

    /**
     * ffmpeg's sender under the name AES_CM_128_HMAC_SHA1_32 cuts the SRTCP tag to 32 bits too,
     * against RFC 4568 section 6.2.2; its DTLS-SRTP name for the same suite keeps SRTCP at 80 bits,
     * which is the RFC's transform.
     */
    private static String ffmpegSenderSuite(SrtpCryptoSuite suite) {
        return suite == SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_32 ? "SRTP_AES128_CM_HMAC_SHA1_32" : suite.sdesName();
    }

    private Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-hide_banner", "-nostdin", "-loglevel", "warning", "-y"));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(folder.resolve("ffmpeg.log").toFile()).start();
    }

    private String log() {
        try {
            return "ffmpeg said:\n" + Files.readString(folder.resolve("ffmpeg.log"));
        } catch (IOException e) {
            return "no ffmpeg log";
        }
    }

    /** ffmpeg opens its UDP port some time after starting; /proc/net/udp shows when. */
    private static void waitUntilBound(int port, Process ffmpeg) throws Exception {
        String local = String.format(Locale.ROOT, ":%04X ", port);
        Path table = Path.of("/proc/net/udp");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && ffmpeg.isAlive()) {
            if (!Files.exists(table)) {
                Thread.sleep(1000);
                return;
            }
            if (Files.readAllLines(table).stream().anyMatch(line -> line.trim().split("\\s+")[1].endsWith(local.trim()))) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /** µ-law samples of a 1 kHz tone at 8 kHz repeat every eight samples. */
    private static void assertIsA1kHzTone(byte[] ulaw) {
        int energy = 0;
        for (int i = 8; i < ulaw.length; i++) {
            assertThat(Math.abs(linear(ulaw[i]) - linear(ulaw[i - 8]))).as("sample %d", i).isLessThan(600);
            energy += Math.abs(linear(ulaw[i]));
        }
        assertThat(energy / ulaw.length).as("mean amplitude").isGreaterThan(500);
    }

    /** G.711 µ-law expansion. */
    private static int linear(byte code) {
        int u = ~code & 0xFF;
        int magnitude = ((((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4)) - 0x84;
        return (u & 0x80) != 0 ? -magnitude : magnitude;
    }

    /** Two UDP sockets on loopback, RTP and RTCP, the way ffmpeg expects them. */
    private static final class PortPair implements AutoCloseable {
        final DatagramSocket rtp;
        final DatagramSocket rtcp;

        private PortPair(DatagramSocket rtp, DatagramSocket rtcp) {
            this.rtp = rtp;
            this.rtcp = rtcp;
        }

        static PortPair open() throws SocketException {
            DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
            return new PortPair(rtp, new DatagramSocket(new InetSocketAddress(LOOPBACK, 0)));
        }

        /** Everything that arrives until the sender has exited and the socket stays quiet. */
        List<byte[]> receive(DatagramSocket socket, Process sender) throws IOException {
            List<byte[]> packets = new ArrayList<>();
            byte[] buffer = new byte[2048];
            socket.setSoTimeout(200);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(datagram);
                    packets.add(Arrays.copyOf(datagram.getData(), datagram.getLength()));
                } catch (SocketTimeoutException quiet) {
                    if (!sender.isAlive()) {
                        break;
                    }
                }
            }
            return packets;
        }

        @Override
        public void close() {
            rtp.close();
            rtcp.close();
        }
    }
}
