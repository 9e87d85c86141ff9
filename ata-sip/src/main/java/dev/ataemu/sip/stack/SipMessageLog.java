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
 * message the stack sends or receives, retransmissions included, goes to whoever listens for the
 * listening point it went through (the device's syslog, LOG-08 and LOG-09), since a stack carries
 * many accounts; with no listener it costs nothing more.
 */
public final class SipMessageLog implements ServerLogger {

    /** Hears a stack's messages, on jain-sip's threads. */
    public interface Listener {
        /** {@code peer}: the far end's {@code host:port}. */
        void message(Message message, boolean sent, String peer);
    }

    private static final Map<String, Listener> LISTENERS = new ConcurrentHashMap<>();

    private volatile String stackName = "";

    /** {@code listener} hears the messages through {@code host:port} of the stack {@code stackName} from now on. */
    static void listen(String stackName, String host, int port, Listener listener) {
        LISTENERS.put(key(stackName, host + ":" + port), listener);
    }

    static void forget(String stackName, String host, int port) {
        LISTENERS.remove(key(stackName, host + ":" + port));
    }

    /** Forgets every listener of a stack that has stopped. */
    static void forget(String stackName) {
        LISTENERS.keySet().removeIf(key -> key.startsWith(stackName + "|"));
    }

    private static String key(String stackName, String local) {
        return stackName + "|" + local;
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        stackName = sipStack.getStackName();
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        if (LISTENERS.isEmpty()) {
            return;
        }
        Listener listener = LISTENERS.get(key(stackName, sender ? from : to));
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
