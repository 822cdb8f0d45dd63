package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

/**
 * The data export messages the station sends (layouts in {@link MessageParser}): the answer to
 * the MDS create event and the poll requests.
 */
public final class Requests {

    private Requests() {
    }

    /** EventReportResult answering the confirmed event report {@code invokeId} (the MDS create event). */
    public static byte[] eventReportResult(int invokeId, int eventType, long currentTime) {
        byte[] result = new Bytes().u16(NOM_MOC_VMS_MDS).u16(0).u16(0).u32(currentTime).u16(eventType).u16(0).toArray();
        return dataExport(RORS, invokeId, CMD_CONFIRMED_EVENT_REPORT, result);
    }

    /**
     * A poll request for {@code objectType} objects and attribute group {@code group}: extended
     * ({@link Nomenclature#NOM_ACT_POLL_MDIB_DATA_EXT}, empty extension list: one reply) or single.
     */
    public static byte[] poll(int invokeId, int pollNumber, boolean extended, int objectType, int group) {
        Bytes req = new Bytes().u16(pollNumber).u16(NOM_PART_OBJ).u16(objectType).u16(group);
        if (extended) {
            req.u16(0).u16(0);
        }
        byte[] request = req.toArray();
        byte[] argument = new Bytes().u16(NOM_MOC_VMS_MDS).u16(0).u16(0).u32(0)
                .u16(extended ? NOM_ACT_POLL_MDIB_DATA_EXT : NOM_ACT_POLL_MDIB_DATA).counted(request).toArray();
        return dataExport(ROIV, invokeId, CMD_CONFIRMED_ACTION, argument);
    }

    /** SPpdu, ROapdus and a ROIV/RORS apdu around {@code body}. */
    static byte[] dataExport(int roType, int invokeId, int command, byte[] body) {
        byte[] apdu = new Bytes().u16(invokeId).u16(command).counted(body).toArray();
        return new Bytes().u16(SESSION_ID).u16(PRESENTATION_CONTEXT).u16(roType).counted(apdu).toArray();
    }
}
