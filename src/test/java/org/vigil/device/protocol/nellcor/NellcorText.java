package org.vigil.device.protocol.nellcor;

import java.nio.charset.StandardCharsets;

/**
 * An N-595 real-time printout built from the format's documented examples (no capture of a real
 * monitor exists).
 */
final class NellcorText {

    static final String HEADER_1 = "N-595 VERSION 1.61.00 CRC:XXXX SpO2 Limit: 92-100% PR Limit: 90-180BPM";
    static final String HEADER_2 = "  ADULT 0SAT-S SPO2 RESP MODE: NORMAL";
    static final String HEADER_3 = "TIME                 %SPO2   BPM     PA      Status";

    /** The header block, then data lines including the spec's example line; CR LF endings. */
    static final String PRINTOUT = String.join("\r\n",
            HEADER_1,
            HEADER_2,
            "",
            HEADER_3,
            "07-Jan-04 11:24:50    98      72      60",
            "07-Jan-04 11:24:52    97      74      58    MO",
            "07-Jan-04 11:24:54   100     101     104    MO             AO",
            "07-Jan-04 11:24:56    89*     76      55    SL",
            "07-Jan-04 11:24:58   ---     ---     ---    SO",
            "07-Jan-04 11:25:00   ---     ---     ---    SD",
            "07-Jan-04 11:25:02    95     181*     80    PH             AS",
            "07-Jan-04 11:25:04    96      80      70    PS",
            HEADER_1,
            HEADER_2,
            HEADER_3,
            "07-Jan-04 11:25:06    96      80      70    LB") + "\r\n";

    /** Data lines of the printout, each a frame. */
    static final int PRINTOUT_FRAMES = 9;
    /** Header lines naming the monitor, each an identity frame. */
    static final int PRINTOUT_HEADERS = 2;

    private NellcorText() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
