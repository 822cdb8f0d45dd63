package org.vigil.sim.protocol;

import org.vigil.domain.Vital;

/**
 * Writes what a Contec CMS50E / CMS50D+ speaking the V7.0 protocol sends in one second once
 * the host started real-time data: 60 real-time packets (type 0x01, nine bytes each, high-bit
 * coded as {@link V7Coding} describes):
 * <pre>
 * 01 | high | status | pleth | bar/PI-invalid | PR | SpO2 | PI lo | PI hi
 * e.g. 01 E0 84 93 92 BC E3 FF FF   (signal 4, pleth 19, PI invalid, PR 60, SpO2 99, PI none)
 * </pre>
 * SpO2 and PR are rounded to whole numbers, PI to 0.01 %. A vital without a value, or with a
 * value its field cannot hold (SpO2 outside 0-100, PR outside 0-254, PI outside 0-22.00 %), is
 * sent as the device's "no value" (SpO2 0x7F, PR 0xFF, PI 0xFFFF with the PI-invalid bit). With
 * the sensor off every packet has the probe-error bit, pleth 0x40, signal strength 0 and no
 * values, as the real device sends "Finger Out". Otherwise the pleth is a synthetic pulse wave
 * at the pulse rate (flat at 0x40 without one) whose phase carries on from one second to the
 * next, with the pulse-beep bit on the first packet of each beat; signal strength is 5 and the
 * bar graph follows the pleth. One encoder per simulated device.
 */
public final class ContecEncoder implements FrameEncoder {

    /** Real-time packets per second. */
    public static final int PACKETS_PER_SECOND = 60;
    /** Bytes of one real-time packet. */
    public static final int PACKET_LENGTH = 9;

    private static final int FLAT_PLETH = 0x40;

    /** Pulse phase in beats, fraction part only. */
    private double phase;

    /** Creates an encoder at the start of a beat. */
    public ContecEncoder() {
    }

    @Override
    public byte[] encode(DeviceOutput output) {
        boolean off = output.sensorOff();
        int spo2 = whole(off ? Double.NaN : output.value(Vital.SPO2), 100, 0x7F);
        int pr = whole(off ? Double.NaN : output.value(Vital.PR), 254, 0xFF);
        double piValue = off ? Double.NaN : output.value(Vital.PI);
        long piHundredths = Math.round(piValue * 100);
        boolean piValid = !Double.isNaN(piValue) && piHundredths >= 0 && piHundredths <= 2200;
        int pi = piValid ? (int) piHundredths : 0xFFFF;
        double rate = off || pr == 0xFF ? Double.NaN : output.value(Vital.PR);

        byte[] out = new byte[PACKETS_PER_SECOND * PACKET_LENGTH];
        for (int i = 0; i < PACKETS_PER_SECOND; i++) {
            int status;
            int pleth;
            if (Double.isNaN(rate) || rate <= 0) {
                pleth = FLAT_PLETH;
                status = off ? 0x80 : 5;
            } else {
                double next = phase + rate / 60.0 / PACKETS_PER_SECOND;
                boolean beat = i == 0 && phase == 0 || next >= 1;
                phase = next - Math.floor(next);
                pleth = wave(phase);
                status = 5 | (beat ? 0x40 : 0);
            }
            int bar = Math.min(15, pleth / 8) | (piValid ? 0 : 0x10);
            int[] data = {status, pleth, bar, pr, spo2, pi & 0xFF, pi >> 8 & 0xFF};
            V7Coding.encode(0x01, data, out, i * PACKET_LENGTH);
        }
        return out;
    }

    /** The value rounded, or {@code none} when absent or outside {@code 0..max}. */
    private static int whole(double value, int max, int none) {
        if (Double.isNaN(value)) {
            return none;
        }
        long v = Math.round(value);
        return v < 0 || v > max ? none : (int) v;
    }

    /** A pulse wave 0-127: a quick rise over the first 15 % of the beat, then an exponential fall. */
    private static int wave(double phase) {
        double shape = phase < 0.15 ? phase / 0.15 : Math.exp(-(phase - 0.15) * 4);
        return (int) Math.round(10 + 110 * shape);
    }
}
