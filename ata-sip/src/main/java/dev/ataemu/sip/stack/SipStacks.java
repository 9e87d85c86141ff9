package dev.ataemu.sip.stack;

import java.util.Properties;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipStack;

/**
 * Creates jain-sip stacks the way the emulator needs them: one stack per device, named after it
 * (jain-sip caches stacks by name), with a bounded thread pool (its default of a thread per message
 * runs out of memory under load), logging through slf4j by way of log4j-over-slf4j.
 */
public final class SipStacks {

    private static final int THREAD_POOL_SIZE = 4;

    private SipStacks() {
    }

    /**
     * Stops a stack. jain-sip's UDP processor sets itself up on its own thread, and stopping it before
     * that thread has run fails inside jain-sip; waiting a moment and stopping again then succeeds.
     */
    public static void stop(SipStack stack) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                stack.stop();
                return;
            } catch (NullPointerException notYetRunning) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public static SipStack create(String name) {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", name);
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(THREAD_POOL_SIZE));
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
        // Voicemail servers often send message-summary NOTIFYs without a subscription.
        properties.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        // jain-sip writes its own debug and server logs to files unless told to be quiet.
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            return factory.createSipStack(properties);
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("cannot create the SIP stack " + name + ": " + e.getMessage(), e);
        }
    }
}
