package com.ticketledger.web.monitoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/** For each side's tests: what a logger writes while something runs. */
public final class CapturedLogs {

    private CapturedLogs() {
    }

    /** The lines {@code logger} writes at DEBUG while {@code action} runs; its level is put back after. */
    public static List<ILoggingEvent> captured(String logger, Supplier<?> action) {
        Logger target = (Logger) LoggerFactory.getLogger(logger);
        Level level = target.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        target.addAppender(appender);
        target.setLevel(Level.DEBUG);
        try {
            action.get();
            return List.copyOf(appender.list);
        } finally {
            target.setLevel(level);
            target.detachAppender(appender);
        }
    }
}
