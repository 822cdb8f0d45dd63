package org.vigil.device.protocol.contec;

import java.nio.ByteBuffer;

/**
 * The packet coding of Contec's "Communication protocol of pulse oximeter V7.0": a packet is a
 * type byte (bit 7 clear), a high byte (bit 7 set; bit {@code k} is bit 7 of data byte
 * {@code k}) and up to seven data bytes sent with bit 7 forced to 1:
 * <pre>
 * | type 0xxxxxxx | high 1hhhhhhh | 1ddddddd | 1ddddddd | ... (at most 7) |
 * data[k] = (raw[k] &amp; 0x7F) | (((high &gt;&gt; k) &amp; 1) &lt;&lt; 7)
 * </pre>
 * Only the type byte has bit 7 clear, which is how a receiver finds the start of a packet; there
 * is no checksum. Reads straight from the buffer, allocating nothing.
 */
final class V7Packets {

    /** Uplink real-time data: SpO2, pulse rate, pleth, PI; 60 packets a second. */
    static final int REAL_TIME = 0x01;
    /** Uplink device identifier: seven ASCII bytes. */
    static final int DEVICE_ID = 0x04;
    /** Downlink control command, always nine bytes. */
    static final int COMMAND = 0x7D;
    /** Length of a real-time packet and of a command: type, high byte, seven data bytes. */
    static final int FULL_LENGTH = 9;

    private V7Packets() {
    }

    /** True for a byte that can only be a data or high byte (bit 7 set). */
    static boolean isContinuation(int b) {
        return (b & 0x80) != 0;
    }

    /** True for the type bytes the device sends (V7.0 §uplink): 0x01, 0x04, 0x09, 0x0B–0x0F. */
    static boolean isUplinkType(int b) {
        return b == REAL_TIME || b == DEVICE_ID || b == 0x09 || (b >= 0x0B && b <= 0x0F);
    }

    /** Data byte {@code k} (from 0) of the packet whose type byte is at {@code start}, bit 7 restored. */
    static int data(ByteBuffer in, int start, int k) {
        int high = in.get(start + 1);
        int raw = in.get(start + 2 + k);
        return (raw & 0x7F) | (((high >> k) & 1) << 7);
    }
}
