package org.vigil.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.domain.RecordedEvent;
import org.vigil.domain.SessionEventType;

/** A clinical session on a hand-moved clock, with every event it emits kept in order. */
final class SessionFixture {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Patient PATIENT = new Patient(1, "MRN-1", "Doe, Jane", null, 82.0, "");
    static final InfusionOrder ORDER = new InfusionOrder(82, 0.5, 10, 40, "Dr Rivera");

    final List<RecordedEvent> events = new ArrayList<>();
    final ClinicalSession session;

    SessionFixture() {
        this(ORDER, false);
    }

    SessionFixture(InfusionOrder order, boolean confirmAboveUsual) {
        ClinicalSession.CheckIn in = ClinicalSession.checkIn(PATIENT, order, confirmAboveUsual, SessionRules.DEFAULTS, T0,
                "nurse", events::add);
        if (in.session() == null) {
            throw new IllegalStateException(in.result().reasonText());
        }
        session = in.session();
    }

    /** {@code minutes} after check-in (fractions allowed). */
    static Instant at(double minutes) {
        return T0.plus(Duration.ofMillis(Math.round(minutes * 60_000)));
    }

    /** A cuff reading of monitor "mon" at {@code minutes}. */
    SessionFixture cuff(double minutes, double sys, double dia) {
        session.onCuff(new CuffReading(at(minutes), "mon", sys, dia, Double.NaN), at(minutes));
        return this;
    }

    SessionFixture vitals(double minutes, double spo2, double hr) {
        session.onVitals(spo2, hr, 14.0, at(minutes));
        return this;
    }

    /** Baseline {@code sys/dia} at {@code minutes}, HR 72, SpO2 98, RR 14. */
    SessionFixture baseline(double minutes, double sys, double dia) {
        expectDone(session.captureBaseline(sys, dia, 72.0, 98.0, 14.0, "cuff", at(minutes), "nurse"));
        return this;
    }

    /** Baseline 124/78 at 2 min (cuff readings at 0 and 1 min), infusion started at 5 min. */
    SessionFixture running() {
        cuff(0, 122, 76).cuff(1, 126, 80).vitals(1, 98, 72).baseline(2, 124, 78);
        expectDone(session.startInfusion(at(5), "nurse"));
        return this;
    }

    /** {@link #running()}, cuffs every 5 min at 124/78, stopped at 45 min. */
    SessionFixture recovering() {
        running();
        for (int m = 10; m <= 45; m += 5) {
            cuff(m, 124, 78);
        }
        expectDone(session.stopInfusion(at(45), "nurse"));
        return this;
    }

    static void expectDone(ActionResult r) {
        if (!r.done()) {
            throw new AssertionError("refused: " + r.reasonText());
        }
    }

    /** The events of {@code type}, in order. */
    List<RecordedEvent> of(SessionEventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    RecordedEvent last() {
        return events.get(events.size() - 1);
    }

    /** The events as {@code type detail-text}, the session log's two columns. */
    List<String> log() {
        return events.stream().map(e -> e.type().key() + " " + SessionLogText.of(e)).toList();
    }

    /** The phases entered, in order. */
    List<String> phases() {
        return of(SessionEventType.PHASE).stream().map(e -> e.get("phase")).toList();
    }
}
