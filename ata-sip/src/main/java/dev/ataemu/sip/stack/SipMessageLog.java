package dev.ataemu.sip.stack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.SipStack;
import javax.sip.message.Message;

/**
 * jain-sip's message logger, one per stack ({@code gov.nist.javax.sip.SERVER_LOGGER}): every SIP
 * message the stack sends or receives, retransmissions included, goes to whoever listens for that
 * stack (the device's syslog, LOG-08 and LOG-09); with no listener it costs nothing more.
 */
public final class SipMessageLog implements ServerLogger {

    /** Hears a stack's messages, on jain-sip's threads. */
    public interface Listener {
        /** {@code peer}: the far end's {@code host:port}. */
        void message(Message message, boolean sent, String peer);
    }

    private static final Map<String, Listener> LISTENERS = new ConcurrentHashMap<>();

    private volatile String stackName = "";

    /** {@code listener} hears the messages of the stack named {@code stackName} from now on. */
    public static void listen(String stackName, Listener listener) {
        LISTENERS.put(stackName, listener);
    }

    public static void forget(String stackName) {
        LISTENERS.remove(stackName);
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        stackName = sipStack.getStackName();
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        Listener listener = LISTENERS.get(stackName);
        if (listener != null) {
            listener.message(message, sender, sender ? to : from);
        }
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        logMessage(message, from, to, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, sender, 0);
    }

    @Override
    public void logException(Exception ex) {
    }

    @Override
    public void closeLogFile() {
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
    }
}
