package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

/**
 * The association-control messages (session and presentation layers; fixed ASN.1 parts as given
 * in the Data Export Programming Guide), with the MDSE user information that carries the poll
 * profile:
 *
 * <pre>
 * | SPDU type u8 | LI | session data | C1 | LI | presentation header (fixed) | ASN.1 length | MDSEUserInfoStd | trailer |
 *
 * MDSEUserInfoStd:  | protocol_version u32 | nomenclature_version u32 | functional_units u32 | system_type u32 |
 *                   | startup_mode u32 | option_list AttributeList | supported_aprofiles AttributeList |
 * supported_aprofiles: { NOM_POLL_PROFILE_SUPPORT: | revision u32 | min_poll_period RelativeTime | max_mtu_rx u32 |
 *                   | max_mtu_tx u32 | max_bw_tx u32 | options u32 | optional_packages AttributeList | }
 * optional_packages: { NOM_ATTR_POLL_PROFILE_EXT: | options u32 | ext_attr AttributeList | }
 * LI: one byte below 255, else 0xFF and a u16.
 * </pre>
 */
public final class Association {

    /** RS-232 maximum transfer unit, both ways. */
    public static final int RS232_MTU = 1000;

    private static final byte[] SESSION_DATA = {
        0x05, 0x08, 0x13, 0x01, 0x00, 0x16, 0x01, 0x02, (byte) 0x80, 0x00, 0x14, 0x02, 0x00, 0x02};

    private static final byte[] REQUEST_PRESENTATION = hex(
            "31 80 A0 80 80 01 01 00 00 A2 80 A0 03 00 00 01 A4 80 30 80 02 01 01 06 04 52 01 00 01 30 80 06 02 51 01"
            + " 00 00 00 00 30 80 02 01 02 06 0C 2A 86 48 CE 14 02 01 00 00 00 01 01 30 80 06 0C 2A 86 48 CE 14 02 01"
            + " 00 00 00 02 01 00 00 00 00 00 00 61 80 30 80 02 01 01 A0 80 60 80 A1 80 06 0C 2A 86 48 CE 14 02 01 00"
            + " 00 00 03 01 00 00 BE 80 28 80 06 0C 2A 86 48 CE 14 02 01 00 00 00 01 01 02 01 02 81");

    private static final byte[] RESPONSE_PRESENTATION = hex(
            "31 80 A0 80 80 01 01 00 00 A2 80 A0 03 00 00 01 A5 80 30 80 80 01 00 81 02 51 01 00 00 30 80 80 01 00 81"
            + " 0C 2A 86 48 CE 14 02 01 00 00 00 02 01 00 00 00 00 61 80 30 80 02 01 01 A0 80 61 80 A1 80 06 0C 2A 86"
            + " 48 CE 14 02 01 00 00 00 03 01 00 00 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 80 28 80 02 01 02 81");

    private static final byte[] RELEASE_REQUEST = hex(
            "09 18 C1 16 61 80 30 80 02 01 01 A0 80 62 80 80 01 00 00 00 00 00 00 00 00 00");
    private static final byte[] RELEASE_RESPONSE = hex(
            "0A 18 C1 16 61 80 30 80 02 01 01 A0 80 63 80 80 01 00 00 00 00 00 00 00 00 00");
    private static final byte[] ABORT = hex(
            "19 2E 11 01 03 C1 29 A0 80 A0 80 30 80 02 01 01 06 02 51 01 00 00 00 00 61 80 30 80 02 01 01 A0 80 64"
            + " 80 80 01 01 00 00 00 00 00 00 00 00 00 00");
    private static final byte[] REFUSE = hex("0C 03 32 01 00");

    static final long PROTOCOL_VERSION_1 = 0x80000000L;
    static final long NOMENCLATURE_VERSION = 0x40000000L;
    static final long SYSTEM_CLIENT = 0x80000000L;
    static final long SYSTEM_SERVER = 0x00800000L;
    static final long COLD_START = 0x20000000L;
    static final long POLL_PROFILE_REV_0 = 0x80000000L;
    static final long P_OPT_DYN_CREATE_DELETE = 0x60000000L;
    /** Extended poll options: 1 s numerics period, real-time sample arrays allowed. */
    static final long POLL_EXT_OPTIONS = 0x88000000L;

    private Association() {
    }

    /** The station's association request, announcing {@code minPollPeriodTicks} (125 µs ticks). */
    public static byte[] request(long minPollPeriodTicks) {
        return message(CN_SPDU, REQUEST_PRESENTATION, userInfo(SYSTEM_CLIENT, minPollPeriodTicks));
    }

    /** The monitor's association response (accept). */
    public static byte[] response(long minPollPeriodTicks) {
        return message(AC_SPDU, RESPONSE_PRESENTATION, userInfo(SYSTEM_SERVER, minPollPeriodTicks));
    }

    public static byte[] releaseRequest() {
        return RELEASE_REQUEST.clone();
    }

    public static byte[] releaseResponse() {
        return RELEASE_RESPONSE.clone();
    }

    public static byte[] abort() {
        return ABORT.clone();
    }

    public static byte[] refuse() {
        return REFUSE.clone();
    }

    private static byte[] message(int spdu, byte[] presentation, byte[] userInfo) {
        byte[] asnLength = userInfo.length < 0x80 ? new byte[] {(byte) userInfo.length}
                : userInfo.length < 0x100 ? new byte[] {(byte) 0x81, (byte) userInfo.length}
                : new byte[] {(byte) 0x82, (byte) (userInfo.length >>> 8), (byte) userInfo.length};
        int trailer = 16;
        int presentationLength = presentation.length + asnLength.length + userInfo.length + trailer;
        Bytes pres = new Bytes().u8(0xC1).li(presentationLength).bytes(presentation).bytes(asnLength).bytes(userInfo)
                .bytes(new byte[trailer]);
        byte[] rest = new Bytes().bytes(SESSION_DATA).bytes(pres.toArray()).toArray();
        return new Bytes().u8(spdu).li(rest.length).bytes(rest).toArray();
    }

    private static byte[] userInfo(long systemType, long minPollPeriodTicks) {
        byte[] ext = new Bytes().u32(POLL_EXT_OPTIONS).u16(0).u16(0).toArray();
        byte[] optional = new Bytes().u16(1).u16(4 + ext.length).u16(NOM_ATTR_POLL_PROFILE_EXT).counted(ext).toArray();
        byte[] profile = new Bytes().u32(POLL_PROFILE_REV_0).u32(minPollPeriodTicks).u32(RS232_MTU).u32(RS232_MTU)
                .u32(0xFFFFFFFFL).u32(P_OPT_DYN_CREATE_DELETE).bytes(optional).toArray();
        byte[] profiles = new Bytes().u16(1).u16(4 + profile.length).u16(NOM_POLL_PROFILE_SUPPORT).counted(profile)
                .toArray();
        return new Bytes().u32(PROTOCOL_VERSION_1).u32(NOMENCLATURE_VERSION).u32(0).u32(systemType).u32(COLD_START)
                .u16(0).u16(0).bytes(profiles).toArray();
    }

    private static byte[] hex(String text) {
        String[] parts = text.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }
}
