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
    @org.junit.jupiter.api.DisplayName("a stopped stack leaves no thread behind: jain-sip's event thread, which its stop "
            + "never wakes, ends; neither does jain-sip's factory keep the stack")
    void aStoppedStackLeavesNoThreadBehind() throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SipStack stack = SipStacks.create("sip-stacks-leak-" + i);
            names.add(stack.getStackName());
            stack.createSipProvider(stack.createListeningPoint("127.0.0.1", freeUdpPort(), "udp"));
            stack.start();
            SipStacks.stop(stack);
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && !eventThreadsOf(names).isEmpty()) {
            Thread.sleep(20);
        }
        assertThat(eventThreadsOf(names)).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)).doesNotContain("EventScannerThread");
        java.lang.reflect.Field byName = javax.sip.SipFactory.class.getDeclaredField("sipStackByName");
        byName.setAccessible(true);
        java.util.Set<String> kept = new java.util.HashSet<>();
        ((java.util.Map<?, ?>) byName.get(javax.sip.SipFactory.getInstance())).keySet().forEach(key -> kept.add(key.toString()));
        assertThat(kept).doesNotContainAnyElementsOf(names);
    }

    private static java.util.List<String> eventThreadsOf(java.util.List<String> stacks) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> stacks.stream().anyMatch(stack -> name.equals("sip-events-" + stack))).toList();
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
