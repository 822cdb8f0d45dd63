package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.ui.FakeChairFeed.START;
import static org.vigil.ui.FakeChairFeed.alarm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.Priority;
import org.vigil.domain.Reading;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;
import org.vigil.chair.ConnectionState;

class ChairViewModelTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private final AtomicReference<String> user = new AtomicReference<>("alice");
    private final ChairViewModel vm = new ChairViewModel(feed, () -> org.vigil.testsupport.TestActors.nurse(user.get()), ZoneOffset.UTC);

    private static final long SECOND = 1_000_000_000L;
    private static final java.time.format.DateTimeFormatter CLOCK_UTC =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @Test
    void numericsShowTheLatestValuesWithUnits() {
        feed.push(10, Vital.HR, 71).push(11, Vital.HR, 72).push(11, Vital.SPO2, 97).push(11, Vital.PI, 2.34)
                .push(11, Vital.PR, 70).at(12);
        vm.onFrame(0);
        assertEquals("HR", vm.heart().labelProperty().get());
        assertEquals("72", vm.heart().valueProperty().get());
        assertEquals("/min", vm.heart().unitProperty().get());
        assertFalse(vm.heart().dimmedProperty().get());
        assertEquals("97", vm.spo2().valueProperty().get());
        assertEquals("%", vm.spo2().unitProperty().get());
        assertEquals("PI 2.3", vm.spo2().detailProperty().get());
        assertEquals("", vm.spo2().flagProperty().get());
    }

    @Test
    void heartTileShowsPulseRateLabelledPrWhenThereIsNoEcgHeartRate() {
        feed.devices = List.of(FakeChairFeed.OXIMETER);
        vm.onFrame(0);
        assertEquals("PR", vm.heart().labelProperty().get(), "oximeter only: PR before any reading");
        feed.push(1, Vital.PR, 64).at(2);
        vm.onFrame(SECOND);
        assertEquals("PR", vm.heart().labelProperty().get());
        assertEquals("64", vm.heart().valueProperty().get());
    }

    @Test
    void heartTileFallsBackToPulseRateWhenEcgHeartRateGoesStale() {
        feed.push(0, Vital.HR, 80).push(0, Vital.PR, 79).at(1);
        vm.onFrame(0);
        assertEquals("HR", vm.heart().labelProperty().get());
        feed.push(20, Vital.PR, 77).at(20);
        vm.onFrame(SECOND);
        assertEquals("PR", vm.heart().labelProperty().get());
        assertEquals("77", vm.heart().valueProperty().get());
    }

    @Test
    void absentValueShowsDashesDimmedWithItsFlag() {
        feed.push(5, Vital.SPO2, Double.NaN, ReadingFlag.INVALID, ReadingFlag.SENSOR_OFF).at(5);
        vm.onFrame(0);
        assertEquals("---", vm.spo2().valueProperty().get());
        assertEquals("SENSOR OFF", vm.spo2().flagProperty().get());
        assertTrue(vm.spo2().dimmedProperty().get());
    }

    @Test
    void valueNeverReceivedShowsDashes() {
        vm.onFrame(0);
        assertEquals("---", vm.spo2().valueProperty().get());
        assertEquals("---/---", vm.nibp().valueProperty().get());
        assertEquals("\u2014", vm.nibp().noteProperty().get());
        assertTrue(vm.nibp().dimmedProperty().get());
    }

    @Test
    void questionableValueIsShownDimmedWithAQuestionMark() {
        feed.push(5, Vital.SPO2, 88, ReadingFlag.QUESTIONABLE).at(5);
        vm.onFrame(0);
        assertEquals("88", vm.spo2().valueProperty().get());
        assertEquals("? artifact: cuff inflating on the same arm", vm.spo2().flagProperty().get());
        assertTrue(vm.spo2().dimmedProperty().get());
    }

    @Test
    void aValueThatStopsUpdatingGreysOutWithItsAgeAndSaysNoDataAfterTenSeconds() {
        feed.push(5, Vital.SPO2, 96).at(5.5);
        vm.onFrame(0);
        assertEquals("96", vm.spo2().valueProperty().get());
        assertFalse(vm.spo2().dimmedProperty().get());
        assertEquals("", vm.spo2().noteProperty().get());
        feed.at(9);
        vm.onFrame(SECOND);
        assertEquals("96", vm.spo2().valueProperty().get());
        assertTrue(vm.spo2().dimmedProperty().get(), "a 1 Hz value 4 s old is no longer shown bright");
        assertEquals("4 s ago", vm.spo2().noteProperty().get());
        assertEquals("", vm.spo2().flagProperty().get());
        feed.at(17.5);
        vm.onFrame(2 * SECOND);
        assertEquals("96", vm.spo2().valueProperty().get());
        assertTrue(vm.spo2().dimmedProperty().get());
        assertEquals("12 s ago", vm.spo2().noteProperty().get());
        assertEquals("NO DATA", vm.spo2().flagProperty().get());
    }

    @Test
    void nibpShowsLastCuffReadingWithMeanAndMinutesSince() {
        feed.push(60, Vital.NIBP_SYS, 128).push(60, Vital.NIBP_DIA, 82).push(60.2, Vital.NIBP_MEAN, 97).at(61);
        vm.onFrame(0);
        assertEquals("128/82", vm.nibp().valueProperty().get());
        assertEquals("(97)", vm.nibp().detailProperty().get());
        assertEquals("<1 min ago", vm.nibp().noteProperty().get());
        assertEquals("mmHg", vm.nibp().unitProperty().get());
        feed.at(60 + 3 * 60 + 10);
        vm.onFrame(SECOND);
        assertEquals("3 min ago", vm.nibp().noteProperty().get());
        assertEquals("128/82", vm.nibp().valueProperty().get(), "a cuff value stays shown between measurements");
    }

    @Test
    void nibpShowsCuffStateWhileANewMeasurementIsUnderWay() {
        feed.push(60, Vital.NIBP_SYS, 128).push(60, Vital.NIBP_DIA, 82)
                .push(360, Vital.NIBP_SYS, Double.NaN, ReadingFlag.INVALID, ReadingFlag.CUFF_INFLATING).at(361);
        vm.onFrame(0);
        assertEquals("128/82", vm.nibp().valueProperty().get());
        assertEquals("CUFF inflating", vm.nibp().flagProperty().get());
        assertEquals("5 min ago", vm.nibp().noteProperty().get());
    }

    @Test
    void tilesShowTheAlarmLimitsInForce() {
        vm.onFrame(0);
        assertEquals("\u25B2 120", vm.heart().limitHighProperty().get());
        assertEquals("\u25BC 50", vm.heart().limitLowProperty().get());
        assertEquals("", vm.spo2().limitHighProperty().get());
        assertEquals("\u25BC 90", vm.spo2().limitLowProperty().get());
        assertEquals("\u25B2 160/90", vm.nibp().limitHighProperty().get());
        assertEquals("\u25BC 90/50", vm.nibp().limitLowProperty().get());
        for (TileModel t : List.of(vm.heart(), vm.spo2(), vm.nibp(), vm.rr())) {
            assertEquals("", t.alarmsOffProperty().get(), t.kind() + ": every alarm on, no alarm-off indication");
        }
        assertEquals("", vm.alarmsOffProperty().get());
    }

    @Test
    void anAlarmOffInTheConfigurationIsShownOffOnTheTileAndInTheHeaderNotHiddenBehindTheNextTier() {
        feed.config = feed.config.withRule(feed.config.rule("hr.high").orElseThrow().withEnabled(false));
        streamOneHz(0, 30, 72, 97);
        vm.onFrame(0);
        assertEquals("\u25B2 130 (120 OFF)", vm.heart().limitHighProperty().get());
        assertEquals("HR > 120 alarm OFF (\u2265 130 still on)", vm.heart().alarmsOffProperty().get());
        assertEquals("1 alarm off: HR > 120", vm.alarmsOffProperty().get());
        assertEquals("", vm.spo2().alarmsOffProperty().get(), "SpO2 has no high limit at all: that is not an alarm off");
        assertEquals("", vm.spo2().limitHighProperty().get());
    }

    @Test
    void alarmsSwitchedOffByAnAdminAreNamedTierByTierAndCountedInTheHeader() {
        streamOneHz(0, 30, 72, 97);
        feed.alarms(null, Set.of("hr.very_high", "spo2.desat", "ox.no_data"));
        vm.onFrame(0);
        assertEquals("\u25B2 120 (130 OFF)", vm.heart().limitHighProperty().get());
        assertEquals("HR \u2265 130 alarm OFF (> 120 still on)", vm.heart().alarmsOffProperty().get(),
                "the high-priority tier is off while the medium one is on: said exactly");
        assertEquals("\u25BC 90 (85 OFF)", vm.spo2().limitLowProperty().get());
        assertEquals("SpO2 < 85 alarm OFF (< 90 still on)", vm.spo2().alarmsOffProperty().get());
        assertEquals("3 alarms off: HR \u2265 130, SpO2 < 85, Masimo oximeter no data", vm.alarmsOffProperty().get());

        feed.alarms(null, Set.of("nibp_sys.high", "nibp_sys.very_high", "nibp_mean.low"));
        vm.onFrame(SECOND);
        assertEquals("\u25B2 OFF/90", vm.nibp().limitHighProperty().get());
        assertEquals("NIBP sys > 160, \u2265 180 alarms OFF (rise \u2265 40 still on) \u00B7 NIBP mean < 60 alarm OFF",
                vm.nibp().alarmsOffProperty().get());
        assertEquals("", vm.heart().alarmsOffProperty().get(), "switched back on: the indication goes");

        feed.alarms(null, Set.of());
        vm.onFrame(2 * SECOND);
        assertEquals("", vm.alarmsOffProperty().get());
        assertEquals("", vm.nibp().alarmsOffProperty().get());
    }

    /**
     * A realistic chair: HR (monitor) and SpO2/PR (oximeter) every second; the cuff on the oximeter's
     * arm inflates for 40 s every 5 minutes, the oximeter's values marked questionable meanwhile, and
     * each measurement ends with a result.
     */
    private void streamOneHz(int from, int to, double hr, double spo2) {
        for (int s = from; s < to; s++) {
            int inCycle = s % 300;
            boolean cuffUp = s >= 300 && inCycle < 40;
            feed.push(s, Vital.HR, hr);
            ReadingFlag[] artifact = cuffUp ? new ReadingFlag[] {ReadingFlag.QUESTIONABLE} : new ReadingFlag[0];
            feed.push(s, Vital.SPO2, spo2, artifact).push(s, Vital.PR, hr, artifact);
            if (cuffUp) {
                feed.push(s, Vital.NIBP_SYS, Double.NaN, ReadingFlag.INVALID, ReadingFlag.CUFF_INFLATING)
                        .push(s, Vital.NIBP_DIA, Double.NaN, ReadingFlag.INVALID, ReadingFlag.CUFF_INFLATING);
            } else if (inCycle == 40 || s == 0) {
                feed.push(s, Vital.NIBP_SYS, 124).push(s, Vital.NIBP_DIA, 78).push(s, Vital.NIBP_MEAN, 93);
            }
        }
        feed.at(to - 0.5);
    }

    @Test
    void duringACuffEveryMarkerIsAWordAndASilentMonitorGreysItsValuesAndEndsCuff() {
        // 10 minutes of 1 Hz numerics; the second cuff goes up at 600 s and the monitor falls silent at 615 s.
        streamOneHz(0, 615, 72, 97);
        frames(0);
        assertEquals("97", vm.spo2().valueProperty().get());
        assertEquals("? artifact: cuff inflating on the same arm", vm.spo2().flagProperty().get());
        assertEquals("124/78", vm.nibp().valueProperty().get());
        assertEquals("CUFF inflating", vm.nibp().flagProperty().get());
        assertFalse(vm.heart().dimmedProperty().get());

        // The oximeter goes on; the monitor says nothing more. 12 s later the station reports it silent.
        for (int s = 615; s < 627; s++) {
            feed.push(s, Vital.SPO2, 97).push(s, Vital.PR, 72);
        }
        feed.state("mon", ConnectionState.NO_DATA);
        feed.at(626.5);
        frames(SECOND);
        assertEquals("", vm.spo2().flagProperty().get(), "the cuff no longer reports: no artifact marker");
        assertFalse(vm.spo2().dimmedProperty().get(), "the oximeter still talks: its values stay bright");
        assertEquals("PR", vm.heart().labelProperty().get(), "HR is stale: the tile shows the oximeter's pulse rate");
        assertEquals("124/78", vm.nibp().valueProperty().get());
        assertEquals("NO DATA", vm.nibp().flagProperty().get(), "CUFF ends when its monitor is silent");
        assertTrue(vm.nibp().dimmedProperty().get(), "the last cuff value of a silent monitor greys out");
        assertEquals("4 min ago", vm.nibp().noteProperty().get());
    }

    /** Frames 1/60 s apart until every queued reading is drained (at most 500 per frame). */
    private void frames(long startNanos) {
        long t = startNanos;
        do {
            vm.onFrame(t);
            t += SECOND / 60;
        } while (feed.buffered() > 0);
    }

    @Test
    void aSilentMonitorsHeartRateGreysOutWithItsAgeWhileNoOtherSourceExists() {
        feed.devices = List.of(FakeChairFeed.MONITOR);
        for (int s = 0; s < 120; s++) {
            feed.push(s, Vital.HR, 72);
        }
        feed.at(119.5);
        vm.onFrame(0);
        assertEquals("72", vm.heart().valueProperty().get());
        assertFalse(vm.heart().dimmedProperty().get());
        feed.state("mon", ConnectionState.NO_DATA);
        feed.at(131);
        vm.onFrame(SECOND);
        assertEquals("72", vm.heart().valueProperty().get());
        assertTrue(vm.heart().dimmedProperty().get());
        assertEquals("12 s ago", vm.heart().noteProperty().get());
        assertEquals("NO DATA", vm.heart().flagProperty().get());
    }

    @Test
    void limitsSwitchedOffShowOffAndUnknownSettingsShowNoLimits() {
        feed.alarms(null, Set.of("spo2.low", "spo2.desat"));
        vm.onFrame(0);
        assertEquals("\u25BC OFF", vm.spo2().limitLowProperty().get());
        feed.config = null;
        vm.onFrame(SECOND);
        assertEquals("", vm.heart().limitHighProperty().get());
        assertEquals("", vm.spo2().limitLowProperty().get());
    }

    @Test
    void bannerShowsTheMostUrgentAlarmInTheHighestPriority() {
        feed.at(100);
        feed.alarms(
                alarm("spo2.desat", Priority.HIGH, "spo2", 82.0, 85.0, "SpO2 82 < 85", START.plusSeconds(90)),
                alarm("hr.high", Priority.MEDIUM, "hr", 125.0, 120.0, "HR 125 > 120", START.plusSeconds(40)));
        vm.onFrame(0);
        AlarmAreaModel a = vm.alarmArea();
        assertEquals(Priority.HIGH, a.highestProperty().get());
        assertEquals("SpO2 82 < 85", a.bannerTextProperty().get());
        assertEquals("HIGH  \u00B7  SpO2 now 82 %  \u00B7  limit 85 %  \u00B7  +1 more", a.bannerDetailProperty().get());
        assertEquals(Priority.HIGH, vm.spo2().alarmProperty().get());
        assertEquals(Priority.MEDIUM, vm.heart().alarmProperty().get());
        assertNull(vm.nibp().alarmProperty().get());
    }

    @Test
    void unacknowledgedAlarmIsShownBeforeAnAcknowledgedOneOfTheSamePriority() {
        ActiveAlarm acked = new ActiveAlarm("hr.high", Priority.MEDIUM, AlarmKind.PHYSIOLOGICAL, "hr", 125.0, 120.0,
                "HR 125 > 120", START, true, true, false, false);
        feed.alarms(acked, alarm("nibp_sys.high", Priority.MEDIUM, "nibp_sys", 165.0, 160.0, "NIBP sys 165 > 160",
                START.plusSeconds(30)));
        vm.onFrame(0);
        assertEquals("NIBP sys 165 > 160", vm.alarmArea().bannerTextProperty().get());
    }

    @Test
    void noAlarmsShowsNeutralBannerAndNoFrameColour() {
        vm.onFrame(0);
        assertNull(vm.alarmArea().highestProperty().get());
        assertEquals(AlarmAreaModel.NO_ALARMS, vm.alarmArea().bannerTextProperty().get());
        assertFalse(vm.alarmArea().flashOnProperty().get());
        assertTrue(vm.alarmArea().nothingToAcknowledgeProperty().get());
    }

    @Test
    void highAlarmFlashesAtTwoHertzWithHalfDuty() {
        feed.alarms(alarm("spo2.desat", Priority.HIGH, "spo2", 82.0, 85.0, "SpO2 82 < 85", START));
        long[] on = {0, 100_000_000L, 249_000_000L, 500_000_000L, 10 * SECOND + 200_000_000L};
        long[] off = {250_000_000L, 400_000_000L, 499_000_000L, 10 * SECOND + 300_000_000L};
        for (long t : on) {
            vm.onFrame(t);
            assertTrue(vm.alarmArea().flashOnProperty().get(), "on at " + t);
            assertTrue(vm.spo2().flashOnProperty().get(), "tile on at " + t);
        }
        for (long t : off) {
            vm.onFrame(t);
            assertFalse(vm.alarmArea().flashOnProperty().get(), "off at " + t);
            assertFalse(vm.spo2().flashOnProperty().get(), "tile off at " + t);
        }
    }

    @Test
    void mediumAlarmFlashesAtPointSixHertzAndLowIsSteady() {
        feed.alarms(alarm("hr.high", Priority.MEDIUM, "hr", 125.0, 120.0, "HR 125 > 120", START));
        vm.onFrame(800_000_000L);
        assertTrue(vm.alarmArea().flashOnProperty().get());
        vm.onFrame(900_000_000L);
        assertFalse(vm.alarmArea().flashOnProperty().get());
        vm.onFrame(1_700_000_000L);
        assertTrue(vm.alarmArea().flashOnProperty().get());
        feed.alarms(alarm("ox.low_perfusion", Priority.LOW, "ox", null, null, "SpO2 device: low perfusion", START));
        for (long t = 0; t < 3 * SECOND; t += 50_000_000L) {
            vm.onFrame(t);
            assertTrue(vm.alarmArea().flashOnProperty().get(), "low priority is steady at " + t);
        }
    }

    @Test
    void pauseAudioShowsCountdownWhilePaused() {
        feed.at(100);
        feed.alarms(feed.now.plusMillis(105_200), Set.of(),
                alarm("hr.high", Priority.MEDIUM, "hr", 125.0, 120.0, "HR 125 > 120", START));
        vm.onFrame(0);
        assertTrue(vm.alarmArea().audioPausedProperty().get());
        assertEquals("Audio paused 01:46", vm.alarmArea().pauseTextProperty().get());
        feed.at(200);
        vm.onFrame(SECOND);
        assertEquals("Audio paused 00:06", vm.alarmArea().pauseTextProperty().get());
        feed.at(205.2);
        vm.onFrame(2 * SECOND);
        assertEquals(AlarmAreaModel.PAUSE_AUDIO, vm.alarmArea().pauseTextProperty().get());
        assertFalse(vm.alarmArea().audioPausedProperty().get());
    }

    @Test
    void alarmListShowsTimeActiveStateMarksAndSwitchedOffAlarms() {
        feed.at(200);
        ActiveAlarm latched = new ActiveAlarm("spo2.desat", Priority.HIGH, AlarmKind.PHYSIOLOGICAL, "spo2", 83.0, 85.0,
                "SpO2 83 < 85", START.plusSeconds(5), false, true, false, false);
        ActiveAlarm escalated = new ActiveAlarm("hr.high", Priority.HIGH, AlarmKind.PHYSIOLOGICAL, "hr", 125.0, 120.0,
                "HR 125 > 120", START.plusSeconds(65), true, false, true, true);
        feed.alarms(null, Set.of("rr.low"), latched, escalated);
        vm.onFrame(0);
        List<AlarmRow> rows = vm.alarmArea().rows();
        assertEquals(3, rows.size());
        assertEquals(new AlarmRow("hr.high", Priority.HIGH, "HIGH", "HR 125 > 120", "raised 02:15 ago", "ESCALATED",
                "raised at " + CLOCK_UTC.format(START.plusSeconds(65))), rows.get(0));
        assertEquals(new AlarmRow("spo2.desat", Priority.HIGH, "HIGH", "SpO2 83 < 85", "raised 03:15 ago", "ACK LATCHED",
                "raised at " + CLOCK_UTC.format(START.plusSeconds(5))), rows.get(1));
        assertEquals("OFF", rows.get(2).priorityText());
        assertEquals("rr.low alarm off", rows.get(2).message());
        assertFalse(vm.alarmArea().nothingToAcknowledgeProperty().get());
    }

    @Test
    void commandsGoToTheFeedAsTheCurrentUser() {
        vm.onFrame(0);
        vm.acknowledge();
        user.set("bob");
        vm.pauseAudio();
        assertEquals(List.of("alice"), feed.acknowledgedBy);
        assertEquals(List.of("bob"), feed.pausedBy);
    }

    @Test
    void setBaselineShowsItsResultForAFewSeconds() {
        feed.cuff(0, 118, 76);
        vm.onFrame(100 * SECOND);
        vm.setBaseline();
        assertEquals("Needs 2 cuff readings (1 so far)", vm.baselineResultProperty().get());
        feed.cuff(300, 122, 78);
        vm.setBaseline();
        String set = "Baseline 120/77 set (last 2 cuffs)";
        assertEquals(set, vm.baselineResultProperty().get());
        assertEquals("Baseline 120/77 set (last 2 cuffs), from the last 2 cuff readings 118/76 and 122/78",
                vm.baselineResultDetailProperty().get());
        vm.onFrame(107 * SECOND);
        assertEquals(set, vm.baselineResultProperty().get());
        vm.onFrame(109 * SECOND);
        assertEquals("", vm.baselineResultProperty().get());
        assertEquals(List.of("alice", "alice"), feed.baselineBy);
    }

    @Test
    void theNibpTileAndTrendShowTheBaseline() {
        feed.cuff(0, 118, 76);
        feed.cuff(300, 131, 81);
        vm.onFrame(0);
        assertEquals("", vm.nibp().baselineProperty().get());
        assertTrue(Double.isNaN(vm.trends().baselineSys()));
        vm.setBaseline();
        vm.onFrame(SECOND);
        assertEquals("BL 124.5/78.5", vm.nibp().baselineProperty().get());
        assertEquals(124.5, vm.trends().baselineSys());
        assertEquals(78.5, vm.trends().baselineDia());
        assertEquals("", vm.heart().baselineProperty().get());
    }

    @Test
    void theNurseTypesABaselineOrPicksTwoReadings() {
        feed.cuff(0, 118, 76);
        feed.cuff(300, 122, 78);
        feed.cuff(600, 140, 90);
        List<String> shown = new ArrayList<>();
        BaselineEntryModel entry = new BaselineEntryModel(feed, () -> org.vigil.testsupport.TestActors.nurse(user.get()), ZoneOffset.UTC,
                c -> shown.add(ChairViewModel.resultText(c)));
        entry.open();
        assertEquals(List.of("09:10:00   140/90 (107)", "09:05:00   122/78 (93)", "09:00:00   118/76 (90)"),
                entry.readings().stream().map(BaselineEntryModel.Row::text).toList());

        entry.sysProperty().set("124");
        entry.diaProperty().set("abc");
        entry.useTyped();
        assertTrue(entry.errorProperty().get());
        assertEquals("Diastolic 'abc' is not a number of mmHg", entry.messageProperty().get());
        assertEquals(List.of(), shown);

        entry.diaProperty().set("78");
        entry.useTyped();
        assertFalse(entry.errorProperty().get());
        assertEquals(List.of("Baseline 124/78 set (typed)"), shown);

        entry.useChosen(List.of(entry.readings().get(2)));
        assertEquals("Pick exactly 2 cuff readings (1 picked)", entry.messageProperty().get());
        entry.useChosen(List.of(entry.readings().get(1), entry.readings().get(2)));
        assertEquals("Baseline 120/77 set (2 picked)", shown.get(1));
        assertEquals(List.of("typed", "from the chosen cuff readings 118/76 and 122/78"), feed.baselineSources);
        vm.onFrame(0);
        assertEquals("BL 120/77", vm.nibp().baselineProperty().get());
    }

    @Test
    void drainsABoundedNumberOfReadingsPerFrame() {
        for (int i = 0; i < ChairViewModel.MAX_READINGS_PER_FRAME + 100; i++) {
            feed.push(i * 0.01, Vital.SPO2, 95);
        }
        vm.onFrame(0);
        assertEquals(100, feed.buffered());
        vm.onFrame(SECOND / 60);
        assertEquals(0, feed.buffered());
    }

    @Test
    void historyFillsTrendsAndNumericsOnTheFirstFrame() {
        for (int s = 0; s < 120; s++) {
            feed.addHistory(FakeChairFeed.reading(s, Vital.SPO2, 95 + s % 3));
        }
        feed.push(119, Vital.SPO2, 97).at(120);
        vm.onFrame(0);
        assertEquals(120, vm.trends().series(Vital.SPO2).size());
        assertEquals("97", vm.spo2().valueProperty().get());
        assertTrue(vm.trendVersionProperty().get() > 0);
    }

    @Test
    void trendVersionChangesOnlyWhenTrendDataChanged() {
        feed.push(1, Vital.HR, 70).at(1);
        vm.onFrame(0);
        long v = vm.trendVersionProperty().get();
        vm.onFrame(SECOND);
        assertEquals(v, vm.trendVersionProperty().get());
        feed.push(2, Vital.HR, 71);
        vm.onFrame(2 * SECOND);
        assertTrue(vm.trendVersionProperty().get() > v);
    }

    @Test
    void deviceRowsCarryEndpointAndConnectionState() {
        feed.state("mon", ConnectionState.NO_DATA);
        vm.onFrame(0);
        assertEquals(List.of(
                new DeviceRow("ox", "Masimo oximeter", "/dev/ttyUSB0", ConnectionState.CONNECTED),
                new DeviceRow("mon", "Ivy monitor", "/dev/ttyUSB1", ConnectionState.NO_DATA)), vm.devices());
        assertEquals("NO DATA", vm.devices().get(1).stateText());
    }

    @Test
    void aDeviceRowNamesTheDeviceAsItIdentifiedItselfAndNothingWhenItToldNothing() {
        feed.identity("ox", org.vigil.domain.DeviceIdentity.serialOnly("0000056661"));
        feed.identity("mon", new org.vigil.domain.DeviceIdentity("Philips", "866062", "DE351A4061", "L.01.18", "0009FBFFFF88C1BD"));
        vm.onFrame(0);
        assertEquals("SN 0000056661", vm.devices().get(0).identityText());
        assertEquals("Philips 866062 \u00b7 SN DE351A4061 \u00b7 sw L.01.18", vm.devices().get(1).identityText());

        feed.identity("ox", org.vigil.domain.DeviceIdentity.serialOnly("0000071234"));
        vm.onFrame(1);
        assertEquals("SN 0000071234", vm.devices().get(0).identityText(), "a swapped probe shows at once");
        assertEquals("", new DeviceRow("x", "X", "/dev/x", ConnectionState.CONNECTED).identityText());
        assertEquals("N-595 \u00b7 sw 1.61.00", new DeviceRow("x", "X", "/dev/x", ConnectionState.CONNECTED, "",
                new org.vigil.domain.DeviceIdentity("", "N-595", "", "1.61.00", "")).identityText());
        assertEquals("EUI-64 5C313EFFFE020E12", new DeviceRow("x", "X", "/dev/x", ConnectionState.CONNECTED, "",
                new org.vigil.domain.DeviceIdentity("", "", "", "", "5C313EFFFE020E12")).identityText());
    }

    @Test
    void everyDeviceStateIsToldInPlainWordsWithWhatToCheck() {
        feed.disconnected("ox", "/dev/ttyUSB0 not found: check the adapter's cable and the port name in the configuration");
        feed.state("mon", ConnectionState.NO_DATA);
        vm.onFrame(0);
        assertEquals("/dev/ttyUSB0 not found: check the adapter's cable and the port name in the configuration",
                vm.devices().get(0).detailText());
        assertEquals("nothing received on /dev/ttyUSB1: check that the device is on and its cable is in",
                vm.devices().get(1).detailText());

        feed.state("ox", ConnectionState.CONNECTING);
        feed.state("mon", ConnectionState.CONNECTED);
        vm.onFrame(1);
        assertEquals("/dev/ttyUSB0: port open, waiting for the first message", vm.devices().get(0).detailText());
        assertEquals("/dev/ttyUSB1", vm.devices().get(1).detailText());
    }

    @Test
    void headerShowsChairSessionTimeAndClock() {
        feed.at(3 * 60 + 7);
        vm.onFrame(0);
        assertEquals("Chair 1", vm.chairLabelProperty().get());
        assertEquals("3:07", vm.sessionTimeProperty().get());
        assertEquals("09:03:07", vm.clockProperty().get());
        assertTrue(vm.simulatedProperty().get());
    }

    @Test
    void respirationTileAppearsOnlyWhenRespirationIsMeasured() {
        vm.onFrame(0);
        assertFalse(vm.rr().shownProperty().get());
        feed.push(1, Vital.RR, 14).at(1);
        vm.onFrame(SECOND);
        assertTrue(vm.rr().shownProperty().get());
        assertEquals("14", vm.rr().valueProperty().get());
    }

    @Test
    void technicalAlarmNamesTheDeviceInTheBanner() {
        feed.alarms(new ActiveAlarm("ox.no_data", Priority.MEDIUM, AlarmKind.TECHNICAL, "ox", null, null,
                "SpO2 device: no data", Instant.EPOCH, true, false, false, true));
        vm.onFrame(0);
        assertEquals("MEDIUM  \u00B7  Masimo oximeter (technical)", vm.alarmArea().bannerDetailProperty().get());
        assertNull(vm.spo2().alarmProperty().get(), "a technical alarm does not flash a numeric");
    }

    @Test
    void newSessionClearsTheTrendsAndReloadsHistory() {
        feed.push(10, Vital.HR, 70).push(11, Vital.HR, 71).at(12);
        vm.onFrame(0);
        assertEquals(2, vm.trends().series(Vital.HR).size());
        long v = vm.trendVersionProperty().get();
        feed.sessionStart = START.plusSeconds(3600);
        feed.addHistory(FakeChairFeed.reading(3601, Vital.HR, 80));
        feed.at(3602);
        vm.onFrame(SECOND);
        assertEquals(1, vm.trends().series(Vital.HR).size());
        assertEquals(1, vm.trends().series(Vital.HR).time(0));
        assertTrue(vm.trendVersionProperty().get() > v);
        assertEquals("0:02", vm.sessionTimeProperty().get());
    }

    @Test
    void unknownSessionStartKeepsTheTrendsAcrossFrames() {
        feed.sessionStart = null;
        feed.at(10).push(10, Vital.HR, 70);
        vm.onFrame(0);
        feed.at(11).push(11, Vital.HR, 71);
        vm.onFrame(SECOND);
        feed.at(12);
        vm.onFrame(2 * SECOND);
        assertEquals(2, vm.trends().series(Vital.HR).size());
        assertEquals("0:02", vm.sessionTimeProperty().get());
    }

    @Test
    void aDeviceWithoutTheMeasurementDoesNotMaskOneWithIt() {
        feed.push(5, Vital.SPO2, 98);
        feed.pushReading(new Reading(START.plusMillis(5_001), "mon", Vital.SPO2, Double.NaN, Set.of(ReadingFlag.INVALID)));
        feed.at(5.5);
        vm.onFrame(0);
        assertEquals("98", vm.spo2().valueProperty().get());
        assertFalse(vm.spo2().dimmedProperty().get());

        feed.push(6, Vital.SPO2, Double.NaN, ReadingFlag.INVALID, ReadingFlag.SENSOR_OFF).at(6.5);
        vm.onFrame(SECOND);
        assertEquals("---", vm.spo2().valueProperty().get());
        assertEquals("SENSOR OFF", vm.spo2().flagProperty().get());
    }
}
