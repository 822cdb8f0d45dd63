package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void fullRingDropsTheOldestPoint() {
        TrendSeries s = new TrendSeries(3);
        for (int i = 0; i < 5; i++) {
            s.add(i, 60 + i);
        }
        assertEquals(3, s.size());
        assertEquals(2, s.time(0));
        assertEquals(64, s.value(2));
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
