package dev.ataemu.web.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything the process logs while it is open, at every level of the emulator's own loggers and
 * from DEBUG up for the other packages (Jetty from INFO: its DEBUG traces every byte), kept instead of
 * printed; closing puts the logging back as it was.
 */
final class LogCapture implements AutoCloseable {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> kept = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final Map<String, Level> levels = new java.util.LinkedHashMap<>();

    LogCapture() {
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        detached.forEach(root::detachAppender);
        level(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.DEBUG);
        level("dev.ataemu", Level.ALL);
        level("org.eclipse.jetty", Level.INFO);
        kept.setContext(context);
        kept.start();
        root.addAppender(kept);
    }

    private void level(String logger, Level level) {
        levels.put(logger, context.getLogger(logger).getLevel());
        context.getLogger(logger).setLevel(level);
    }

    /** Each line logged so far, with its logger, its arguments and any exception's text. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(kept.list)) {
            StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " - "
                    + event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    line.append(" | ").append(argument);
                }
            }
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public void close() {
        root.detachAppender(kept);
        kept.stop();
        levels.forEach((logger, level) -> context.getLogger(logger).setLevel(level));
        detached.forEach(root::addAppender);
    }
}
