package org.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alarm.AlarmEvent;
import org.vigil.alarm.AlarmEventType;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** Schema step 4: the session list's summary columns and waveform chunks. */
class ReviewSchemaTest {

    @TempDir
    Path dir;

    private static Reading reading(Instant t, Vital v, double value) {
        return new Reading(t, "mon", v, value, Set.of());
    }

    private static AlarmEvent raised(Instant t, Priority p) {
        return new AlarmEvent(t, AlarmEventType.RAISED, "x." + p.key(), p, AlarmKind.PHYSIOLOGICAL, "spo2", 85.0, 88.0,
                "SpO2 low", null);
    }

    private static void fill(VigilDatabase db, long id) {
        db.bulk().readings(id, List.of(
                reading(Fixtures.T0.plusSeconds(1), Vital.NIBP_SYS, 150),
                reading(Fixtures.T0.plusSeconds(2), Vital.NIBP_SYS, 171),
                new Reading(Fixtures.T0.plusSeconds(3), "mon", Vital.NIBP_SYS, 240, Set.of(ReadingFlag.QUESTIONABLE)),
                reading(Fixtures.T0.plusSeconds(4), Vital.SPO2, 97),
                reading(Fixtures.T0.plusSeconds(5), Vital.SPO2, 86),
                reading(Fixtures.T0.plusSeconds(6), Vital.SPO2, Double.NaN)).iterator());
        db.bulk().alarmEvents(id, List.of(raised(Fixtures.T0.plusSeconds(5), Priority.HIGH),
                raised(Fixtures.T0.plusSeconds(6), Priority.MEDIUM), raised(Fixtures.T0.plusSeconds(7), Priority.MEDIUM),
                new AlarmEvent(Fixtures.T0.plusSeconds(8), AlarmEventType.ENDED, "x.high", Priority.HIGH,
                        AlarmKind.PHYSIOLOGICAL, "spo2", null, null, null, null)).iterator());
    }

    @Test
    void aSessionThatEndsGetsItsSummaryAndAnOpenOneIsSummedOnTheFly() {
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("v.db"))) {
            long id = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0));
            fill(db, id);
            SessionListRow open = db.archive().list(SessionListFilter.all()).get(0);
            assertThat(open.peakSys()).isEqualTo(171.0);
            assertThat(open.minSpo2()).isEqualTo(86.0);
            assertThat(List.of(open.alarmsHigh(), open.alarmsMedium(), open.alarmsLow())).containsExactly(1, 2, 0);

            db.sessions().endSession(id, Fixtures.T0.plusSeconds(60), EndReason.CLOSED);
            SessionListRow ended = db.archive().list(SessionListFilter.all()).get(0);
            assertThat(ended).isEqualTo(new SessionListRow(id, "chair1", Fixtures.T0, Fixtures.T0.plusSeconds(60),
                    EndReason.CLOSED, false, 0, null, null, null, null, null, 171.0, 86.0, 1, 2, 0));
        }
    }

    @Test
    void stepFourBackfillsSessionsThatEndedBeforeIt() throws Exception {
        Path file = dir.resolve("old.db");
        long id;
        try (VigilDatabase db = VigilDatabase.open(file, Schema.MIGRATIONS.subList(0, 3))) {
            id = db.sessions().startSession(Fixtures.newSession("chair2", Fixtures.T0));
            try (var c = db.connect(); var p = c.prepareStatement(Codec.INSERT_READING)) {
                Codec.bindReading(p, id, reading(Fixtures.T0.plusSeconds(1), Vital.NIBP_SYS, 133));
                p.executeUpdate();
            }
            try (var c = db.connect(); var p = c.prepareStatement(
                    "UPDATE session SET ended_at = ?, end_reason = 'ended_abnormally' WHERE id = ?")) {
                p.setLong(1, Fixtures.T0.plusSeconds(9).toEpochMilli());
                p.setLong(2, id);
                p.executeUpdate();
            }
        }
        try (VigilDatabase db = VigilDatabase.open(file)) {
            assertThat(db.schemaVersion()).isGreaterThanOrEqualTo(4);
            try (var c = db.connect()) {
                assertThat(Fixtures.count(c, "SELECT sum_done FROM session WHERE id = " + id)).isEqualTo(1);
                assertThat(Fixtures.count(c, "SELECT sum_peak_sys FROM session WHERE id = " + id)).isEqualTo(133);
            }
            assertThat(db.archive().list(SessionListFilter.all().withEndedAbnormally(true)))
                    .extracting(SessionListRow::id).containsExactly(id);
        }
    }

    @Test
    void theListFiltersByChairRangeHighAlarmAndEndReason() {
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("v.db"))) {
            long a = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0));
            fill(db, a);
            db.sessions().endSession(a, Fixtures.T0.plusSeconds(60), EndReason.CLOSED);
            long b = db.sessions().startSession(Fixtures.newSession("chair2", Fixtures.T0.plusSeconds(3600)));
            db.sessions().endSession(b, Fixtures.T0.plusSeconds(4000), EndReason.ENDED_ABNORMALLY);
            long c = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0.plusSeconds(7200)));

            assertThat(ids(db, SessionListFilter.all())).containsExactly(c, b, a);
            assertThat(ids(db, SessionListFilter.all().withChair("chair1"))).containsExactly(c, a);
            assertThat(ids(db, SessionListFilter.all().withHighAlarm(true))).containsExactly(a);
            assertThat(ids(db, SessionListFilter.all().withEndedAbnormally(true))).containsExactly(b);
            assertThat(ids(db, SessionListFilter.all().withRange(Fixtures.T0.plusSeconds(1), Fixtures.T0.plusSeconds(7200))))
                    .containsExactly(b);
            assertThat(ids(db, SessionListFilter.all().withLimit(1))).containsExactly(c);
            assertThat(ids(db, SessionListFilter.all().withPhaseReached("infusion"))).isEmpty();
            assertThatThrownBy(() -> db.archive().list(SessionListFilter.all().withPhaseReached("nap")))
                    .hasMessageContaining("unknown phase 'nap'");
            assertThat(db.archive().chairs()).containsExactly("chair1", "chair2");
        }
    }

    @Test
    void readingsStreamInTimeOrderForTheAskedVitalsAndWindow() {
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("v.db"))) {
            long id = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0));
            fill(db, id);
            List<Reading> got = new ArrayList<>();
            db.archive().forEachReading(id, Fixtures.T0.plusSeconds(2), Fixtures.T0.plusSeconds(6),
                    Set.of(Vital.NIBP_SYS, Vital.SPO2), got::add);
            assertThat(got).extracting(Reading::value).containsExactly(171.0, 240.0, 97.0, 86.0);
            got.clear();
            db.archive().forEachReading(id, Fixtures.T0, Fixtures.T0.plusSeconds(60), Set.of(Vital.SPO2), got::add);
            assertThat(got).hasSize(3);
            assertThat(got.get(2).hasValue()).isFalse();
        }
    }

    @Test
    void waveformChunksRoundTripWithTheirByteLayout() {
        short[] samples = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE, 300};
        WaveformChunk chunk = new WaveformChunk("ox", "pleth", Fixtures.T0, 75, samples);
        assertThat(chunk.encodedSamples()).containsExactly(0, 0, 1, 0, -1, -1, -1, 0x7f, 0, -128, 44, 1);
        assertThat(WaveformChunk.decodeSamples(chunk.encodedSamples())).containsExactly(samples);
        assertThatThrownBy(() -> WaveformChunk.decodeSamples(new byte[3])).hasMessageContaining("bad length");
        try (VigilDatabase db = VigilDatabase.open(dir.resolve("v.db"))) {
            long id = db.sessions().startSession(Fixtures.newSession("chair1", Fixtures.T0));
            WaveformChunk next = new WaveformChunk("ox", "pleth", Fixtures.T0.plusSeconds(1), 75, new short[75]);
            db.waveforms().append(id, List.of(chunk, next));
            List<WaveformChunk> got = new ArrayList<>();
            db.waveforms().forEachChunk(id, "pleth", Fixtures.T0, Fixtures.T0.plusSeconds(1), got::add);
            assertThat(got).containsExactly(chunk);
            assertThat(db.waveforms().waves(id)).containsExactly("pleth");
            assertThat(next.end()).isEqualTo(Fixtures.T0.plusSeconds(2));
        }
    }

    private static List<Long> ids(VigilDatabase db, SessionListFilter f) {
        return db.archive().list(f).stream().map(SessionListRow::id).toList();
    }
}
