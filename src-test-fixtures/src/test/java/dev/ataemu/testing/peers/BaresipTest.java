package dev.ataemu.testing.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** baresip against a real Kamailio: registration, a call to SIPp, and audio to another baresip. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BaresipTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Map<String, String> USERS = Map.of("carol", "carolpw", "bob", "bobpass", "dave", "davepw");

    @TempDir
    Path dir;

    @Test
    void baresipRegistersToKamailioWithDigestAuthentication() throws Exception {
        try (Kamailio kamailio = Kamailio.start(dir, USERS);
                Baresip carol = Baresip.start(dir, BaresipOptions.of("carol").registeringTo(kamailio.hostPort(), "carolpw"))) {
            kamailio.awaitRegistered("carol", WAIT);

            assertThat(kamailio.registrations()).contains("@127.0.0.1:" + carol.sipPort());
        }
    }

    @Test
    void baresipCallsASippAnswererThroughKamailio() throws Exception {
        try (Kamailio kamailio = Kamailio.start(dir, USERS);
                SippRun bob = Sipp.answerer(dir, 1).start();
                Baresip carol = Baresip.start(dir, BaresipOptions.of("carol").registeringTo(kamailio.hostPort(), "carolpw")
                        .codecs("pcmu"))) {
            SippResult registered = Sipp.registration(dir, kamailio.hostPort(), "bob", "bobpass", bob.port()).run();
            assertThat(registered.succeeded()).as(registered.describe()).isTrue();
            kamailio.awaitRegistered("carol", WAIT);

            carol.dial(kamailio.uri("bob"));
            carol.awaitEvent("CALL_ESTABLISHED", WAIT);
            carol.hangup();
            carol.awaitEvent("CALL_CLOSED", WAIT);

            SippResult answered = bob.awaitResult(WAIT);
            assertThat(answered.succeeded()).as(answered.describe()).isTrue();
        }
    }

    @Test
    void audioFromOneBaresipIsRecordedByAnotherThroughKamailio() throws Exception {
        Path tone = ToneWav.write(dir.resolve("tone-1000.wav"), 8000, 1000, 5);
        try (Kamailio kamailio = Kamailio.start(dir, USERS);
                Baresip dave = Baresip.start(dir, BaresipOptions.of("dave").registeringTo(kamailio.hostPort(), "davepw")
                        .codecs("pcmu"));
                Baresip carol = Baresip.start(dir, BaresipOptions.of("carol").registeringTo(kamailio.hostPort(), "carolpw")
                        .codecs("pcmu").audioSource(tone))) {
            kamailio.awaitRegistered("dave", WAIT);
            kamailio.awaitRegistered("carol", WAIT);

            carol.dial(kamailio.uri("dave"));
            dave.awaitEvent("CALL_ESTABLISHED", WAIT);
            carol.awaitEvent("CALL_ESTABLISHED", WAIT);
            Thread.sleep(1500);
            carol.hangup();
            dave.awaitEvent("CALL_CLOSED", WAIT);
            carol.awaitEvent("CALL_CLOSED", WAIT);

            TestAudio.Samples heard = TestAudio.read(dave.recordedAudio());
            assertThat(heard.values().length).as("samples heard").isGreaterThan((int) heard.rate() / 2);
            assertThat(TestAudio.toneShare(heard, 1000)).as("share of 1 kHz in what dave heard").isGreaterThan(0.5);
        }
    }

    @Test
    void twoPhonesCallEachOtherDirectlyWithoutARegistrar() throws Exception {
        try (Baresip erin = Baresip.start(dir, BaresipOptions.of("erin"));
                Baresip frank = Baresip.start(dir, BaresipOptions.of("frank"))) {
            erin.dial(frank.directUri("frank"));
            frank.awaitEvent("CALL_ESTABLISHED", WAIT);
            erin.awaitEvent("CALL_ESTABLISHED", WAIT);
            frank.hangup();
            erin.awaitEvent("CALL_CLOSED", WAIT);
        }
    }
}
