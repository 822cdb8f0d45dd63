package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

class TrendStoreTest {

    private final TrendStore store = new TrendStore();

    @Test
    void keepsAtMostOnePointPerSecondWithTheLatestValue() {
        store.add(FakeChairFeed.reading(10.1, Vital.HR, 70), FakeChairFeed.START);
        store.add(FakeChairFeed.reading(10.6, Vital.HR, 72), FakeChairFeed.START);
        store.add(FakeChairFeed.reading(11.0, Vital.HR, 73), FakeChairFeed.START);
        TrendSeries s = store.series(Vital.HR);
        assertEquals(2, s.size());
        assertEquals(72, s.value(0));
        assertEquals(73, s.value(1));
    }

    @Test
    void twoHourSessionAtTenReadingsPerSecondStaysAtOnePointPerSecond() {
        for (int i = 0; i < 2 * 3600 * 10; i++) {
            store.add(FakeChairFeed.reading(i / 10.0, Vital.SPO2, 90 + i % 7), FakeChairFeed.START);
        }
        assertEquals(7200, store.series(Vital.SPO2).size());
    }

    @Test
    void aFullRecentWindowFoldsItsOldestPointsIntoBucketsInsteadOfDroppingThem() {
        TrendSeries s = new TrendSeries(3, 4);
        for (int i = 0; i < 5; i++) {
            s.add(i, 60 + i);
        }
        // 0 and 1 share the first 2-second bucket: its low and its high stay
        assertEquals(5, s.size());
        assertEquals(0, s.time(0));
        assertEquals(60, s.value(0));
        assertEquals(64, s.value(4));
        for (int i = 1; i < 5; i++) {
            assertFalse(s.gapBefore(i), "one line, point " + i);
        }
    }

    @Test
    void eightHoursOfFiveVitalsAtOneHertzKeepAFixedNumberOfPoints() {
        // HR, PR and SpO2 have trends; PI and RR are read by the store too and keep nothing
        for (int sec = 0; sec < 8 * 3600; sec++) {
            for (Vital v : List.of(Vital.HR, Vital.PR, Vital.SPO2, Vital.PI, Vital.RR)) {
                store.add(FakeChairFeed.reading(sec, v, 70 + sec % 9), FakeChairFeed.START);
            }
        }
        int bound = TrendSeries.DEFAULT_RECENT + 2 * TrendSeries.DEFAULT_BUCKETS;
        for (Vital v : List.of(Vital.HR, Vital.PR, Vital.SPO2)) {
            TrendSeries s = store.series(v);
            assertTrue(s.size() <= bound, v + ": " + s.size());
            assertTrue(s.size() > TrendSeries.DEFAULT_RECENT, v + ": " + s.size());
            assertEquals(0, s.time(0), v + " still starts at the session's start");
            assertEquals(8 * 3600 - 1, s.time(s.size() - 1), 1e-3, v + " ends now");
            for (int i = 1; i < s.size(); i++) {
                assertFalse(s.gapBefore(i), v + ": no gap in a continuous session, point " + i);
            }
        }
    }

    @Test
    void aOneSecondDesaturationAmongThirtyThousandSecondsIsStillOnTheTrend() {
        for (int sec = 0; sec < 30_600; sec++) {
            store.add(FakeChairFeed.reading(sec, Vital.SPO2, sec == 1234 ? 78 : 97), FakeChairFeed.START);
        }
        TrendSeries s = store.series(Vital.SPO2);
        assertTrue(s.size() < 30_600 / 3, "decimated: " + s.size());
        int lowest = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.value(i) < s.value(lowest)) {
                lowest = i;
            }
        }
        assertEquals(78, s.value(lowest));
        assertEquals(1234, s.time(lowest), 1e-3);
    }

    @Test
    void aDropoutLongAgoStillBreaksTheLine() {
        for (int sec = 0; sec < 3 * 3600; sec++) {
            if (sec < 600 || sec >= 660) {
                store.add(FakeChairFeed.reading(sec, Vital.HR, 72), FakeChairFeed.START);
            }
        }
        TrendSeries s = store.series(Vital.HR);
        List<Double> gapsAt = new java.util.ArrayList<>();
        for (int i = 1; i < s.size(); i++) {
            if (s.gapBefore(i)) {
                gapsAt.add(s.time(i));
            }
        }
        assertEquals(1, gapsAt.size(), gapsAt.toString());
        assertTrue(gapsAt.get(0) >= 660 && gapsAt.get(0) < 700, gapsAt.toString());
    }

    @Test
    void historyFarApartButUnbrokenDrawsOneLineAndBreaksOnlyWhereTheHistorySays() {
        store.addFromHistory(FakeChairFeed.reading(0, Vital.SPO2, 97), FakeChairFeed.START);
        store.addFromHistory(FakeChairFeed.reading(30, Vital.SPO2, 95), FakeChairFeed.START);
        store.addFromHistory(FakeChairFeed.reading(59, Vital.SPO2, Double.NaN), FakeChairFeed.START);
        store.addFromHistory(FakeChairFeed.reading(60, Vital.SPO2, 96), FakeChairFeed.START);
        TrendSeries s = store.series(Vital.SPO2);
        assertEquals(3, s.size());
        assertFalse(s.gapBefore(1), "bucket extremes 30 s apart are one line");
        assertTrue(s.gapBefore(2), "the history's break");
    }

    @Test
    void invalidAndOlderReadingsAreNotStored() {
        assertFalse(store.add(FakeChairFeed.reading(5, Vital.SPO2, 80, ReadingFlag.QUESTIONABLE), FakeChairFeed.START));
        assertTrue(store.add(FakeChairFeed.reading(6, Vital.SPO2, 96), FakeChairFeed.START));
        assertFalse(store.add(FakeChairFeed.reading(4, Vital.SPO2, 95), FakeChairFeed.START));
        assertEquals(1, store.series(Vital.SPO2).size());
        assertEquals(1, store.version());
    }

    @Test
    void nibpComponentsOfOneCuffMeasurementBecomeOnePoint() {
        store.add(FakeChairFeed.reading(300, Vital.NIBP_SYS, 130), FakeChairFeed.START);
        store.add(FakeChairFeed.reading(300, Vital.NIBP_DIA, 85), FakeChairFeed.START);
        store.add(FakeChairFeed.reading(301, Vital.NIBP_MEAN, 100), FakeChairFeed.START);
        store.add(FakeChairFeed.reading(600, Vital.NIBP_SYS, 140), FakeChairFeed.START);
        NibpTrend n = store.nibp();
        assertEquals(2, n.size());
        assertEquals(130, n.sys(0));
        assertEquals(85, n.dia(0));
        assertEquals(100, n.mean(0));
        assertEquals(140, n.sys(1));
        assertTrue(Double.isNaN(n.dia(1)));
    }

    @Test
    void timeAxisGrowsInSteps() {
        assertEquals(10, TrendStore.spanMinutes(0));
        assertEquals(10, TrendStore.spanMinutes(9.9));
        assertEquals(15, TrendStore.spanMinutes(10));
        assertEquals(45, TrendStore.spanMinutes(42));
        assertEquals(75, TrendStore.spanMinutes(61));
        assertEquals(135, TrendStore.spanMinutes(120));
    }
}
