package org.vigil.device.protocol.intellivue;

import java.time.LocalDateTime;
import java.util.List;

/** The IntelliVue messages the station and its simulator tell apart ({@link MessageParser}). */
public final class Messages {

    private Messages() {
    }

    /** One parsed user-data payload. */
    public sealed interface Message permits Control, EventReport, EventReportResult, PollRequest, PollResult,
            RemoteError, SetRequest, SetResult, Unknown {
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

    /**
     * A (single or extended) poll request, as the station sends it.
     *
     * @param periodTicks the periodic poll's length ({@code NOM_ATTR_TIME_PD_POLL}, 125 µs ticks),
     *                    0 for a poll answered once
     */
    public record PollRequest(int invokeId, int actionType, int pollNumber, int objectType, int attributeGroup,
            long periodTicks) implements Message {

        /** A poll answered once. */
        public PollRequest(int invokeId, int actionType, int pollNumber, int objectType, int attributeGroup) {
            this(invokeId, actionType, pollNumber, objectType, attributeGroup, 0);
        }
    }

    /**
     * A poll result, whole ({@code linkedState} 0) or one part of a linked result
     * ({@link Nomenclature#RORLS_FIRST} …, {@code linkedCount} its number).
     *
     * @param absoluteTime the monitor's wall-clock time of the reply, or null when it sent none
     * @param relativeTime the monitor's relative time, ticks of 125 µs
     */
    public record PollResult(int invokeId, int linkedState, int linkedCount, int actionType, int pollNumber,
            long relativeTime, LocalDateTime absoluteTime, int objectType, List<Numeric> numerics,
            List<SampleArrayObject> sampleArrays) implements Message {

        public PollResult {
            numerics = List.copyOf(numerics);
            sampleArrays = List.copyOf(sampleArrays);
        }

        /** A result without sample arrays. */
        public PollResult(int invokeId, int linkedState, int linkedCount, int actionType, int pollNumber,
                long relativeTime, LocalDateTime absoluteTime, int objectType, List<Numeric> numerics) {
            this(invokeId, linkedState, linkedCount, actionType, pollNumber, relativeTime, absoluteTime, objectType,
                    numerics, List.of());
        }
    }

    /**
     * A confirmed set on the MDS, as the station sends it; only the RTSA priority list is read.
     *
     * @param rtsaPriority the wave labels (text ids) asked for, or null when the set is of something else
     */
    public record SetRequest(int invokeId, List<Long> rtsaPriority) implements Message {

        public SetRequest {
            rtsaPriority = rtsaPriority == null ? null : List.copyOf(rtsaPriority);
        }
    }

    /**
     * The monitor's answer to a set: the attributes now in effect.
     *
     * @param rtsaPriority the wave labels it now exports, or null when the answer does not say
     */
    public record SetResult(int invokeId, List<Long> rtsaPriority) implements Message {

        public SetResult {
            rtsaPriority = rtsaPriority == null ? null : List.copyOf(rtsaPriority);
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

    /**
     * One real-time sample array object of a poll result: its observations and whichever of its
     * static attributes came with it (null, 0 or empty when absent: the decoder then uses what an
     * earlier result said about the same handle).
     *
     * @param spec              Sa-Specification ({@code NOM_ATTR_SA_SPECN}), or null
     * @param scale             Scale-and-Range-Specification ({@code NOM_ATTR_SCALE_SPECN_I16}), or null
     * @param samplePeriodTicks sample period ({@code NOM_ATTR_TIME_PD_SAMP}, 125 µs ticks), 0 when absent
     * @param fixedValues       Sa-Fixed-Val-Spec entries ({@code NOM_ATTR_SA_FIXED_VAL_SPECN}), or null when absent
     */
    public record SampleArrayObject(int handle, List<SaObservation> observations, SaSpec spec, SaScale scale,
            long samplePeriodTicks, List<SaFixedValue> fixedValues) {

        public SampleArrayObject {
            observations = List.copyOf(observations);
            fixedValues = fixedValues == null ? null : List.copyOf(fixedValues);
        }
    }

    /**
     * One {@code SaObsValue}: the wave's physio id, its measurement state and the raw sample bytes.
     */
    public record SaObservation(int physioId, int state, byte[] values) {

        public SaObservation {
            values = values.clone();
        }

        @Override
        public byte[] values() {
            return values.clone();
        }

        /** Bytes of samples. */
        public int length() {
            return values.length;
        }

        /** The unsigned sample of {@code bytesPerSample} (1 or 2) bytes at sample index {@code i}. */
        int sample(int i, int bytesPerSample) {
            return bytesPerSample == 1 ? values[i] & 0xFF
                    : (values[2 * i] & 0xFF) << 8 | (values[2 * i + 1] & 0xFF);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SaObservation s && physioId == s.physioId && state == s.state
                    && java.util.Arrays.equals(values, s.values);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * physioId + state) + java.util.Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "SaObservation[0x" + Integer.toHexString(physioId) + ", state 0x" + Integer.toHexString(state) + ", "
                    + values.length + " bytes]";
        }
    }

    /**
     * Sa-Specification: samples per array, bits per sample, how many of them carry the value
     * (the others may be marker bits, see {@link SaFixedValue}), and the flags
     * ({@link Nomenclature#SA_EXT_VAL_RANGE} …).
     */
    public record SaSpec(int arraySize, int sampleSize, int significantBits, int flags) {
    }

    /**
     * Scale-and-Range-Specification: the scaled (sample) values {@code lowerScaled..upperScaled}
     * stand for {@code lowerAbsolute..upperAbsolute} in the wave's unit (NaN when not given).
     */
    public record SaScale(double lowerAbsolute, double upperAbsolute, int lowerScaled, int upperScaled) {
    }

    /** One Sa-Fixed-Val-Spec entry: an id ({@link Nomenclature#SA_FIX_INVALID_MASK} …) and its value or mask. */
    public record SaFixedValue(int id, int value) {
    }
}
