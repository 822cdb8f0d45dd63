package org.vigil.export;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.DeviceIdentity;
import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.Reading;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;

/**
 * Everything an export writes about one session, except that the readings are not held: they are
 * streamed from {@link #readings()} (as often as a format needs, each pass oldest first), so a
 * 32-hour session never sits in memory. Events and the alarm log are small and held.
 *
 * @param zone     the zone times are written in (ISO 8601 with its offset)
 * @param patient  null for a session without a patient (monitoring only)
 * @param order    null without an order
 * @param end      null while the session runs
 * @param deidentified true when names, MRN and date of birth are removed and times shifted
 */
public record SessionLog(long sessionId, String chairId, Instant start, Instant end, String endReason,
        String softwareVersion, boolean simulated, ZoneId zone, PatientPart patient, OrderPart order,
        List<DevicePart> devices, List<RecordedEvent> events, List<AlarmEvent> alarms, ReadingSource readings,
        boolean deidentified) {

    public SessionLog {
        Objects.requireNonNull(chairId, "chairId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(readings, "readings");
        softwareVersion = softwareVersion == null ? "" : softwareVersion;
        endReason = endReason == null ? "" : endReason;
        devices = List.copyOf(devices);
        events = List.copyOf(events);
        alarms = List.copyOf(alarms);
    }

    /**
     * The patient as the export shows them.
     *
     * @param id        what identifies the patient in the file: the MRN, or a pseudonym when de-identified
     * @param name      null when de-identified
     * @param birthDate null when unknown or de-identified
     * @param weightKg  the weight the dose used; NaN when unknown
     */
    public record PatientPart(String id, String name, LocalDate birthDate, double weightKg) {
        public PatientPart {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The infusion order and its arithmetic, as the session recorded it (mg/kg × kg → mg → mL → mL/h). */
    public record OrderPart(double weightKg, double doseMgPerKg, double concentrationMgPerMl, double durationMin,
            String prescriber, double totalMg, double volumeMl, double rateMlPerH) {
    }

    /**
     * A device of the session, with each identity it told (model, serial, software, EUI-64) and the
     * time it took force, oldest first; empty when the device told nothing (its protocol gives no
     * identity). A reading's identity is the one in force at its time ({@link #identityAt}).
     */
    public record DevicePart(String deviceId, String label, String protocol, String endpoint,
            List<DeviceIdentityChange> identities) {
        public DevicePart {
            Objects.requireNonNull(deviceId, "deviceId");
            identities = List.copyOf(identities);
        }

        /** A device that told nothing about itself. */
        public DevicePart(String deviceId, String label, String protocol, String endpoint) {
            this(deviceId, label, protocol, endpoint, List.of());
        }

        /** The identity in force at {@code t}; {@link DeviceIdentity#UNKNOWN} before the first (or when none). */
        public DeviceIdentity identityAt(Instant t) {
            return DeviceIdentityChange.at(identities, deviceId, t);
        }

        /** The index in {@link #identities()} of the identity in force at {@code t}, -1 before the first. */
        public int identityIndexAt(Instant t) {
            int found = -1;
            for (int i = 0; i < identities.size() && !identities.get(i).since().isAfter(t); i++) {
                found = i;
            }
            return found;
        }
    }

    /** Streams the session's readings, oldest first; may be called more than once. */
    @FunctionalInterface
    public interface ReadingSource {
        void forEach(ReadingSink sink) throws IOException;
    }

    /** Receives readings one by one; may throw to stop (e.g. {@link ExportCancelledException}). */
    @FunctionalInterface
    public interface ReadingSink {
        void accept(Reading reading) throws IOException;
    }

    /** The session's duration, up to its end or (while it runs) to {@code now}. */
    public Duration duration(Instant now) {
        return Duration.between(start, end == null ? now : end);
    }

    /** The first event of a type, if any. */
    public Optional<RecordedEvent> first(SessionEventType type) {
        return events.stream().filter(e -> e.type() == type).findFirst();
    }

    /** When the infusion started (the first {@code infusion} event with action {@code start}), if it did. */
    public Optional<Instant> infusionStart() {
        return events.stream().filter(e -> e.type() == SessionEventType.INFUSION
                && "start".equals(e.detail().get("action"))).map(RecordedEvent::time).findFirst();
    }

    /** The same log with other readings (the de-identifier shifts them). */
    SessionLog withReadings(ReadingSource other) {
        return new SessionLog(sessionId, chairId, start, end, endReason, softwareVersion, simulated, zone, patient,
                order, devices, events, alarms, other, deidentified);
    }
}
