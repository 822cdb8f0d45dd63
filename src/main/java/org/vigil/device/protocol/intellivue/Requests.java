package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

/**
 * The data export messages the station sends (layouts in {@link MessageParser}): the answer to
 * the MDS create event, the poll requests and the set of the RTSA priority list.
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

    /**
     * A periodic extended poll: the monitor answers with a result (same poll number, a sequence
     * number counting up) each time the polled objects have new data, for {@code periodTicks}
     * (125 µs ticks) from now. Attribute group {@link Nomenclature#NOM_ATTR_GRP_ALL}: every
     * attribute, so the sample arrays' static attributes come with their samples.
     *
     * <pre>
     * PollMdibDataReqExt: | poll_number | NOM_PART_OBJ | obj_code | attr_group |
     *                     | 1 | 8 | NOM_ATTR_TIME_PD_POLL 0xF13E | 4 | period RelativeTime u32 |
     * </pre>
     */
    public static byte[] periodicPoll(int invokeId, int pollNumber, int objectType, int group, long periodTicks) {
        byte[] request = new Bytes().u16(pollNumber).u16(NOM_PART_OBJ).u16(objectType).u16(group)
                .u16(1).u16(8).u16(NOM_ATTR_TIME_PD_POLL).u16(4).u32(periodTicks).toArray();
        byte[] argument = new Bytes().u16(NOM_MOC_VMS_MDS).u16(0).u16(0).u32(0).u16(NOM_ACT_POLL_MDIB_DATA_EXT)
                .counted(request).toArray();
        return dataExport(ROIV, invokeId, CMD_CONFIRMED_ACTION, argument);
    }

    /**
     * A confirmed set of the MDS's RTSA priority list: the waves (text ids, e.g.
     * {@link Nomenclature#NLS_NOM_PULS_OXIM_PLETH}) the monitor is to export from now on.
     *
     * <pre>
     * SetArgument: | NOM_MOC_VMS_MDS | 0 | 0 | scope 0 u32 | ModificationList:
     *              | 1 | length | MOD_REPLACE | NOM_ATTR_POLL_RTSA_PRIO_LIST 0xF23A | length |
     *              | TextIdList: count | 4 × count | text_id u32 ... | |
     * </pre>
     */
    public static byte[] setRtsaPriority(int invokeId, java.util.List<Long> labels) {
        Bytes ids = new Bytes().u16(labels.size()).u16(4 * labels.size());
        labels.forEach(ids::u32);
        byte[] modification = new Bytes().u16(MOD_REPLACE).u16(NOM_ATTR_POLL_RTSA_PRIO_LIST).counted(ids.toArray())
                .toArray();
        byte[] argument = new Bytes().u16(NOM_MOC_VMS_MDS).u16(0).u16(0).u32(0).u16(1).counted(modification).toArray();
        return dataExport(ROIV, invokeId, CMD_CONFIRMED_SET, argument);
    }

    /** SPpdu, ROapdus and a ROIV/RORS apdu around {@code body}. */
    static byte[] dataExport(int roType, int invokeId, int command, byte[] body) {
        byte[] apdu = new Bytes().u16(invokeId).u16(command).counted(body).toArray();
        return new Bytes().u16(SESSION_ID).u16(PRESENTATION_CONTEXT).u16(roType).counted(apdu).toArray();
    }
}
