package org.vigil.device.protocol.masimo;

import java.util.EnumSet;
import java.util.Set;
import org.vigil.domain.ReadingFlag;

/**
 * The meaning of the {@code EXC} (exception) and {@code ALARM} hex bit fields.
 *
 * <table>
 *   <caption>EXC bits (Rad-8 manual p. 4-24; 24-bit Radical-7 extension)</caption>
 *   <tr><th>bit</th><th>device text</th><th>flag</th></tr>
 *   <tr><td>000001</td><td>No Sensor</td><td>{@link ReadingFlag#NO_SENSOR}</td></tr>
 *   <tr><td>000002</td><td>Defective Sensor</td><td>{@link ReadingFlag#SENSOR_FAULT}</td></tr>
 *   <tr><td>000004</td><td>Low Perfusion</td><td>{@link ReadingFlag#LOW_PERFUSION}</td></tr>
 *   <tr><td>000008</td><td>Pulse Search</td><td>{@link ReadingFlag#PULSE_SEARCH}</td></tr>
 *   <tr><td>000010</td><td>Interference</td><td>{@link ReadingFlag#INTERFERENCE}</td></tr>
 *   <tr><td>000020</td><td>Sensor Off (patient)</td><td>{@link ReadingFlag#SENSOR_OFF}</td></tr>
 *   <tr><td>000040</td><td>Ambient Light</td><td>{@link ReadingFlag#INTERFERENCE}</td></tr>
 *   <tr><td>000080</td><td>Unrecognized Sensor</td><td>{@link ReadingFlag#SENSOR_FAULT}</td></tr>
 *   <tr><td>000400</td><td>Low Signal IQ</td><td>{@link ReadingFlag#LOW_SIGNAL_QUALITY}</td></tr>
 *   <tr><td>000800</td><td>Masimo SET active</td><td>none (normal state)</td></tr>
 *   <tr><td>001000</td><td>No Cable (Radical-7)</td><td>{@link ReadingFlag#NO_SENSOR}</td></tr>
 *   <tr><td>004000, 008000, 010000</td><td>Incompatible / Unrecognized / Defective Cable</td>
 *       <td>{@link ReadingFlag#SENSOR_FAULT}</td></tr>
 * </table>
 * Other bits (reserved, cable/sensor life, calibrating, temperature, low SpCO/SpMet confidence)
 * carry no flag; the raw field is kept in the frame's {@code exc} attribute.
 * <p>
 * ALARM: {@code 0010} the device's alarm is active → {@link ReadingFlag#DEVICE_ALARM};
 * {@code 0020} its audio is silenced → {@link ReadingFlag#DEVICE_ALARM_SILENCED}. The other ALARM
 * bits (limit violations) are Masimo-proprietary and only kept in the {@code alarm} attribute.
 */
final class MasimoCodes {

    private static final long[] EXC_BITS = {
        0x001, 0x002, 0x004, 0x008, 0x010, 0x020, 0x040, 0x080, 0x400, 0x1000, 0x4000, 0x8000, 0x10000,
    };
    private static final ReadingFlag[] EXC_FLAGS = {
        ReadingFlag.NO_SENSOR, ReadingFlag.SENSOR_FAULT, ReadingFlag.LOW_PERFUSION, ReadingFlag.PULSE_SEARCH,
        ReadingFlag.INTERFERENCE, ReadingFlag.SENSOR_OFF, ReadingFlag.INTERFERENCE, ReadingFlag.SENSOR_FAULT,
        ReadingFlag.LOW_SIGNAL_QUALITY, ReadingFlag.NO_SENSOR, ReadingFlag.SENSOR_FAULT, ReadingFlag.SENSOR_FAULT,
        ReadingFlag.SENSOR_FAULT,
    };

    /** The device is sounding an alarm. */
    static final long ALARM_ACTIVE = 0x0010;
    /** The device's alarm audio is silenced. */
    static final long ALARM_SILENCED = 0x0020;
    /** Masimo SET processing active: the normal state, no flag. */
    static final long EXC_SET_ACTIVE = 0x800;
    /** Sensor off the patient. */
    static final long EXC_SENSOR_OFF = 0x020;

    private MasimoCodes() {
    }

    /** Adds the flags of the EXC bit field {@code exc} to {@code into}. */
    static void addExceptionFlags(long exc, Set<ReadingFlag> into) {
        for (int i = 0; i < EXC_BITS.length; i++) {
            if ((exc & EXC_BITS[i]) != 0) {
                into.add(EXC_FLAGS[i]);
            }
        }
    }

    /** Adds the flags of the ALARM bit field {@code alarm} to {@code into}. */
    static void addAlarmFlags(long alarm, Set<ReadingFlag> into) {
        if ((alarm & ALARM_ACTIVE) != 0) {
            into.add(ReadingFlag.DEVICE_ALARM);
        }
        if ((alarm & ALARM_SILENCED) != 0) {
            into.add(ReadingFlag.DEVICE_ALARM_SILENCED);
        }
    }

    static EnumSet<ReadingFlag> none() {
        return EnumSet.noneOf(ReadingFlag.class);
    }
}
