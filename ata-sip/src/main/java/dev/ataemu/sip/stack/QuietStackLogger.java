package dev.ataemu.sip.stack;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's stack logger ({@code gov.nist.javax.sip.STACK_LOGGER}): its warnings and errors go to
 * slf4j; its chatter below that is dropped. It reports message logging as on, so that jain-sip
 * hands each message to {@link SipMessageLog}, and debug logging as off, so that jain-sip does not
 * build debug text nobody reads.
 */
public final class QuietStackLogger implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");

    @Override
    public boolean isLoggingEnabled() {
        return true;
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        return level <= TRACE_MESSAGES;
    }

    @Override
    public void logStackTrace() {
    }

    @Override
    public void logStackTrace(int traceLevel) {
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.warn("jain-sip: {}", ex.toString());
    }

    @Override
    public void logDebug(String message) {
    }

    @Override
    public void logDebug(String message, Exception ex) {
    }

    @Override
    public void logTrace(String message) {
    }

    @Override
    public void logFatalError(String message) {
        LOG.error("jain-sip: {}", message);
    }

    @Override
    public void logError(String message) {
        LOG.error("jain-sip: {}", message);
    }

    @Override
    public void logError(String message, Exception ex) {
        if (ex instanceof InterruptedException) {
            // A stopped stack's event thread, ended on purpose (StackRegistry).
            LOG.debug("jain-sip: {}: {}", message, ex.toString());
            return;
        }
        LOG.error("jain-sip: {}: {}", message, ex.toString());
    }

    @Override
    public void logWarning(String message) {
        // Every stack says it falls back to the JVM's key and trust stores; the device's TLS comes
        // from DeviceNetworkLayer instead, so these say nothing a user can act on.
        String lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("tls security policy") || lower.contains("keystore") || lower.contains("truststore")
                || lower.contains("tls server settings") || lower.contains("tls trust settings")) {
            LOG.debug("jain-sip: {}", message);
            return;
        }
        LOG.warn("jain-sip: {}", message);
    }

    @Override
    public void logInfo(String message) {
        LOG.debug("jain-sip: {}", message);
    }

    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
    }

    @Override
    public String getLoggerName() {
        return "gov.nist.javax.sip";
    }
}
