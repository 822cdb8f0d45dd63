package org.vigil.device.protocol.intellivue;

/**
 * The identifiers of the IntelliVue Data Export protocol used here (Philips "Data Export
 * Interface Programming Guide", attribute and object identifiers; the numeric physio ids are the
 * SCADA partition codes of ISO/IEEE 11073-10101).
 */
public final class Nomenclature {

    private Nomenclature() {
    }

    // session layer: first byte of an association-control message
    public static final int CN_SPDU = 0x0D;
    public static final int AC_SPDU = 0x0E;
    public static final int RF_SPDU = 0x0C;
    public static final int FN_SPDU = 0x09;
    public static final int DN_SPDU = 0x0A;
    public static final int AB_SPDU = 0x19;

    /** SPpdu session id of every data export message. */
    public static final int SESSION_ID = 0xE100;
    /** The presentation context id the association sets up. */
    public static final int PRESENTATION_CONTEXT = 2;

    // remote operation types (ROapdus.ro_type)
    public static final int ROIV = 1;
    public static final int RORS = 2;
    public static final int ROER = 3;
    public static final int ROLRS = 5;

    // linked result states
    public static final int RORLS_FIRST = 1;
    public static final int RORLS_NOT_FIRST_NOT_LAST = 2;
    public static final int RORLS_LAST = 3;

    // command types
    public static final int CMD_EVENT_REPORT = 0;
    public static final int CMD_CONFIRMED_EVENT_REPORT = 1;
    public static final int CMD_GET = 3;
    public static final int CMD_CONFIRMED_ACTION = 7;

    // objects, events, actions
    public static final int NOM_MOC_VMS_MDS = 0x0021;
    public static final int NOM_MOC_VMO_METRIC_NU = 0x0006;
    public static final int NOM_MOC_VMO_METRIC_SA_RT = 0x0009;
    public static final int NOM_MOC_VMO_AL_MON = 0x0036;
    public static final int NOM_PART_OBJ = 1;
    public static final int NOM_NOTI_MDS_CREAT = 0x0D06;
    public static final int NOM_NOTI_MDS_CONNECT_INDIC = 0x0D17;
    public static final int NOM_ACT_POLL_MDIB_DATA = 0x0C16;
    public static final int NOM_ACT_POLL_MDIB_DATA_EXT = 0xF13B;

    // attribute groups (the guide's list of attribute groups, NOM_ATTR_GRP_*: AL_MON 0x0801,
    // METRIC_VAL_OBS 0x0803, PT_DEMOG 0x0807, SYS_APPL 0x080A, SYS_ID 0x080B, SYS_PROD 0x080C,
    // VMO_DYN 0x0810, VMO_STATIC 0x0811; the same values in VSCaptureMP and mdpnp/OpenICE)
    /** Alert Monitor group: the alarm lists of the alert monitor object (not polled here). */
    public static final int NOM_ATTR_GRP_AL_MON = 0x0801;
    /**
     * VMO Static Context group (handle, type, metric and sample-array specifications, sample
     * period): a small, constant reply, what the keep-alive asks of the alert monitor.
     */
    public static final int NOM_ATTR_GRP_VMO_STATIC = 0x0811;
    /** Metric Observed Value group: the observed values of numerics and sample arrays. */
    public static final int NOM_ATTR_GRP_METRIC_VAL_OBS = 0x0803;

    // attributes
    public static final int NOM_ATTR_NU_VAL_OBS = 0x0950;
    public static final int NOM_ATTR_NU_CMPD_VAL_OBS = 0x094B;
    public static final int NOM_ATTR_TIME_STAMP_ABS = 0x0990;
    public static final int NOM_ATTR_TIME_STAMP_REL = 0x0991;
    public static final int NOM_ATTR_TIME_ABS = 0x0987;
    public static final int NOM_ATTR_TIME_REL = 0x098F;
    public static final int NOM_ATTR_ID_MODEL = 0x0928;
    public static final int NOM_ATTR_ID_PROD_SPECN = 0x092D;
    /** System-Id: the monitor's EUI-64 (a VariableLabel of 8 bytes). */
    public static final int NOM_ATTR_SYS_ID = 0x0984;
    public static final int NOM_ATTR_TIME_PD_POLL = 0xF13E;
    public static final int NOM_POLL_PROFILE_SUPPORT = 0x0001;
    public static final int NOM_ATTR_POLL_PROFILE_EXT = 0xF001;

    // real-time sample arrays (waves), and the set command that chooses which waves are exported
    public static final int CMD_CONFIRMED_SET = 5;
    /** Poll every attribute group of the polled objects (the static ones, e.g. Sa-Specification, included). */
    public static final int NOM_ATTR_GRP_ALL = 0;
    public static final int NOM_ATTR_SA_VAL_OBS = 0x096E;
    public static final int NOM_ATTR_SA_CMPD_VAL_OBS = 0x0967;
    public static final int NOM_ATTR_SA_SPECN = 0x096D;
    public static final int NOM_ATTR_SCALE_SPECN_I16 = 0x096F;
    public static final int NOM_ATTR_SA_FIXED_VAL_SPECN = 0x0A16;
    public static final int NOM_ATTR_TIME_PD_SAMP = 0x098D;
    public static final int NOM_ATTR_POLL_RTSA_PRIO_LIST = 0xF23A;
    /** Physio id of the pleth wave (NOM_PULS_OXIM_PLETH, SCADA partition). */
    public static final int NOM_PULS_OXIM_PLETH = 0x4BB4;
    /** Text id (label) of the pleth wave in a priority list (NLS_NOM_PULS_OXIM_PLETH). */
    public static final long NLS_NOM_PULS_OXIM_PLETH = 0x00024BB4L;
    /** Modify operator of a set: replace the attribute's value. */
    public static final int MOD_REPLACE = 0;
    // Sa-Specification flags
    public static final int SA_SMOOTH_CURVE = 0x8000;
    public static final int SA_DELAYED_CURVE = 0x4000;
    public static final int SA_STATIC_SCALE = 0x2000;
    public static final int SA_EXT_VAL_RANGE = 0x1000;
    // Sa-Fixed-Val-Spec entry ids
    public static final int SA_FIX_INVALID_MASK = 1;
    public static final int SA_FIX_PACER_MASK = 2;
    public static final int SA_FIX_DEFIB_MARKER_MASK = 3;
    public static final int SA_FIX_SATURATION = 4;
    public static final int SA_FIX_QRS_MASK = 5;

    // production specification entry types
    public static final int PROD_SPEC_SERIAL = 1;
    public static final int PROD_SPEC_SW_REVISION = 4;

    // measurement state bits
    public static final int MS_INVALID = 0x8000;
    public static final int MS_QUESTIONABLE = 0x4000;
    public static final int MS_UNAVAILABLE = 0x2000;
    public static final int MS_CALIBRATION_ONGOING = 0x1000;
    public static final int MS_TEST_DATA = 0x0800;
    public static final int MS_DEMO_DATA = 0x0400;
    public static final int MS_VALIDATED = 0x0080;
    public static final int MS_EARLY_INDICATION = 0x0040;
    public static final int MS_MSMT_ONGOING = 0x0020;
    public static final int MS_IN_ALARM = 0x0002;
    public static final int MS_ALARM_INHIBITED = 0x0001;

    // units (NOM_DIM_…)
    public static final int DIM_PERCENT = 0x0220;
    public static final int DIM_BEAT_PER_MIN = 0x0AA0;
    public static final int DIM_RESP_PER_MIN = 0x0AE0;
    public static final int DIM_MMHG = 0x0F20;
    public static final int DIM_KILO_PA = 0x0F03;
    public static final int DIM_DIMLESS = 0x0200;

    /** RelativeTime ticks per second (one tick = 125 µs). */
    public static final int TICKS_PER_SECOND = 8000;
}
