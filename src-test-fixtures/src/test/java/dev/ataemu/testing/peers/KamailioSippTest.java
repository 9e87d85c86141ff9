package dev.ataemu.testing.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIPp against a real Kamailio: the registrar's digest authentication and a call through the proxy. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KamailioSippTest {

    private static final Map<String, String> USERS = Map.of("alice", "secret", "bob", "bobpass");

    @TempDir
    Path dir;

    @Test
    void sippRegistersWithDigestAuthentication() throws Exception {
        try (Kamailio kamailio = Kamailio.start(dir, USERS)) {
            assertThat(kamailio.isRegistered("alice")).isFalse();

            SippResult result = Sipp.registration(dir, kamailio.hostPort(), "alice", "secret", 5999).run();

            assertThat(result.succeeded()).as(result.describe()).isTrue();
            assertThat(result.successfulCalls()).isEqualTo(1);
            assertThat(kamailio.isRegistered("alice")).as(kamailio.registrations()).isTrue();
            assertThat(kamailio.registrations()).contains("sip:alice@127.0.0.1:5999");
        }
    }

    @Test
    void aWrongPasswordIsChallengedAgainAndNotRegistered() throws Exception {
        try (Kamailio kamailio = Kamailio.start(dir, USERS)) {
            SippResult result = Sipp.registration(dir, kamailio.hostPort(), "alice", "wrong", 5999).run();

            assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
            assertThat(result.errorsText()).contains("401 Unauthorized");
            assertThat(kamailio.isRegistered("alice")).isFalse();
        }
    }

    @Test
    void sippCallsARegisteredSippThroughKamailio() throws Exception {
        try (Kamailio kamailio = Kamailio.start(dir, USERS);
                SippRun bob = Sipp.stock(dir, "uas").calls(1).start()) {
            SippResult registered = Sipp.registration(dir, kamailio.hostPort(), "bob", "bobpass", bob.port()).run();
            assertThat(registered.succeeded()).as(registered.describe()).isTrue();

            SippResult call = Sipp.authenticatedCall(dir, kamailio.hostPort(), "alice", "secret", "bob").run();

            assertThat(call.succeeded()).as(call.describe()).isTrue();
            SippResult answered = bob.awaitResult(Duration.ofSeconds(10));
            assertThat(answered.succeeded()).as(answered.describe()).isTrue();
            assertThat(answered.successfulCalls()).isEqualTo(1);
        }
    }

    @Test
    void theAnswererKeepsTheRecordRouteSoTheByeFollowsTheProxy() throws Exception {
        try (Kamailio kamailio = Kamailio.start(dir, USERS);
                SippRun bob = Sipp.answerer(dir, 1).start()) {
            SippResult registered = Sipp.registration(dir, kamailio.hostPort(), "bob", "bobpass", bob.port()).run();
            assertThat(registered.succeeded()).as(registered.describe()).isTrue();

            SippResult call = Sipp.authenticatedCall(dir, kamailio.hostPort(), "alice", "secret", "bob")
                    .traceMessages(true).run();

            assertThat(call.succeeded()).as(call.describe()).isTrue();
            assertThat(Files.readString(call.messages()))
                    .containsPattern("BYE sip:[^\\r\\n]*\\R(?:[^\\r\\n]+\\R)*Route: <sip:127\\.0\\.0\\.1:" + kamailio.port() + ";lr");
            SippResult answered = bob.awaitResult(Duration.ofSeconds(10));
            assertThat(answered.succeeded()).as(answered.describe()).isTrue();
        }
    }

    @Test
    void withoutInviteAuthenticationSippsStockUacCallsThroughKamailioOverTcpToo() throws Exception {
        try (Kamailio kamailio = Kamailio.builder(dir).users(USERS).authenticateInvites(false).tcp(true).start();
                SippRun bob = Sipp.answerer(dir, 1).start()) {
            SippResult registered = Sipp.registration(dir, kamailio.hostPort(), "bob", "bobpass", bob.port()).run();
            assertThat(registered.succeeded()).as(registered.describe()).isTrue();

            SippResult call = Sipp.stock(dir, "uac").remote(kamailio.hostPort()).service("bob").run();

            assertThat(call.succeeded()).as(call.describe()).isTrue();
            assertThat(bob.awaitResult(Duration.ofSeconds(10)).succeeded()).isTrue();
            // The TCP listener answers too.
            try (Socket tcp = new Socket(kamailio.host(), kamailio.port())) {
                assertThat(tcp.isConnected()).isTrue();
            }
        }
    }

    @Test
    void aCallToAnUnregisteredUserGets404() throws Exception {
        try (Kamailio kamailio = Kamailio.start(dir, USERS)) {
            SippResult call = Sipp.authenticatedCall(dir, kamailio.hostPort(), "alice", "secret", "nobody").run();

            assertThat(call.exitCode()).as(call.describe()).isEqualTo(1);
            assertThat(call.errorsText()).contains("404 Not Found");
        }
    }

    @Test
    void closingStopsKamailioAndItsWorkers() throws Exception {
        Kamailio kamailio = Kamailio.start(dir, USERS);
        int port = kamailio.port();
        kamailio.close();

        assertThat(BoundPorts.udpBound(port)).isFalse();
        assertThat(SipOptionsProbe.ping(port, 200)).isZero();
    }
}
