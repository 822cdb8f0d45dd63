package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.Priority;
import org.vigil.chair.AlarmLogEntry;

class AlarmLogViewModelTest {

    private static final Instant T = FakeChairFeed.START;

    private final FakeChairFeed feed = new FakeChairFeed();
    private final AlarmLogViewModel vm = new AlarmLogViewModel(feed, ZoneOffset.UTC);

    private static AlarmLogEntry raised(int s, String id) {
        return new AlarmLogEntry(T.plusSeconds(s), "raised", id, Priority.MEDIUM, "spo2", 86.0, 90.0, null, null,
                "SpO2 86 < 90");
    }

    @Test
    void showsEveryEntryNewestFirstWithItsColumns() {
        feed.log.add(raised(10, "spo2.low"));
        feed.log.add(new AlarmLogEntry(T.plusSeconds(12), "audio_paused", null, null, null, null, null, "bob",
                T.plusSeconds(132), ""));
        feed.log.add(new AlarmLogEntry(T.plusSeconds(20), AlarmLogEntry.LIMIT_CHANGED, "spo2.low", Priority.MEDIUM,
                "spo2", null, 92.0, "alice", null, "90 \u2192 92"));

        vm.refresh();

        assertEquals(List.of("limit changed", "audio paused", "raised"), vm.rows().stream().map(AlarmLogRow::event).toList());
        assertEquals(new AlarmLogRow("09:00:20", "limit changed", "spo2.low", Priority.MEDIUM, "MED", "SpO2", "", "92",
                "alice", "90 \u2192 92"), vm.rows().get(0));
        assertEquals("until 09:02:12", vm.rows().get(1).detail());
        assertEquals(new AlarmLogRow("09:00:10", "raised", "spo2.low", Priority.MEDIUM, "MED", "SpO2", "86", "90", "",
                "SpO2 86 < 90"), vm.rows().get(2));
        assertEquals("3 entries", vm.countProperty().get());
    }

    @Test
    void newEntriesAreAddedOnTopWithoutRebuildingTheRest() {
        feed.log.add(raised(10, "a"));
        vm.refresh();
        AlarmLogRow first = vm.rows().get(0);

        feed.log.add(raised(11, "b"));
        feed.log.add(raised(12, "c"));
        vm.refresh();

        assertEquals(List.of("c", "b", "a"), vm.rows().stream().map(AlarmLogRow::alarmId).toList());
        assertSame(first, vm.rows().get(2));
    }

    @Test
    void aLogThatDroppedItsOldestEntriesIsShownAsItIsNow() {
        feed.log.add(raised(10, "a"));
        feed.log.add(raised(11, "b"));
        vm.refresh();
        feed.log.remove(0);
        feed.log.remove(0);
        feed.log.add(raised(12, "c"));
        vm.refresh();
        assertEquals(List.of("c"), vm.rows().stream().map(AlarmLogRow::alarmId).toList());
        assertEquals("1 entry", vm.countProperty().get());
    }

    @Test
    void technicalAlarmsShowTheDeviceLabelAsParameter() {
        feed.log.add(new AlarmLogEntry(T, "raised", "ox.no_data", Priority.MEDIUM, "ox", null, null, null, null,
                "Masimo oximeter: no data"));
        vm.refresh();
        assertEquals("Masimo oximeter", vm.rows().get(0).parameter());
        assertEquals("", vm.rows().get(0).value());
    }
}
