package org.vigil.ui;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.vigil.session.Patient;

/**
 * The check-in form (binds to a {@link CheckInModel}): a patient search with suggestions loaded
 * off the FX thread (ControlsFX auto-completion), a new-patient form, and the order with its
 * arithmetic and every refusal reason as the nurse types; fields out of range are decorated
 * (ControlsFX validation).
 */
final class CheckInForm extends VBox {

    CheckInForm(CheckInModel m) {
        super(8);
        setId("checkInForm");

        TextField search = SessionPane.field("patientSearch", "find a patient: MRN or name", 24);
        search.textProperty().bindBidirectional(m.searchProperty());
        var binding = TextFields.bindAutoCompletion(search, request -> m.searchNow(request.getUserText()),
                new StringConverter<Patient>() {
                    @Override
                    public String toString(Patient p) {
                        return p == null ? "" : p.name() + " \u00B7 MRN " + p.mrn()
                                + (p.birthDate() == null ? "" : " \u00B7 " + p.birthDate());
                    }

                    @Override
                    public Patient fromString(String s) {
                        return null;
                    }
                });
        binding.setOnAutoCompleted(e -> m.choose(e.getCompletion()));
        binding.setVisibleRowCount(8);

        ToggleButton newPatient = new ToggleButton("New patient\u2026");
        newPatient.setId("newPatientButton");
        Label chosen = new Label();
        chosen.setId("chosenPatient");
        chosen.getStyleClass().add("chosen-patient");
        chosen.setWrapText(true);
        chosen.textProperty().bind(m.chosenTextProperty());

        ValidationSupport validation = new ValidationSupport();
        GridPane newForm = new GridPane();
        newForm.setId("newPatientForm");
        newForm.setHgap(8);
        newForm.setVgap(6);
        TextField mrn = row(newForm, 0, "MRN", "newMrn", m.mrnProperty(), "e.g. 100234");
        TextField name = row(newForm, 1, "Name", "newName", m.nameProperty(), "Family, Given");
        row(newForm, 2, "Date of birth", "newBirthDate", m.birthDateProperty(), "YYYY-MM-DD");
        TextField kg = row(newForm, 3, "Weight (kg)", "newWeight", m.newWeightProperty(), "kg");
        row(newForm, 4, "Allergies", "newAllergies", m.newAllergiesProperty(), "none known / drug and reaction");
        Button create = SessionPane.button("createPatientButton", "Create patient", () -> m.createPatient().thenAccept(p -> {
            if (p != null) {
                newPatient.setSelected(false);
            }
        }));
        newForm.add(create, 1, 5);
        validation.registerValidator(mrn, false, (Control c, String v) -> ValidationResult.fromErrorIf(c, "MRN required",
                v == null || v.isBlank()));
        validation.registerValidator(name, false, (Control c, String v) -> ValidationResult.fromErrorIf(c, "name required",
                v == null || v.isBlank()));
        validation.registerValidator(kg, false, (Control c, String v) -> {
            String p = v == null || v.isBlank() ? null : m.problem(CheckInModel.Field.WEIGHT, v);
            return ValidationResult.fromMessageIf(c, "weight " + p, Severity.ERROR, p != null);
        });
        SessionPane.shownWhen(newForm, newPatient.selectedProperty());
        Label patientMessage = SessionPane.message(m.patientMessageProperty(), m.patientErrorProperty(), "patientMessage");

        GridPane order = new GridPane();
        order.setId("orderForm");
        order.setHgap(8);
        order.setVgap(6);
        decorate(validation, m, CheckInModel.Field.WEIGHT, row(order, 0, "Weight today (kg)", "orderWeight", m.weightProperty(), "kg"));
        decorate(validation, m, CheckInModel.Field.DOSE, row(order, 1, "Dose (mg/kg)", "orderDose", m.doseProperty(), "e.g. 0.5"));
        decorate(validation, m, CheckInModel.Field.CONCENTRATION,
                row(order, 2, "Concentration (mg/mL)", "orderConcentration", m.concentrationProperty(), "e.g. 10"));
        decorate(validation, m, CheckInModel.Field.DURATION,
                row(order, 3, "Duration (min)", "orderDuration", m.durationProperty(), "e.g. 40"));
        decorate(validation, m, CheckInModel.Field.PRESCRIBER,
                row(order, 4, "Prescriber", "orderPrescriber", m.prescriberProperty(), "who ordered it"));

        Label arithmetic = SessionPane.text(m.arithmeticProperty(), "doseArithmetic");
        arithmetic.getStyleClass().add("dose-arithmetic");
        Label refusals = SessionPane.text(m.refusalsProperty(), "orderRefusals");
        refusals.getStyleClass().add("session-blocker");
        CheckBox confirm = new CheckBox();
        confirm.setId("confirmAboveUsual");
        confirm.setWrapText(true);
        confirm.textProperty().bind(m.aboveUsualTextProperty());
        confirm.selectedProperty().bindBidirectional(m.confirmAboveUsualProperty());
        SessionPane.shownWhen(confirm, m.aboveUsualProperty());
        Button checkIn = SessionPane.button("checkInButton", "Check in", () -> m.checkIn());
        checkIn.getStyleClass().add("primary-button");
        checkIn.disableProperty().bind(m.canCheckInProperty().not().or(m.chosenProperty().isNull()));
        Label message = SessionPane.message(m.messageProperty(), m.errorProperty(), "checkInMessage");

        getChildren().addAll(SessionPane.section("Patient", SessionPane.flow(search, newPatient), chosen, newForm, patientMessage),
                SessionPane.section("Order", order, arithmetic, refusals, confirm, checkIn, message));
    }

    private static TextField row(GridPane grid, int row, String label, String id, StringProperty p, String prompt) {
        Label l = new Label(label);
        l.getStyleClass().add("panel-text");
        TextField f = SessionPane.field(id, prompt, 14);
        f.textProperty().bindBidirectional(p);
        grid.add(l, 0, row);
        grid.add(f, 1, row);
        return f;
    }

    private static void decorate(ValidationSupport v, CheckInModel m, CheckInModel.Field field, TextField f) {
        v.registerValidator(f, false, (Control c, String text) -> {
            String p = m.problem(field, text);
            return ValidationResult.fromMessageIf(c, p == null ? "" : p, Severity.ERROR, p != null);
        });
    }
}
