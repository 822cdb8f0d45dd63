package org.vigil.ui;

import org.vigil.domain.Actor;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vigil.chair.ChairFeed;
import org.vigil.session.ActionResult;
import org.vigil.session.DoseCalculation;
import org.vigil.session.InfusionOrder;
import org.vigil.session.Patient;
import org.vigil.session.PatientDirectory;
import org.vigil.session.SessionRules;

/**
 * The check-in form of a free chair: find a patient (searched off the FX thread on
 * {@code background}) or create one, then the order, whose arithmetic and every refusal reason
 * are recomputed as the nurse types ({@link DoseCalculation}). A dose above the usual range needs
 * the explicit confirmation box; the check-in sends it as {@code confirmAboveUsual}.
 */
final class CheckInModel {

    /** The order fields, for validation decorations. */
    enum Field { WEIGHT, DOSE, CONCENTRATION, DURATION, PRESCRIBER }

    static final int MAX_RESULTS = 20;

    private final ChairFeed feed;
    private final PatientDirectory directory;
    private final SessionRules rules;
    private final Supplier<Actor> user;
    private final Executor background;
    private final Executor fx;
    private final AtomicLong searchGeneration = new AtomicLong();

    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<Patient> results = FXCollections.observableArrayList();
    private final ObjectProperty<Patient> chosen = new SimpleObjectProperty<>();
    private final StringProperty chosenText = new SimpleStringProperty("No patient chosen");

    private final StringProperty mrn = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final StringProperty newWeight = new SimpleStringProperty("");
    private final StringProperty newAllergies = new SimpleStringProperty("");
    private final StringProperty patientMessage = new SimpleStringProperty("");
    private final BooleanProperty patientError = new SimpleBooleanProperty();

    private final StringProperty weight = new SimpleStringProperty("");
    private final StringProperty dose = new SimpleStringProperty("");
    private final StringProperty concentration = new SimpleStringProperty("");
    private final StringProperty duration = new SimpleStringProperty("40");
    private final StringProperty prescriber = new SimpleStringProperty("");
    private final StringProperty arithmetic = new SimpleStringProperty("");
    private final StringProperty refusals = new SimpleStringProperty("");
    private final BooleanProperty aboveUsual = new SimpleBooleanProperty();
    private final BooleanProperty confirmAboveUsual = new SimpleBooleanProperty();
    private final StringProperty aboveUsualText = new SimpleStringProperty("");
    private final BooleanProperty canCheckIn = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty();

    CheckInModel(ChairFeed feed, PatientDirectory directory, SessionRules rules, Supplier<Actor> user, Executor background,
            Executor fx) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.user = Objects.requireNonNull(user, "user");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        for (StringProperty p : List.of(weight, dose, concentration, duration, prescriber)) {
            p.addListener((o, a, b) -> recalculate());
        }
        confirmAboveUsual.addListener((o, a, b) -> recalculate());
        chosen.addListener((o, a, p) -> {
            chosenText.set(p == null ? "No patient chosen" : describe(p));
            if (p != null && p.weightKg() != null) {
                weight.set(DoseCalculation.number(p.weightKg()));
            }
        });
        recalculate();
    }

    static String describe(Patient p) {
        return p.name() + "  \u00B7  MRN " + p.mrn() + (p.birthDate() == null ? "" : "  \u00B7  born " + p.birthDate())
                + (p.weightKg() == null ? "" : "  \u00B7  " + DoseCalculation.number(p.weightKg()) + " kg")
                + (p.allergies().isEmpty() ? "" : "  \u00B7  allergies: " + p.allergies());
    }

    /** Searches the directory for {@code text} off the FX thread; the latest search's results win. */
    void search(String text) {
        long gen = searchGeneration.incrementAndGet();
        String q = text == null ? "" : text.trim();
        if (q.isEmpty()) {
            results.clear();
            return;
        }
        background.execute(() -> {
            List<Patient> found;
            try {
                found = directory.search(q, MAX_RESULTS);
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    patientMessage.set("The patient list cannot be searched: " + e.getMessage());
                    patientError.set(true);
                });
                return;
            }
            fx.execute(() -> {
                if (gen == searchGeneration.get()) {
                    results.setAll(found);
                }
            });
        });
    }

    /** Blocking search for the auto-completion popup (called off the FX thread by it). */
    List<Patient> searchNow(String text) {
        String q = text == null ? "" : text.trim();
        return q.isEmpty() ? List.of() : directory.search(q, MAX_RESULTS);
    }

    void choose(Patient p) {
        chosen.set(p);
        patientMessage.set("");
        patientError.set(false);
    }

    /** Creates the patient typed in the new-patient form (off the FX thread), then chooses it. */
    CompletableFuture<Patient> createPatient() {
        CompletableFuture<Patient> out = new CompletableFuture<>();
        List<String> why = new ArrayList<>();
        LocalDate born = null;
        if (mrn.get().isBlank()) {
            why.add("MRN missing");
        }
        if (name.get().isBlank()) {
            why.add("name missing");
        }
        if (!birthDate.get().isBlank()) {
            try {
                born = LocalDate.parse(birthDate.get().trim());
                if (born.isAfter(LocalDate.now())) {
                    why.add("date of birth in the future");
                }
            } catch (DateTimeParseException e) {
                why.add("date of birth '" + birthDate.get().trim() + "' is not YYYY-MM-DD");
            }
        }
        Double kg = null;
        if (!newWeight.get().isBlank()) {
            double w = number(newWeight.get());
            if (!rules.weightKg().contains(w)) {
                why.add("weight " + newWeight.get().trim() + " kg outside " + DoseCalculation.number(rules.weightKg().min())
                        + "-" + DoseCalculation.number(rules.weightKg().max()) + " kg");
            } else {
                kg = w;
            }
        }
        if (!why.isEmpty()) {
            patientMessage.set("Refused: " + String.join("; ", why));
            patientError.set(true);
            out.complete(null);
            return out;
        }
        Patient p = new Patient(0, mrn.get(), name.get(), born, kg, newAllergies.get());
        background.execute(() -> {
            try {
                Patient stored = directory.create(p);
                fx.execute(() -> {
                    choose(stored);
                    patientMessage.set("Patient " + stored.name() + " created");
                    out.complete(stored);
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    patientMessage.set("Refused: " + e.getMessage());
                    patientError.set(true);
                    out.complete(null);
                });
            }
        });
        return out;
    }

    /** The order as typed (a field that is no number is NaN: the calculation names it missing). */
    InfusionOrder order() {
        return new InfusionOrder(number(weight.get()), number(dose.get()), number(concentration.get()), number(duration.get()),
                prescriber.get());
    }

    private static double number(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void recalculate() {
        DoseCalculation d = DoseCalculation.of(order(), rules);
        boolean complete = !Double.isNaN(d.totalMg()) && !Double.isNaN(d.rateMlPerH());
        arithmetic.set(complete ? d.arithmetic() : "Type weight, dose, concentration and duration to see the arithmetic");
        refusals.set(d.refusals().isEmpty() ? "" : String.join("\n", d.refusals()));
        aboveUsual.set(d.acceptable() && d.aboveUsual());
        aboveUsualText.set(aboveUsual.get() ? "Dose " + DoseCalculation.number(d.order().doseMgPerKg())
                + " mg/kg is above the usual " + DoseCalculation.number(d.usualMax()) + " mg/kg: I confirm this dose" : "");
        canCheckIn.set(d.acceptable() && (!d.aboveUsual() || confirmAboveUsual.get()));
    }

    /** The problem with one order field as typed, or null (for the field's validation decoration). */
    String problem(Field f, String text) {
        if (f == Field.PRESCRIBER) {
            return text == null || text.isBlank() ? "name the prescriber" : null;
        }
        double v = number(text);
        SessionRules.Range r = switch (f) {
            case WEIGHT -> rules.weightKg();
            case DOSE -> rules.doseMgPerKg();
            case CONCENTRATION -> rules.concentrationMgPerMl();
            case DURATION -> rules.durationMin();
            default -> throw new IllegalStateException();
        };
        String unit = switch (f) {
            case WEIGHT -> "kg";
            case DOSE -> "mg/kg";
            case CONCENTRATION -> "mg/mL";
            default -> "min";
        };
        if (Double.isNaN(v)) {
            return "a number in " + unit;
        }
        return r.contains(v) ? null : "outside " + DoseCalculation.number(r.min()) + "-" + DoseCalculation.number(r.max())
                + " " + unit;
    }

    /** Checks the chosen patient in with the order; the result shows under the button. */
    CompletableFuture<ActionResult> checkIn() {
        CompletableFuture<ActionResult> out = new CompletableFuture<>();
        Patient p = chosen.get();
        if (p == null) {
            show(ActionResult.refused("choose or create the patient first"));
            out.complete(ActionResult.refused("no patient"));
            return out;
        }
        feed.clinical().checkIn(p, order(), confirmAboveUsual.get(), user.get()).whenComplete((r, ex) -> fx.execute(() -> {
            ActionResult result = ex != null ? ActionResult.refused("the station could not do it: " + ex.getMessage()) : r;
            show(result);
            if (result.done()) {
                reset();
            }
            out.complete(result);
        }));
        return out;
    }

    private void show(ActionResult r) {
        message.set(r.done() ? "Checked in" : "Refused: " + r.reasonText());
        error.set(!r.done());
    }

    /** Clears the form for the next patient. */
    void reset() {
        chosen.set(null);
        search.set("");
        results.clear();
        for (StringProperty s : List.of(mrn, name, birthDate, newWeight, newAllergies, weight, dose, concentration,
                prescriber, patientMessage)) {
            s.set("");
        }
        duration.set("40");
        confirmAboveUsual.set(false);
    }

    StringProperty searchProperty() {
        return search;
    }

    ObservableList<Patient> results() {
        return results;
    }

    ObjectProperty<Patient> chosenProperty() {
        return chosen;
    }

    StringProperty chosenTextProperty() {
        return chosenText;
    }

    StringProperty mrnProperty() {
        return mrn;
    }

    StringProperty nameProperty() {
        return name;
    }

    StringProperty birthDateProperty() {
        return birthDate;
    }

    StringProperty newWeightProperty() {
        return newWeight;
    }

    StringProperty newAllergiesProperty() {
        return newAllergies;
    }

    StringProperty patientMessageProperty() {
        return patientMessage;
    }

    BooleanProperty patientErrorProperty() {
        return patientError;
    }

    StringProperty weightProperty() {
        return weight;
    }

    StringProperty doseProperty() {
        return dose;
    }

    StringProperty concentrationProperty() {
        return concentration;
    }

    StringProperty durationProperty() {
        return duration;
    }

    StringProperty prescriberProperty() {
        return prescriber;
    }

    StringProperty arithmeticProperty() {
        return arithmetic;
    }

    /** Every refusal reason of the order as typed, one a line; empty when acceptable. */
    StringProperty refusalsProperty() {
        return refusals;
    }

    BooleanProperty aboveUsualProperty() {
        return aboveUsual;
    }

    StringProperty aboveUsualTextProperty() {
        return aboveUsualText;
    }

    BooleanProperty confirmAboveUsualProperty() {
        return confirmAboveUsual;
    }

    BooleanProperty canCheckInProperty() {
        return canCheckIn;
    }

    StringProperty messageProperty() {
        return message;
    }

    BooleanProperty errorProperty() {
        return error;
    }
}
