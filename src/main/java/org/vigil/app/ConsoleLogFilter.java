package org.vigil.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What reaches the console: the station's own messages at INFO and above (each one a change of
 * state, never one per retry) and libraries' errors. Library warnings (JavaFX's "unsupported
 * configuration" on the class path, for one) and all DEBUG detail go to the log file only.
 */
public final class ConsoleLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return shown(event.getLoggerName(), event.getLevel()) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    static boolean shown(String logger, Level level) {
        boolean ours = logger.startsWith("org.vigil.");
        return level.isGreaterOrEqual(ours ? Level.INFO : Level.ERROR);
    }
}
