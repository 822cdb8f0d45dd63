package org.vigil.device.protocol.ges5;

/**
 * Numbers of the Datex-Ohmeda Record Interface (DRI) as the S/5 Computer Interface uses them
 * (GE document M1017617 "S/5 Computer Interface Specification", 12th edition; structures are
 * packed, little-endian).
 */
final class Dri {

    /** Frame delimiter, before and after every record. */
    static final int FLAG = 0x7E;
    /** Escape: {@code 7E} is sent as {@code 7D 5E}, {@code 7D} as {@code 7D 5D}. */
    static final int ESC = 0x7D;
    static final int ESCAPED_FLAG = 0x5E;
    static final int ESCAPED_ESC = 0x5D;

    /** {@code datex_hdr}: r_len i16, r_nbr u8, dri_level u8, plug_id u16, r_time u32, n_subnet u8, reserved2 u8, reserved3 u16, r_maintype i16, sr_desc[8]. */
    static final int HEADER = 40;
    static final int R_LEN = 0;
    static final int R_NBR = 2;
    static final int DRI_LEVEL = 3;
    static final int R_TIME = 6;
    static final int R_MAINTYPE = 14;
    /** {@code sr_desc[8]}: {sr_offset i16 (from the end of the header), sr_type u8}. */
    static final int SR_DESC = 16;
    static final int SR_DESC_SIZE = 3;
    static final int SR_DESC_COUNT = 8;
    /** {@code DRI_EOL_SUBR_LIST}: the sr_type that ends the subrecord list. */
    static final int EOL_SUBR_LIST = 0xFF;

    /** Largest record: the header and 1450 bytes of subrecords ({@code datex_record}). */
    static final int MAX_RECORD = HEADER + 1450;

    /** {@code r_maintype} of physiological data (and of its request). */
    static final int MT_PHDB = 0;

    /** {@code sr_type} of a PHDB request subrecord, sent by the station. */
    static final int SR_PHDB_REQUEST = 0;
    /** {@code phdb_rcrd_type} / {@code sr_type}: displayed values. */
    static final int PH_DISPL = 1;
    /** {@code dri_phdb_req}: phdb_rcrd_type u8, tx_ival i16 (s), phdb_class_bf u32, reserved i16. */
    static final int PHDB_REQUEST_SIZE = 9;

    /** {@code dri_phdb}: time u32, 270-byte class union, marker u8, reserved u8, cl_drilvl_subt u16. */
    static final int PHDB_SIZE = 278;
    static final int PHDB_TIME = 0;
    static final int PHDB_DATA = 4;
    static final int PHDB_CL_DRILVL_SUBT = 276;
    /** Class of a subrecord: bits 8-11 of cl_drilvl_subt; 0 is the basic class. */
    static final int CLASS_BASIC = 0;

    /** Offsets in the basic class of the groups read (each starts with status u32, label u16). */
    static final int ECG_GROUP = 0;
    static final int NIBP_GROUP = 72;
    static final int SPO2_GROUP = 118;
    static final int CO2_GROUP = 132;
    /** First value of a group, after its status and label. */
    static final int GROUP_VALUES = 6;

    /** Values at or below this are special values (no measurement); the smallest valid value is -32000. */
    static final int SPECIAL_LIMIT = -32001;

    private Dri() {
    }
}
