package dev.ataemu.media.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.codec.Codec;
import dev.ataemu.media.codec.g711.Pcma;
import dev.ataemu.media.codec.g711.Pcmu;
import dev.ataemu.media.codec.g722.G722;
import dev.ataemu.media.codec.g726.G726;
import dev.ataemu.media.codec.g726.G726Packing;
import dev.ataemu.media.codec.g726.G726Rate;
import dev.ataemu.media.codec.opus.Opus;
import dev.ataemu.media.dsp.Goertzel;
import dev.ataemu.media.dtmf.DtmfDetector;
import dev.ataemu.media.dtmf.DtmfDigit;
import dev.ataemu.media.rtp.RtpSession;
import dev.ataemu.media.srtp.SdesCrypto;
import dev.ataemu.media.srtp.SdesSelection;
import dev.ataemu.media.srtp.SrtpCryptoSuite;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Two legs of a call over loopback UDP, the audio measured at the far line. */
class MediaStreamTest {

    private static final ToneSpec TONE = ToneSpec.parse("f1=1000@-15,c=0/0;");

    static Stream<Arguments> codecs() {
        return Stream.of(
                Arguments.of(new Pcmu(), 0, 1.0),
                Arguments.of(new Pcma(), 8, 1.0),
                Arguments.of(new G722(), 9, 1.5),
                Arguments.of(new G726(G726Rate.KBIT_32, G726Packing.RFC3551), 102, 1.5),
                Arguments.of(new Opus(), 123, 4.0));
    }

    @ParameterizedTest(name = "MEDIA-01 MEDIA-02 a 1 kHz tone at -15 dBm0 crosses the call in {0}")
    @MethodSource("codecs")
    void aToneCrossesTheCall(Codec codec, int payloadType, double toleranceDb) throws Exception {
        try (LoopbackCall call = new LoopbackCall()) {
            RtpSession[] pair = call.connectedPair();
            RtpSession a = pair[0];
            RtpSession b = pair[1];
            MediaStream alice = new MediaStream(a, MediaStream.Config.of(codec, payloadType, 20, 101));
            MediaStream bob = new MediaStream(b, MediaStream.Config.of(codec, payloadType, 20, 101));
            alice.start(call.transport.pacer());
            bob.start(call.transport.pacer());
            call.line(alice, new ToneGenerator(TONE));
            List<short[]> bobHears = call.line(bob, AudioSource.SILENCE);

            // On a busy machine the codec's first calls run before the JIT has compiled it: allow a settling time.
            Thread.sleep(1500);
            double level = lastHalfSecondLevel(bobHears);
            for (long deadline = System.nanoTime() + 6_000_000_000L;
                    Math.abs(level + 15) > toleranceDb && System.nanoTime() < deadline; ) {
                Thread.sleep(250);
                level = lastHalfSecondLevel(bobHears);
            }
            System.out.printf("%s: 1 kHz heard at %.2f dBm0, jitter buffer %s%n", codec.encodingName(), level,
                    bob.jitterStatistics());
            assertThat(level).isCloseTo(-15, within(toleranceDb));
            assertThat(bob.rtpStatistics().packetsLost()).isZero();
        }
    }

    @Test
    @DisplayName("DTMF-01 DTMF-04 a key sent as RFC 4733 telephone-events is heard once at the far end")
    void telephoneEvents() throws Exception {
        try (LoopbackCall call = new LoopbackCall()) {
            RtpSession[] pair = call.connectedPair();
            RtpSession a = pair[0];
            RtpSession b = pair[1];
            MediaStream alice = new MediaStream(a, MediaStream.Config.of(new Pcmu(), 0, 20, 101));
            MediaStream bob = new MediaStream(b, MediaStream.Config.of(new Pcmu(), 0, 20, 101));
            List<DtmfDigit> heard = new CopyOnWriteArrayList<>();
            bob.onDtmf(heard::add);
            alice.start(call.transport.pacer());
            bob.start(call.transport.pacer());
            call.line(alice, AudioSource.SILENCE);
            List<short[]> bobHears = call.line(bob, AudioSource.SILENCE);
            Thread.sleep(200);

            alice.sendDtmf(DtmfDigit.of('5'), 100);
            Thread.sleep(400);
            alice.sendDtmf(DtmfDigit.of('#'), 100);
            Thread.sleep(600);

            assertThat(heard).containsExactly(DtmfDigit.of('5'), DtmfDigit.of('#'));
            assertThat(keysIn(bobHears)).as("the keys' tones played toward bob's line").isEqualTo("5#");
        }
    }

    @Test
    @DisplayName("DTMF-01 keys sent in the audio (in-audio method) are found in the far end's audio")
    void keysInAudio() throws Exception {
        try (LoopbackCall call = new LoopbackCall()) {
            RtpSession[] pair = call.connectedPair();
            MediaStream alice = new MediaStream(pair[0], MediaStream.Config.of(new Pcma(), 8, 20, -1));
            MediaStream bob = new MediaStream(pair[1], MediaStream.Config.of(new Pcma(), 8, 20, -1));
            List<DtmfDigit> heard = new CopyOnWriteArrayList<>();
            bob.onDtmf(heard::add);
            bob.detectKeysInAudio(true);
            alice.start(call.transport.pacer());
            bob.start(call.transport.pacer());
            call.line(alice, new ToneGenerator(ToneSpec.parse("f1=440@-30,c=0/0;")));
            List<short[]> bobHears = call.line(bob, AudioSource.SILENCE);
            Thread.sleep(200);

            for (char key : "19*".toCharArray()) {
                alice.sendKeyTone(DtmfDigit.of(key), 80);
                Thread.sleep(250);
            }
            Thread.sleep(300);

            assertThat(heard).containsExactly(DtmfDigit.of('1'), DtmfDigit.of('9'), DtmfDigit.of('*'));
            assertThat(keysIn(bobHears)).isEqualTo("19*");
        }
    }

    @Test
    @DisplayName("DTMF-01 a key relayed by SIP INFO plays its tone toward the line")
    void playedKey() throws Exception {
        try (LoopbackCall call = new LoopbackCall()) {
            RtpSession[] pair = call.connectedPair();
            MediaStream alice = new MediaStream(pair[0], MediaStream.Config.of(new Pcmu(), 0, 20, -1));
            MediaStream bob = new MediaStream(pair[1], MediaStream.Config.of(new Pcmu(), 0, 20, -1));
            alice.start(call.transport.pacer());
            bob.start(call.transport.pacer());
            call.line(alice, new ToneGenerator(TONE));
            List<short[]> bobHears = call.line(bob, AudioSource.SILENCE);
            Thread.sleep(300);
            bob.playKey(DtmfDigit.of('7'), 100);
            Thread.sleep(400);

            assertThat(keysIn(bobHears)).isEqualTo("7");
        }
    }

    @Test
    @DisplayName("CALL-14 a held stream sends nothing and resumes where its clock would be")
    void holdStopsSending() throws Exception {
        try (LoopbackCall call = new LoopbackCall()) {
            RtpSession[] pair = call.connectedPair();
            MediaStream alice = new MediaStream(pair[0], MediaStream.Config.of(new Pcmu(), 0, 20, -1));
            MediaStream bob = new MediaStream(pair[1], MediaStream.Config.of(new Pcmu(), 0, 20, -1));
            alice.start(call.transport.pacer());
            bob.start(call.transport.pacer());
            call.line(alice, new ToneGenerator(TONE));
            call.line(bob, AudioSource.SILENCE);
            Thread.sleep(400);
            alice.sending(false);
            Thread.sleep(100);
            long before = pair[1].statistics().packetsReceived();
            Thread.sleep(500);
            long duringHold = pair[1].statistics().packetsReceived() - before;
            alice.sending(true);
            Thread.sleep(400);
            long afterResume = pair[1].statistics().packetsReceived() - before - duringHold;

            assertThat(duringHold).isZero();
            assertThat(afterResume).isGreaterThan(10);
            assertThat(pair[1].statistics().packetsLost()).as("no sequence gap: nothing was sent, so nothing lost").isZero();
        }
    }

    private static double lastHalfSecondLevel(List<short[]> heard) {
        int frames = heard.size();
        short[] last = LoopbackCall.join(heard, frames - 25, frames);
        return Goertzel.levelDbm0(last, 0, last.length, 1000);
    }

    private static String keysIn(List<short[]> frames) {
        StringBuilder keys = new StringBuilder();
        DtmfDetector detector = new DtmfDetector(digit -> keys.append(digit.symbol()));
        for (short[] frame : List.copyOf(frames)) {
            detector.process(frame);
        }
        return keys.toString();
    }

    @Test
    @DisplayName("MEDIA-24 with SRTP keyed by SDES the tone crosses, and plain RTP from a stranger is refused")
    void srtp() throws Exception {
        try (LoopbackCall call = new LoopbackCall()) {
            RtpSession[] pair = call.connectedPair();
            RtpSession a = pair[0];
            RtpSession b = pair[1];
            SecureRandom random = new SecureRandom();
            SdesCrypto offer = SdesCrypto.offer(1, SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80, false, random);
            SdesSelection bobKeys = SdesCrypto.answer(List.of(offer.format()), false, random).orElseThrow();
            SdesSelection aliceKeys = SdesCrypto.acceptAnswer(List.of(offer), bobKeys.local().format());
            a.protection(new SrtpProtection(aliceKeys));
            b.protection(new SrtpProtection(bobKeys));
            MediaStream alice = new MediaStream(a, MediaStream.Config.of(new Pcmu(), 0, 20, 101));
            MediaStream bob = new MediaStream(b, MediaStream.Config.of(new Pcmu(), 0, 20, 101));
            alice.start(call.transport.pacer());
            bob.start(call.transport.pacer());
            call.line(alice, new ToneGenerator(TONE));
            List<short[]> bobHears = call.line(bob, AudioSource.SILENCE);
            Thread.sleep(1200);

            short[] last = LoopbackCall.join(bobHears, bobHears.size() - 20, bobHears.size());
            assertThat(Goertzel.levelDbm0(last, 0, last.length, 1000)).isCloseTo(-15, within(1.0));
            assertThat(b.statistics().dropped()).isZero();
        }
    }
}
