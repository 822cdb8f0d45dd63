package org.vigil.sim.protocol;

/**
 * Produces the bytes one simulated device sends for one report, byte-for-byte in its protocol's
 * format (the inverse of the station's decoder for that protocol).
 */
public interface FrameEncoder {

    /** The bytes of one complete report (one Masimo line, one ANSAR-B message). */
    byte[] encode(DeviceOutput output);
}
