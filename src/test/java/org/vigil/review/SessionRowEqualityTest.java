package org.vigil.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SessionRow's equals and hashCode are written out: every component takes part, as in a record's own. */
class SessionRowEqualityTest {

    static final Instant T = Instant.parse("2026-11-02T08:00:00Z");

    static SessionRow row() {
        return new SessionRow(7, "chair1", T, T.plusSeconds(60), false, false, 3, "Doe, Jane", "M1", "discharged",
                0.5, 35.0, 160.0, 91.0, 1, 2, 3);
    }

    /** A value of {@code type} other than {@code v}. */
    static Object other(Class<?> type, Object v) {
        if (type == long.class) {
            return (Long) v + 1;
        }
        if (type == int.class) {
            return (Integer) v + 1;
        }
        if (type == boolean.class) {
            return !(Boolean) v;
        }
        if (type == Double.class) {
            return (Double) v + 0.5;
        }
        if (type == Instant.class) {
            return ((Instant) v).plusMillis(1);
        }
        if (type == String.class) {
            return v + "x";
        }
        throw new IllegalArgumentException(type.getName());
    }

    static <R extends Record> void everyComponentCounts(R base) throws Exception {
        RecordComponent[] parts = base.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = parts[i].getAccessor().invoke(base);
        }
        Constructor<?> make = base.getClass().getDeclaredConstructor(types);
        Object same = make.newInstance(values.clone());
        assertThat(same).isEqualTo(base).hasSameHashCodeAs(base);
        for (int i = 0; i < parts.length; i++) {
            Object[] changed = values.clone();
            changed[i] = other(types[i], values[i]);
            assertThat(make.newInstance(changed)).as(parts[i].getName()).isNotEqualTo(base);
            if (!types[i].isPrimitive()) {
                changed[i] = null;
                assertThat(make.newInstance(changed)).as(parts[i].getName() + " null").isNotEqualTo(base);
            }
        }
    }

    @Test
    void everyComponentTakesPartInEquality() throws Exception {
        everyComponentCounts(row());
    }
}
