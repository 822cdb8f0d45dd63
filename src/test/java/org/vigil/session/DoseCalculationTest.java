package org.vigil.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order's arithmetic and the clinic's ranges (clinical.md defaults), table-driven. */
class DoseCalculationTest {

    private static final SessionRules RULES = SessionRules.DEFAULTS;

    @ParameterizedTest(name = "{0} kg × {1} mg/kg at {2} mg/mL over {3} min → {4} mg, {5} mL, {6} mL/h")
    @CsvSource({
        // weight, dose, concentration, duration → total mg, volume mL, rate mL/h
        "82,   0.5,  10,  40,  41,    4.1,  6.15",
        "70,   0.5,  10,  40,  35,    3.5,  5.25",
        "100,  0.75, 10,  40,  75,    7.5,  11.25",
        "60,   0.5,  1,   40,  30,    30,   45",
        "55.5, 0.4,  10,  100, 22.2,  2.22, 1.33",
        "30,   0.1,  10,  10,  3,     0.3,  1.8",
        "250,  0.75, 50,  40,  187.5, 3.75, 5.63",
    })
    void calculatesTotalVolumeAndPumpRate(double weight, double dose, double conc, double minutes, double mg, double ml,
            double rate) {
        DoseCalculation d = DoseCalculation.of(new InfusionOrder(weight, dose, conc, minutes, "Dr Rivera"), RULES);
        assertTrue(d.acceptable(), () -> d.refusals().toString());
        assertEquals(mg, d.totalMg(), 1e-9);
        assertEquals(ml, d.volumeMl(), 1e-9);
        assertEquals(rate, d.rateMlPerH(), 1e-9);
        assertFalse(d.aboveUsual());
    }

    @Test
    void theArithmeticIsShownTheWayANurseChecksIt() {
        DoseCalculation d = DoseCalculation.of(new InfusionOrder(82, 0.5, 10, 40, "Dr Rivera"), RULES);
        assertEquals("0.5 mg/kg × 82 kg = 41 mg;  41 mg ÷ 10 mg/mL = 4.1 mL;  4.1 mL over 40 min = 6.15 mL/h",
                d.arithmetic());
        assertEquals("41", d.detail().get("total_mg"));
        assertEquals("4.1", d.detail().get("volume_ml"));
        assertEquals("6.15", d.detail().get("rate_ml_h"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "weight below     | 29.9 | 0.5  | 10  | 40  | weight 29.9 kg outside 30-250 kg",
        "weight above     | 251  | 0.5  | 10  | 40  | weight 251 kg outside 30-250 kg",
        "dose below       | 82   | 0.05 | 10  | 40  | dose 0.05 mg/kg outside 0.1-1 mg/kg",
        "dose above       | 82   | 1.5  | 10  | 40  | dose 1.5 mg/kg outside 0.1-1 mg/kg",
        "concentration 0  | 82   | 0.5  | 0   | 40  | concentration 0 mg/mL outside 0.5-100 mg/mL",
        "concentration up | 82   | 0.5  | 200 | 40  | concentration 200 mg/mL outside 0.5-100 mg/mL",
        "duration short   | 82   | 0.5  | 10  | 5   | duration 5 min outside 10-120 min",
        "duration long    | 82   | 0.5  | 10  | 180 | duration 180 min outside 10-120 min",
        // 250 kg × 1 mg/kg at 0.5 mg/mL = 500 mL over 10 min = 3000 mL/h
        "rate too fast    | 250  | 1    | 0.5 | 10  | pump rate 3000 mL/h outside 0.1-999 mL/h",
        // 30 kg × 0.1 mg/kg at 100 mg/mL = 0.03 mL over 120 min = 0.02 mL/h
        "rate too slow    | 30   | 0.1  | 100 | 120 | pump rate 0.02 mL/h outside 0.1-999 mL/h",
    })
    void anOrderOutsideTheClinicsRangesIsRefusedWithTheReason(String what, double weight, double dose, double conc,
            double minutes, String reason) {
        DoseCalculation d = DoseCalculation.of(new InfusionOrder(weight, dose, conc, minutes, "Dr Rivera"), RULES);
        assertFalse(d.acceptable(), what);
        assertEquals(List.of(reason), d.refusals(), what);
    }

    @Test
    void everyReasonIsGivenAtOnce() {
        DoseCalculation d = DoseCalculation.of(new InfusionOrder(300, 2, 10, 40, ""), RULES);
        assertEquals(List.of("weight 300 kg outside 30-250 kg", "dose 2 mg/kg outside 0.1-1 mg/kg", "no prescriber named"),
                d.refusals());
    }

    @Test
    void aMissingFigureIsRefusedNotCalculated() {
        DoseCalculation d = DoseCalculation.of(new InfusionOrder(Double.NaN, 0.5, 10, 40, "Dr Rivera"), RULES);
        assertEquals(List.of("weight missing"), d.refusals());
    }

    @ParameterizedTest(name = "{0} mg/kg above usual: {1}")
    @CsvSource({"0.75, false", "0.76, true", "1.0, true", "0.1, false"})
    void aDoseAboveTheUsualRangeIsFlagged(double dose, boolean above) {
        DoseCalculation d = DoseCalculation.of(new InfusionOrder(82, dose, 10, 40, "Dr Rivera"), RULES);
        assertTrue(d.acceptable());
        assertEquals(above, d.aboveUsual());
    }

    @Test
    void theClinicsOwnRangesApply() {
        SessionRules strict = new SessionRules(new SessionRules.Range(40, 150), new SessionRules.Range(0.2, 0.8), 0.6,
                RULES.concentrationMgPerMl(), RULES.durationMin(), RULES.rateMlPerH(), 140, 90, RULES.cuffEveryInfusion(),
                RULES.cuffEveryRecovery(), RULES.scoreEvery(), 9, 0.2, 92, RULES.postDoseCheckpoint());
        DoseCalculation d = DoseCalculation.of(new InfusionOrder(160, 0.7, 10, 40, "Dr Rivera"), strict);
        assertEquals(List.of("weight 160 kg outside 40-150 kg"), d.refusals());
        assertTrue(DoseCalculation.of(new InfusionOrder(82, 0.7, 10, 40, "Dr Rivera"), strict).aboveUsual());
    }
}
