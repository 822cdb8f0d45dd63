package org.vigil.device.protocol.intellivue;

import java.time.LocalDateTime;
import java.util.List;

/** The IntelliVue messages the station and its simulator tell apart ({@link MessageParser}). */
public final class Messages {

    private Messages() {
    }

    /** One parsed user-data payload. */
    public sealed interface Message permits Control, EventReport, EventReportResult, PollRequest, PollResult,
            RemoteError, Unknown {
    }

    /** An association-control message: its session type ({@link Nomenclature#AC_SPDU} …). */
    public record Control(int spdu) implements Message {
    }

    /**
     * An event report from the monitor (MDS create, connect indication): the identity and clock
     * it carries, where present.
     */
    public record EventReport(int invokeId, boolean confirmed, int objectClass, int eventType, long eventTime,
            MdsInfo info) implements Message {
    }

    /** The station's answer to a confirmed event report. */
    public record EventReportResult(int invokeId, int eventType) implements Message {
    }

    /** A (single or extended) poll request, as the station sends it. */
    public record PollRequest(int invokeId, int actionType, int pollNumber, int objectType, int attributeGroup)
            implements Message {
    }

    /**
     * A poll result, whole ({@code linkedState} 0) or one part of a linked result
     * ({@link Nomenclature#RORLS_FIRST} …, {@code linkedCount} its number).
     *
     * @param absoluteTime the monitor's wall-clock time of the reply, or null when it sent none
     * @param relativeTime the monitor's relative time, ticks of 125 µs
     */
    public record PollResult(int invokeId, int linkedState, int linkedCount, int actionType, int pollNumber,
            long relativeTime, LocalDateTime absoluteTime, int objectType, List<Numeric> numerics) implements Message {

        public PollResult {
            numerics = List.copyOf(numerics);
        }
    }

    /** A remote operation error (ROER). */
    public record RemoteError(int invokeId, int errorValue) implements Message {
    }

    /** Anything else, or a payload that is not what it announces; {@code why} says which. */
    public record Unknown(String why) implements Message {
    }

    /**
     * What the MDS tells about itself. Any field may be null.
     *
     * @param systemId the System-Id ({@code NOM_ATTR_SYS_ID}, an EUI-64) as 16 upper-case hex digits
     * @param time     the monitor's clock ({@code NOM_ATTR_TIME_ABS})
     */
    public record MdsInfo(String manufacturer, String model, String serial, String software, String systemId,
            LocalDateTime time) {
    }

    /**
     * One numeric observation ({@code NuObsValue}).
     *
     * @param value   the value, NaN when the device sent a special value ({@code special} says which)
     * @param observedAt the observation's absolute time stamp, or null
     */
    public record Numeric(int handle, int physioId, int state, int unit, double value, String special,
            LocalDateTime observedAt) {
    }
}
