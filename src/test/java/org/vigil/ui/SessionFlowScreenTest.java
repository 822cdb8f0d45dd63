package org.vigil.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.vigil.chair.StationAdmin;
import org.vigil.chair.StationFeed;
import org.vigil.session.Patient;
import org.vigil.session.SessionRules;

/**
 * A nurse's session on one chair, by clicks: check-in (patient found by searching, the order's
 * arithmetic), baseline, the start gate and the prescriber's confirmation, the infusion, events
 * and scores (one entered late, one corrected), the overdue cuff reminder, stop, readiness,
 * discharge; the chair is then free while monitoring goes on.
 */
@ExtendWith(ApplicationExtension.class)
class SessionFlowScreenTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private final FakeClinic clinic = new FakeClinic(feed);
    private final FakePatients patients = new FakePatients()
            .add(new Patient(0, "100234", "Doe, Jane", LocalDate.of(1980, 5, 2), 82.0, "penicillin"));
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    /** Who is logged in: the nurse, and the prescriber for the start gate. */
    private volatile org.vigil.domain.Actor acting = org.vigil.testsupport.TestActors.nurse("Ana");

    @Start
    void start(Stage stage) {
        stage.setScene(StationWindow.createScene(List.of(feed), StationFeed.NONE, () -> acting, StationAdmin.DISABLED,
                java.time.InstantSource.system(), new SessionContext(patients, SessionRules.DEFAULTS, background)));
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, SECONDS);
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return fx(() -> ((Labeled) robot.lookup(query).query()).getText());
    }

    private static void waitText(FxRobot robot, String query, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(5, SECONDS, () -> expected.equals(text(robot, query)));
        } catch (java.util.concurrent.TimeoutException e) {
            assertEquals(expected, text(robot, query), query);
        }
    }

    private static void waitContains(FxRobot robot, String query, String part) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(5, SECONDS, () -> text(robot, query).contains(part));
        } catch (java.util.concurrent.TimeoutException e) {
            assertEquals(part, text(robot, query), query);
        }
    }

    private static boolean shown(FxRobot robot, String query) throws Exception {
        return fx(() -> robot.lookup(query).tryQuery().map(n -> {
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return true;
        }).orElse(false));
    }

    /** Scrolls the session panel so {@code query} is in view. */
    private static Node reveal(FxRobot robot, String query) throws Exception {
        Node n = robot.lookup(query).query();
        fx(() -> {
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane sp) {
                    Node content = sp.getContent();
                    Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                    double room = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    if (room > 0) {
                        sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 20) / room)));
                    }
                    sp.layout();
                    break;
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return n;
    }

    /** Clicks with the mouse (slow under the headless robot: kept for the steps that matter most). */
    private static void click(FxRobot robot, String query) throws Exception {
        robot.clickOn(reveal(robot, query));
    }

    /** Presses a button as a click would (it must be shown and enabled). */
    private static void press(FxRobot robot, String query) throws Exception {
        Node n = reveal(robot, query);
        assertTrue(shown(robot, query), query + " is shown");
        fx(() -> {
            javafx.scene.control.ButtonBase b = (javafx.scene.control.ButtonBase) n;
            assertFalse(b.isDisabled(), query + " is enabled");
            b.fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Fills a field as typing would (its bindings and validation follow); the robot's typing is kept for the search. */
    private static void type(FxRobot robot, String query, String text) throws Exception {
        TextField f = (TextField) reveal(robot, query);
        fx(() -> {
            f.requestFocus();
            f.setText(text);
            return null;
        });
    }

    @Test
    void checkInToDischargeOnOneChair(FxRobot robot) throws Exception {
        // a free chair says so; check in opens the form
        waitText(robot, "#stripFree", "Free \u2014 check in the next patient");
        robot.clickOn("#sessionButton");
        assertTrue(shown(robot, "#checkInForm"));

        // the patient is found by searching (the directory is asked off the FX thread)
        robot.clickOn("#patientSearch").write("Doe");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(() -> robot.lookup(".auto-complete-popup .list-cell").queryAll()
                .stream().anyMatch(c -> ((Labeled) c).getText() != null && ((Labeled) c).getText().startsWith("Doe, Jane"))));
        Node suggestion = fx(() -> robot.lookup(".auto-complete-popup .list-cell").queryAll().stream()
                .filter(c -> ((Labeled) c).getText() != null && ((Labeled) c).getText().startsWith("Doe, Jane")).findFirst()
                .orElseThrow());
        robot.clickOn(suggestion);
        waitContains(robot, "#chosenPatient", "Doe, Jane  \u00B7  MRN 100234");
        assertFalse(patients.searchThreads.isEmpty());
        assertFalse(patients.searchThreads.stream().anyMatch(t -> t.contains("JavaFX Application Thread")),
                "never searched on the FX thread: " + patients.searchThreads);
        assertEquals("82", fx(() -> ((TextField) robot.lookup("#orderWeight").query()).getText()), "weight prefilled");

        // the order: every refusal while incomplete, then the arithmetic
        type(robot, "#orderDose", "1.5");
        waitContains(robot, "#orderRefusals", "dose 1.5 mg/kg outside 0.1-1 mg/kg");
        assertTrue(text(robot, "#orderRefusals").contains("concentration missing"));
        assertTrue(fx(() -> robot.lookup("#checkInButton").query().isDisabled()));
        type(robot, "#orderDose", "0.5");
        type(robot, "#orderConcentration", "10");
        type(robot, "#orderPrescriber", "Dr Grey");
        waitText(robot, "#doseArithmetic",
                "0.5 mg/kg \u00D7 82 kg = 41 mg;  41 mg \u00F7 10 mg/mL = 4.1 mL;  4.1 mL over 40 min = 6.15 mL/h");
        click(robot, "#checkInButton");
        waitText(robot, "#stripPatient", "Doe, Jane  \u00B7  MRN 100234");
        assertEquals("Allergies: penicillin", text(robot, "#stripAllergies"));
        waitContains(robot, "#stripPhase", "Baseline");

        // baseline from two cuffs above the gate: start is blocked until the prescriber confirms
        clinic.cuff(60, 152, 96);
        clinic.cuff(120, 148, 94);
        feed.at(130);
        press(robot, "#captureBaselineButton");
        waitText(robot, "#sessionBaseline", "Baseline NIBP 150/95");
        waitContains(robot, "#startBlockers", "a prescriber must confirm");
        assertTrue(fx(() -> robot.lookup("#startInfusionButton").query().isDisabled()));
        assertTrue(shown(robot, "#startGateBox"));
        type(robot, "#confirmNote", "rechecked 146/92, proceed");
        acting = org.vigil.testsupport.TestActors.prescriber("Dr Grey"); // the prescriber logs in to confirm
        press(robot, "#confirmStartButton");
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> !fx(() -> robot.lookup("#startInfusionButton").query().isDisabled()));
        acting = org.vigil.testsupport.TestActors.nurse("Ana");
        click(robot, "#startInfusionButton");
        waitContains(robot, "#stripPhase", "Infusion");
        assertTrue(shown(robot, "#infusionBox"));

        // events: one now, one entered late; scores; the overdue cuff reading becomes a reminder
        feed.at(600);
        type(robot, "#eventDetail", "ondansetron 4 mg IV");
        press(robot, "#event-antiemetic");
        waitText(robot, "#message-events", "Antiemetic recorded");
        String late = SessionTexts.clock(FakeChairFeed.START.plusSeconds(300), ZoneId.systemDefault());
        type(robot, "#happenedAt", late);
        press(robot, "#event-nausea");
        waitText(robot, "#message-events", "Nausea recorded at " + late);
        press(robot, "#event-other");
        waitText(robot, "#message-events", "Refused: describe the event");
        type(robot, "#scoreSedation", "4");
        type(robot, "#scoreDissociation", "2");
        press(robot, "#recordScoresButton");
        waitText(robot, "#message-scores", "Scores recorded");
        waitContains(robot, "#stripNextCuff", "BP overdue");
        Labeled reminder = (Labeled) robot.lookup("#reminderBar").query();
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> fx(reminder::isVisible));
        assertTrue(fx(reminder::getText).contains("take a cuff reading"));

        ListView<?> events = (ListView<?>) robot.lookup("#sessionEvents").query();
        SessionPanelModel.EventRow nausea = fx(() -> events.getItems().stream().map(r -> (SessionPanelModel.EventRow) r)
                .filter(r -> r.text().equals("Nausea")).findFirst().orElseThrow());
        assertEquals(late, nausea.time());
        assertEquals("written " + SessionTexts.clock(FakeChairFeed.START.plusSeconds(600), ZoneId.systemDefault()),
                nausea.written());

        // the score is corrected: the original stays, the correction beside it
        reveal(robot, "#sessionEvents");
        fx(() -> {
            events.getSelectionModel().select(0);
            return null;
        });
        press(robot, "#correctButton");
        type(robot, "#correct-dissociation", "1");
        type(robot, "#correctReason", "misread the scale");
        press(robot, "#saveCorrectionButton");
        waitText(robot, "#message-correction", "Correction recorded");
        SessionPanelModel.EventRow score = fx(() -> (SessionPanelModel.EventRow) events.getItems().get(0));
        assertEquals("Scores: MOAA/S 4, dissociation 2", score.text());
        assertTrue(score.corrections().get(0).startsWith("corrected to dissociation 1 (misread the scale) by Ana"));

        clinic.cuff(640, 150, 92);
        WaitForAsyncUtils.waitFor(5, SECONDS, () -> !fx(reminder::isVisible));

        // stop; readiness names what is missing; then ready, escort, signed discharge
        feed.at(130 + 40 * 60);
        press(robot, "#stopInfusionButton");
        waitContains(robot, "#readiness", "Not ready for discharge: no aldrete score; no BP since the infusion stopped");
        feed.at(130 + 60 * 60);
        clinic.cuff(130 + 60 * 60, 128, 84);
        clinic.vitals(97.0, 72.0);
        type(robot, "#scoreAldrete", "9");
        press(robot, "#recordScoresButton");
        waitText(robot, "#readiness", "Ready for discharge: Aldrete, BP and SpO2 criteria met");
        press(robot, "#dischargeButton");
        waitText(robot, "#message-discharge", "Refused: escort not confirmed");
        click(robot, "#escortSwitch");
        assertTrue(fx(() -> ((org.controlsfx.control.ToggleSwitch) robot.lookup("#escortSwitch").query()).isSelected()),
                "the escort switch is on");
        acting = org.vigil.testsupport.TestActors.nurse("Ana Lima");
        click(robot, "#dischargeButton");
        waitText(robot, "#message-discharge", "Discharged, signed by Ana Lima");
        waitContains(robot, "#stripFree", "Free \u2014 check in the next patient  (JD discharged at");
        assertTrue(clinic.recorded.stream().anyMatch(e -> e.type().key().equals("discharged") && "Ana Lima".equals(e.user())));
        assertTrue(clinic.recorded.stream().anyMatch(e -> e.type().key().equals("start_confirmed")
                && "Dr Grey".equals(e.get("by"))));
        assertTrue(shown(robot, "#checkInForm"), "the chair is free for the next patient");
        assertTrue(shown(robot, "#hrTile"), "monitoring goes on");
    }
}
