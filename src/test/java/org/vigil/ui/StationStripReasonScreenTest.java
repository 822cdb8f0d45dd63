package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.alarm.ActiveAlarm;
import org.vigil.alarm.AlarmKind;
import org.vigil.alarm.AlarmSnapshot;
import org.vigil.alarm.Priority;
import org.vigil.chair.StationFeed;

/**
 * A station started on a database it cannot use, on a machine without sound: both station alarms
 * are on the strip, each on its line, and the reason recording is unavailable is shown in full in
 * the station window (it was cut to "Statio..." after the audio alarm).
 */
@ExtendWith(ApplicationExtension.class)
class StationStripReasonScreenTest {

    static final String RECORDING = "Station: recording unavailable (/home/nurse/.local/share/vigil/vigil.db is not a "
            + "Vigil session database (not an SQLite file); choose another file or move this one away)";

    private final StationFeed station = new StationFeed() {
        @Override
        public AlarmSnapshot alarms() {
            return new AlarmSnapshot(FakeChairFeed.START, List.of(
                    new ActiveAlarm("station.audio_unavailable", Priority.MEDIUM, AlarmKind.TECHNICAL, "station", null, null,
                            "Station: alarm audio unavailable (no sound output device)", FakeChairFeed.START, true, false,
                            false, true),
                    new ActiveAlarm("station.recording_failed", Priority.MEDIUM, AlarmKind.TECHNICAL, "station", null, null,
                            RECORDING, FakeChairFeed.START, true, false, false, true)), null, java.util.Set.of());
        }

        @Override
        public void acknowledge(org.vigil.domain.Actor user) {
        }
    };

    @Start
    void start(Stage stage) {
        stage.setScene(StationWindow.createScene(List.of(new FakeChairFeed()), station, () -> org.vigil.testsupport.TestActors.nurse("carol"),
                org.vigil.chair.StationAdmin.DISABLED, java.time.InstantSource.system()));
        stage.show();
    }

    @Test
    void theReasonRecordingIsUnavailableIsReadInFullBesideTheAudioAlarm(FxRobot robot) throws Exception {
        Label text = fx(() -> robot.lookup("#stationStripText").queryAs(Label.class));
        String full = "MED  Station: alarm audio unavailable (no sound output device)\nMED  " + RECORDING;
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> full.equals(text.getText())));
        WaitForAsyncUtils.waitForFxEvents();
        // what is drawn, after any ellipsis the label applies
        assertEquals(full.replace("\n", ""), fx(() -> drawn(text)).replace("\n", ""));
    }

    private static String drawn(Label label) {
        StringBuilder b = new StringBuilder();
        for (javafx.scene.Node n : label.lookupAll(".text")) {
            if (n instanceof Text t) {
                b.append(t.getText());
            }
        }
        return b.toString();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }
}
