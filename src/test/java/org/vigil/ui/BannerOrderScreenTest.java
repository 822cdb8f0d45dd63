package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;

/**
 * The banner after the nurse acknowledged a high NIBP alarm and SpO2 then fell below 90 %:
 * the newer unacknowledged medium alarm takes the banner, in its own colour, while the frame
 * and the tab keep the acknowledged high alarm's colour.
 */
class BannerOrderScreenTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private final ChairViewModel vm = new ChairViewModel(feed, () -> org.vigil.testsupport.TestActors.nurse("carol"), ZoneOffset.UTC);

    @Test
    void aNewerUnacknowledgedMediumAlarmTakesTheBannerFromAnAcknowledgedHighOne() {
        feed.at(420);
        ActiveAlarm bp = new ActiveAlarm("nibp_sys.very_high", Priority.HIGH, AlarmKind.PHYSIOLOGICAL, "nibp_sys", 188.0,
                180.0, "NIBP sys 188 \u2265 180", FakeChairFeed.START.plusSeconds(300), true, true, false, false);
        ActiveAlarm spo2 = FakeChairFeed.alarm("spo2.low", Priority.MEDIUM, "spo2", 88.0, 90.0, "SpO2 88 < 90",
                FakeChairFeed.START.plusSeconds(415));
        feed.alarms(bp, spo2);
        vm.onFrame(0);
        AlarmAreaModel a = vm.alarmArea();
        assertEquals("SpO2 88 < 90", a.bannerTextProperty().get());
        assertEquals(Priority.MEDIUM, a.bannerPriorityProperty().get(), "the banner in its alarm's colour");
        assertEquals(Priority.HIGH, a.highestProperty().get(), "frame and tab: the highest on the chair");
        assertEquals(List.of("spo2.low", "nibp_sys.very_high"), a.rows().stream().map(AlarmRow::id).toList());
    }

    @Test
    void amongUnacknowledgedAlarmsOfOnePriorityTheNewestTakesTheBanner() {
        feed.at(400);
        feed.alarms(FakeChairFeed.alarm("spo2.low", Priority.MEDIUM, "spo2", 88.0, 90.0, "SpO2 88 < 90",
                        FakeChairFeed.START.plusSeconds(315)),
                FakeChairFeed.alarm("hr.high", Priority.MEDIUM, "hr", 125.0, 120.0, "HR 125 > 120",
                        FakeChairFeed.START.plusSeconds(330)));
        vm.onFrame(0);
        assertEquals("HR 125 > 120", vm.alarmArea().bannerTextProperty().get());
    }
}
