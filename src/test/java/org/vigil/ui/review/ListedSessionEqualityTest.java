package org.vigil.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.vigil.review.SessionRow;

/** ListedSession's equals and hashCode are written out: every component takes part, as in a record's own. */
class ListedSessionEqualityTest {

    @Test
    void everyComponentTakesPartInEquality() throws Exception {
        Instant t = Instant.parse("2026-11-02T08:00:00Z");
        SessionRow row = new SessionRow(7, "chair1", t, t.plusSeconds(60), false, false, 3, "Doe, Jane", "M1",
                "discharged", 0.5, 35.0, 160.0, 91.0, 1, 2, 3);
        ListedSession base = SessionListTexts.listed(row, ZoneOffset.UTC, t);
        RecordComponent[] parts = ListedSession.class.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = parts[i].getAccessor().invoke(base);
        }
        Constructor<ListedSession> make = ListedSession.class.getDeclaredConstructor(types);
        assertThat(make.newInstance(values.clone())).isEqualTo(base).hasSameHashCodeAs(base);
        for (int i = 0; i < parts.length; i++) {
            Object[] changed = values.clone();
            changed[i] = values[i] instanceof SessionRow r ? new SessionRow(r.id() + 1, r.chairId(), r.start(), r.end(),
                    r.endedAbnormally(), r.simulated(), r.patientId(), r.patientName(), r.mrn(), r.phase(), r.doseMgPerKg(),
                    r.totalMg(), r.peakSys(), r.minSpo2(), r.alarmsHigh(), r.alarmsMedium(), r.alarmsLow())
                    : values[i] + "x";
            assertThat(make.newInstance(changed)).as(parts[i].getName()).isNotEqualTo(base);
        }
    }
}
