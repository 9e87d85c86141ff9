package dev.ataemu.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import javax.sip.ListeningPoint;
import javax.sip.SipStack;
import org.junit.jupiter.api.Test;

class SipStacksTest {

    @Test
    void aStackStartsWithItsLoggingRoutedThroughSlf4j() throws Exception {
        // jain-sip loads log4j 1.x classes while it builds a stack; log4j-over-slf4j provides them.
        assertThat(Class.forName("org.apache.log4j.Logger").getProtectionDomain().getCodeSource().getLocation().toString())
                .contains("log4j-over-slf4j");

        SipStack stack = SipStacks.create("sip-stacks-test");
        try {
            ListeningPoint udp = stack.createListeningPoint("127.0.0.1", freeUdpPort(), "udp");
            // A provider starts the listening point; jain-sip cannot stop one that never started.
            stack.createSipProvider(udp);
            stack.start();
            assertThat(stack.getStackName()).isEqualTo("sip-stacks-test");
            assertThat(udp.getTransport()).isEqualToIgnoringCase("udp");
        } finally {
            SipStacks.stop(stack);
        }
    }

    @Test
    void theRealLog4jIsNotOnTheClassPath() {
        // Only the real log4j 1.x jar has its network appenders.
        assertThatThrownBy(() -> Class.forName("org.apache.log4j.net.SocketAppender"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static int freeUdpPort() throws SocketException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
