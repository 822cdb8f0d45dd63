package org.vigil.device.protocol.ivy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterLineTest {

    @Test
    void splitsValuesAndLabelAsTheCaptureSendsThem() {
        assertEquals(Optional.of(new ParameterLine("HR", List.of("80"), "ECG-II-DIAG")), ParameterLine.parse("HR=1;80;ECG-II-DIAG;"));
        assertEquals(Optional.of(new ParameterLine("SPO2", List.of("100"), "PR=80 ")), ParameterLine.parse("SPO2=1;100;PR=80 ;"));
        assertEquals(Optional.of(new ParameterLine("NIBP", List.of("121", "75", "92", "80"), "")),
                ParameterLine.parse("NIBP=4;121;75;92;80;;"));
        assertEquals(Optional.of(new ParameterLine("P2", List.of("", "", ""), "NO TRANSDUCER")),
                ParameterLine.parse("P2=3;;;;NO TRANSDUCER;"));
        assertEquals(Optional.of(new ParameterLine("T1", List.of(""), "")), ParameterLine.parse("T1=1;;;"));
    }

    @Test
    void missingFieldsAreEmptyAndExtraFieldsStayInTheLabel() {
        assertEquals(Optional.of(new ParameterLine("NIBP", List.of("121", "", "", ""), "")), ParameterLine.parse("NIBP=4;121"));
        assertEquals(Optional.of(new ParameterLine("HR", List.of("80"), "A;B")), ParameterLine.parse("HR=1;80;A;B;"));
    }

    @Test
    void rejectsLinesWithoutTheNameCountForm() {
        for (String line : new String[] {"", "HR", "HR=", "HR=1", "HR=a;", "=1;2;;", "1HR=1;2;;", "HR=33;", "H R=1;;;"}) {
            assertTrue(ParameterLine.parse(line).isEmpty(), line);
        }
    }
}
