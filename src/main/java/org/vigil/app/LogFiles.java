package org.vigil.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The station's log file: {@code <data folder>/logs/vigil.log}, everything the station and its
 * libraries log (DEBUG detail and stack traces included), rolled daily and at 10 MB, 30 days
 * and at most 300 MB kept. The console shows one line per change of state (see
 * {@code logback.xml}); this file is where to look for the why. Messages never carry what a
 * user typed: they are built from device ids, ports and states only, never a patient's name or MRN
 * ({@code NoPatientDataInLogsTest}). The log folder and file are owner-only.
 */
final class LogFiles {

    static final String DIRECTORY = "logs";
    static final String FILE = "vigil.log";
    private static final String APPENDER = "FILE";

    private LogFiles() {
    }

    /**
     * Routes java.util.logging (JavaFX, the JDK) through SLF4J, so its warnings follow the same
     * rules as the station's: to the file, not the console. Call once, first thing in main.
     */
    static void bridgeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /**
     * Starts writing the log file in {@code dataDir} (replacing a file started earlier).
     *
     * @return the file, or empty when logging is not Logback's (nothing to attach to)
     */
    static Optional<Path> startIn(Path dataDir) throws IOException {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext ctx)) {
            return Optional.empty();
        }
        Path dir = dataDir.resolve(DIRECTORY);
        // the data folder (when this makes it) and the log folder are the user's only
        org.vigil.storage.OwnerOnly.createDirectories(dir, true);
        Path file = dir.resolve(FILE);
        String base = dir.toAbsolutePath().toString().replace('\\', '/');

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(ctx);
        appender.setName(APPENDER);
        appender.setFile(file.toAbsolutePath().toString());
        appender.setEncoder(encoder);

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(appender);
        policy.setFileNamePattern(base + "/vigil.%d{yyyy-MM-dd}.%i.log");
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(30);
        policy.setTotalSizeCap(FileSize.valueOf("300MB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        org.vigil.storage.OwnerOnly.restrict(file);

        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> previous = root.getAppender(APPENDER);
        root.addAppender(appender);
        if (previous != null && previous != appender) {
            root.detachAppender(previous);
            previous.stop();
        }
        return Optional.of(file);
    }

    /** Stops writing the log file (end of a command; tests). */
    static void stop() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            Appender<ILoggingEvent> a = root.getAppender(APPENDER);
            if (a != null) {
                root.detachAppender(a);
                a.stop();
            }
        }
    }
}
