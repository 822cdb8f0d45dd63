package org.vigil.device.protocol.hl7;

/** Synthetic PCD-01 messages written for these tests (segments ended by CR). */
final class Hl7Samples {

    private Hl7Samples() {
    }

    /** An ORU^R01 v2.6 for {@code bed} with the given OBX lines (each without its CR). */
    static String oru(String controlId, String bed, String... obx) {
        StringBuilder sb = new StringBuilder();
        sb.append("MSH|^~\\&|TEST_MON|0123456789ABCDEF|||20260101120000+0100||ORU^R01^ORU_R01|").append(controlId)
                .append("|P|2.6\r");
        sb.append("PID|||P1\r");
        sb.append("PV1||I|ICU^^").append(bed).append("\r");
        sb.append("OBR|1|||182777000^monitoring of patient^SNOMED-CT|||20260101120000+0100\r");
        for (String o : obx) {
            sb.append(o).append('\r');
        }
        return sb.toString();
    }

    /** A typical one-second message: HR 72, SpO2 97, PR 71, NIBP 120/80 (93). */
    static String typical(String controlId, String bed) {
        return oru(controlId, bed,
                "OBX|1|NM|147842^MDC_ECG_HEART_RATE^MDC|1.5.1.1|72|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||F|||20260101120000+0100",
                "OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.3.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||F|||20260101120000+0100",
                "OBX|3|NM|149530^MDC_PULS_OXIM_PULS_RATE^MDC|1.3.1.2|71|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||F|||20260101120000+0100",
                "OBX|4|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.1.9.1|120|266016^MDC_DIM_MMHG^MDC|||||F||APERIODIC|20260101115800+0100",
                "OBX|5|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.1.9.2|80|266016^MDC_DIM_MMHG^MDC|||||F||APERIODIC|20260101115800+0100",
                "OBX|6|NM|150023^MDC_PRESS_BLD_NONINV_MEAN^MDC|1.1.9.3|93|266016^MDC_DIM_MMHG^MDC|||||F||APERIODIC|20260101115800+0100");
    }
}
