package org.vigil.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.session.Patient;
import org.vigil.session.SessionRules;

/** The check-in form: searching off the FX thread, creating a patient, the live arithmetic and every refusal. */
class CheckInModelTest {

    private final FakeChairFeed feed = new FakeChairFeed();
    private final FakeClinic clinic = new FakeClinic(feed);
    private final FakePatients patients = new FakePatients()
            .add(new Patient(0, "100234", "Doe, Jane", LocalDate.of(1980, 5, 2), 82.0, "penicillin"))
            .add(new Patient(0, "100777", "Roe, Richard", null, null, ""));
    /** Work handed to the background and to the FX thread, run when the test says. */
    private final List<Runnable> background = new ArrayList<>();
    private final List<Runnable> fx = new ArrayList<>();
    private final CheckInModel m = new CheckInModel(feed, patients, SessionRules.DEFAULTS, () -> org.vigil.testsupport.TestActors.nurse("Ana"), background::add,
            fx::add);

    private void runQueued() {
        while (!background.isEmpty() || !fx.isEmpty()) {
            List<Runnable> b = new ArrayList<>(background);
            background.clear();
            b.forEach(Runnable::run);
            List<Runnable> f = new ArrayList<>(fx);
            fx.clear();
            f.forEach(Runnable::run);
        }
    }

    private void order(String weight, String dose, String conc, String min, String prescriber) {
        m.weightProperty().set(weight);
        m.doseProperty().set(dose);
        m.concentrationProperty().set(conc);
        m.durationProperty().set(min);
        m.prescriberProperty().set(prescriber);
    }

    @Test
    void aSearchRunsOnTheBackgroundAndItsResultsArriveOnTheFxSide() {
        m.search("doe");
        assertEquals(0, patients.searches.get(), "nothing searched on the calling (FX) thread");
        assertTrue(m.results().isEmpty());
        background.remove(0).run();
        assertEquals(1, patients.searches.get());
        assertTrue(m.results().isEmpty(), "results are applied on the FX side");
        fx.remove(0).run();
        assertEquals("Doe, Jane", m.results().get(0).name());
    }

    @Test
    void anOlderSearchAnsweringLateDoesNotReplaceTheNewerOnesResults() {
        m.search("doe");
        m.search("roe");
        Runnable older = background.remove(0);
        background.remove(0).run();
        fx.remove(0).run();
        older.run();
        fx.remove(0).run();
        assertEquals(List.of("Roe, Richard"), m.results().stream().map(Patient::name).toList());
    }

    @Test
    void choosingAPatientPrefillsTheWeightAndTheArithmeticFollowsTheTyping() {
        m.choose(patients.patients.get(0));
        assertEquals("82", m.weightProperty().get());
        assertEquals("Doe, Jane  \u00B7  MRN 100234  \u00B7  born 1980-05-02  \u00B7  82 kg  \u00B7  allergies: penicillin",
                m.chosenTextProperty().get());
        order("82", "0.5", "10", "40", "Dr Grey");
        assertEquals("0.5 mg/kg \u00D7 82 kg = 41 mg;  41 mg \u00F7 10 mg/mL = 4.1 mL;  4.1 mL over 40 min = 6.15 mL/h",
                m.arithmeticProperty().get());
        assertEquals("", m.refusalsProperty().get());
        assertTrue(m.canCheckInProperty().get());
        m.doseProperty().set("0.6");
        assertTrue(m.arithmeticProperty().get().startsWith("0.6 mg/kg \u00D7 82 kg = 49.2 mg"));
    }

    @Test
    void everyRefusalReasonIsListedAndTheFieldsAreNamed() {
        order("20", "1.5", "", "40", "");
        assertEquals("weight 20 kg outside 30-250 kg\ndose 1.5 mg/kg outside 0.1-1 mg/kg\nconcentration missing\n"
                + "no prescriber named", m.refusalsProperty().get());
        assertFalse(m.canCheckInProperty().get());
        assertEquals("outside 30-250 kg", m.problem(CheckInModel.Field.WEIGHT, "20"));
        assertEquals("a number in mg/mL", m.problem(CheckInModel.Field.CONCENTRATION, "ten"));
        assertEquals("name the prescriber", m.problem(CheckInModel.Field.PRESCRIBER, " "));
        assertNull(m.problem(CheckInModel.Field.DOSE, "0.5"));
    }

    @Test
    void aDoseAboveTheUsualRangeNeedsTheConfirmationWhichTheCheckInCarries() {
        m.choose(patients.patients.get(0));
        order("82", "0.9", "10", "40", "Dr Grey");
        assertTrue(m.aboveUsualProperty().get());
        assertEquals("Dose 0.9 mg/kg is above the usual 0.75 mg/kg: I confirm this dose", m.aboveUsualTextProperty().get());
        assertFalse(m.canCheckInProperty().get());
        m.checkIn();
        runQueued();
        assertEquals("Refused: dose 0.9 mg/kg is above the usual 0.75 mg/kg: confirm it to go on", m.messageProperty().get());
        assertTrue(m.errorProperty().get());

        m.confirmAboveUsualProperty().set(true);
        assertTrue(m.canCheckInProperty().get());
        m.checkIn();
        runQueued();
        assertEquals("Checked in", m.messageProperty().get());
        assertTrue(clinic.recorded.stream().anyMatch(e -> e.type().key().equals("dose_confirmed")));
        assertNull(m.chosenProperty().get(), "the form is cleared for the next patient");
    }

    @Test
    void checkingInWithoutAPatientIsRefusedWithTheReason() {
        order("82", "0.5", "10", "40", "Dr Grey");
        m.checkIn();
        assertEquals("Refused: choose or create the patient first", m.messageProperty().get());
        assertTrue(clinic.commands.isEmpty());
    }

    @Test
    void aNewPatientIsCheckedThenCreatedOffTheFxThreadAndChosen() {
        m.mrnProperty().set("");
        m.nameProperty().set("Poe, Ed");
        m.birthDateProperty().set("1990-13-01");
        m.newWeightProperty().set("400");
        m.createPatient();
        assertEquals("Refused: MRN missing; date of birth '1990-13-01' is not YYYY-MM-DD; weight 400 kg outside 30-250 kg",
                m.patientMessageProperty().get());

        m.mrnProperty().set("100234");
        m.birthDateProperty().set("1990-01-13");
        m.newWeightProperty().set("70");
        m.createPatient();
        runQueued();
        assertEquals("Refused: MRN 100234 is taken", m.patientMessageProperty().get());

        m.mrnProperty().set("100999");
        m.createPatient();
        assertNull(m.chosenProperty().get());
        runQueued();
        assertEquals("Poe, Ed", m.chosenProperty().get().name());
        assertEquals("70", m.weightProperty().get());
        assertEquals(3, patients.patients.size());
    }
}
