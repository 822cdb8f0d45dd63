package org.vigil.export;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.vigil.alarm.AlarmEvent;
import org.vigil.domain.DeviceIdentityChange;
import org.vigil.domain.Reading;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;

/**
 * The research and audit variant of a session log: no name, MRN or date of birth (the patient
 * is a random pseudonym), no device serial number or EUI-64 (device identifiers; model and
 * software version stay), free text of notes and clinical events removed, and every time —
 * readings, alarms, events and times inside event details — shifted by the same whole number of
 * days, drawn at random for each export and never written anywhere. Times of day, durations and
 * intervals are kept, so the clinical course reads the same. Each format states this in its
 * header ({@link #STATEMENT}).
 */
public final class Deidentifier {

    /** What every de-identified export says about itself. */
    public static final String STATEMENT = "De-identified export: no name, MRN, date of birth or device serial number; free text removed; "
            + "all dates shifted by a per-export offset that is not recorded in this file.";

    static final String REMOVED = "[free text removed]";

    private final RandomGenerator random;

    /** {@code random} draws the offset and the pseudonym (a {@link java.security.SecureRandom} in the station). */
    public Deidentifier(RandomGenerator random) {
        this.random = random;
    }

    /** The de-identified copy of {@code log}. */
    public SessionLog apply(SessionLog log) {
        Duration shift = Duration.ofDays(-(365 + random.nextInt(3 * 365)));
        byte[] id = new byte[5];
        random.nextBytes(id);
        String pseudonym = "DEID-" + HexFormat.of().formatHex(id).toUpperCase(java.util.Locale.ROOT);
        SessionLog.PatientPart p = log.patient() == null ? null
                : new SessionLog.PatientPart(pseudonym, null, null, log.patient().weightKg());
        List<RecordedEvent> events = new ArrayList<>(log.events().size());
        for (RecordedEvent e : log.events()) {
            events.add(new RecordedEvent(e.time().plus(shift), e.type(), detail(e, shift), e.user(),
                    e.recordedAt().plus(shift), e.seq(), e.corrects()));
        }
        List<AlarmEvent> alarms = new ArrayList<>(log.alarms().size());
        for (AlarmEvent a : log.alarms()) {
            alarms.add(new AlarmEvent(a.time().plus(shift), a.type(), a.alarmId(), a.priority(), a.kind(), a.parameter(),
                    a.value(), a.limit(), a.message(), a.user()));
        }
        SessionLog.ReadingSource source = log.readings();
        SessionLog.ReadingSource shifted = sink -> source.forEach(r -> sink.accept(
                new Reading(r.time().plus(shift), r.deviceId(), r.vital(), r.value(), r.flags())));
        // serial numbers and EUI-64s are device identifiers (HIPAA 164.514(b)(2)(i)(M)): removed; model and software kept
        List<SessionLog.DevicePart> devices = new ArrayList<>(log.devices().size());
        for (SessionLog.DevicePart d : log.devices()) {
            List<DeviceIdentityChange> ids = new ArrayList<>(d.identities().size());
            for (DeviceIdentityChange c : d.identities()) {
                ids.add(new DeviceIdentityChange(c.deviceId(), c.since().plus(shift), c.identity().withoutIdentifiers()));
            }
            devices.add(new SessionLog.DevicePart(d.deviceId(), d.label(), d.protocol(), d.endpoint(), ids));
        }
        return new SessionLog(0, log.chairId(), log.start().plus(shift), log.end() == null ? null : log.end().plus(shift),
                log.endReason(), log.softwareVersion(), log.simulated(), log.zone(), p, log.order(), devices, events,
                alarms, shifted, true);
    }

    private static Map<String, String> detail(RecordedEvent e, Duration shift) {
        Map<String, String> d = new LinkedHashMap<>();
        for (Map.Entry<String, String> kv : e.detail().entrySet()) {
            String k = kv.getKey();
            String v = kv.getValue();
            if (k.equals("mrn") || k.equals("name") || k.equals("birth_date")) {
                continue;
            }
            if ((e.type() == SessionEventType.NOTE && k.equals("text"))
                    || (e.type() == SessionEventType.EVENT && k.equals("detail"))
                    || k.equals("note") || k.equals("reason")) {
                d.put(k, v == null || v.isBlank() ? v : REMOVED);
                continue;
            }
            d.put(k, shiftIfInstant(v, shift));
        }
        return d;
    }

    private static String shiftIfInstant(String v, Duration shift) {
        if (v == null || v.length() < 20 || !Character.isDigit(v.charAt(0)) || v.charAt(4) != '-') {
            return v;
        }
        try {
            return Instant.parse(v).plus(shift).toString();
        } catch (DateTimeParseException e) {
            return v;
        }
    }
}
