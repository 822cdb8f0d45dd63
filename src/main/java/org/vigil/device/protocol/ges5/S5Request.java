package org.vigil.device.protocol.ges5;

import java.io.ByteArrayOutputStream;

/**
 * The request that makes an S/5 monitor send its displayed values every {@code interval}
 * seconds (0 stops the transmission), framed as the monitor expects it:
 *
 * <pre>
 * 7E | datex_hdr: r_len 49 | r_nbr 0 | dri_level | plug_id 0 | r_time 0 | 0 | 0 | 0 | r_maintype 0 (PHDB)
 *    |            sr_desc[0] = {0, 0 (PHDB request)}, sr_desc[1].sr_type = FF, the rest 0
 *    | dri_phdb_req: phdb_rcrd_type 1 (displayed values) | tx_ival i16 | phdb_class_bf u32 0 (basic) | reserved 0
 *    | checksum | 7E                                    (escaped like every frame)
 * </pre>
 */
final class S5Request {

    /** DRI levels requested, newest first (2015, 2009, 2005, 2003, 2001): a monitor answers the one it speaks. */
    static final int[] DRI_LEVELS = {0x0B, 0x0A, 0x09, 0x08, 0x07};

    private S5Request() {
    }

    /** The request record at one DRI level, unframed. */
    static byte[] record(int driLevel, int intervalSeconds) {
        byte[] r = new byte[Dri.HEADER + Dri.PHDB_REQUEST_SIZE];
        r[Dri.R_LEN] = (byte) r.length;
        r[Dri.DRI_LEVEL] = (byte) driLevel;
        r[Dri.SR_DESC + 2] = (byte) Dri.SR_PHDB_REQUEST;
        r[Dri.SR_DESC + Dri.SR_DESC_SIZE + 2] = (byte) Dri.EOL_SUBR_LIST;
        r[Dri.HEADER] = (byte) Dri.PH_DISPL;
        r[Dri.HEADER + 1] = (byte) intervalSeconds;
        r[Dri.HEADER + 2] = (byte) (intervalSeconds >> 8);
        return r;
    }

    /** One framed request per level of {@link #DRI_LEVELS}, back to back. */
    static byte[] framed(int intervalSeconds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int level : DRI_LEVELS) {
            out.writeBytes(frame(record(level, intervalSeconds)));
        }
        return out.toByteArray();
    }

    /** {@code 7E escaped(record + checksum) 7E}. */
    static byte[] frame(byte[] record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(record.length + 8);
        out.write(Dri.FLAG);
        int sum = 0;
        for (byte b : record) {
            sum += b & 0xFF;
            escape(out, b & 0xFF);
        }
        escape(out, sum & 0xFF);
        out.write(Dri.FLAG);
        return out.toByteArray();
    }

    private static void escape(ByteArrayOutputStream out, int b) {
        if (b == Dri.FLAG) {
            out.write(Dri.ESC);
            out.write(Dri.ESCAPED_FLAG);
        } else if (b == Dri.ESC) {
            out.write(Dri.ESC);
            out.write(Dri.ESCAPED_ESC);
        } else {
            out.write(b);
        }
    }
}
