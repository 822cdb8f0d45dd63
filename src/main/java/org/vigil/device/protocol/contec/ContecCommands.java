package org.vigil.device.protocol.contec;

/**
 * The control commands a host sends a V7.0 Contec oximeter (packet type 0x7D, always nine
 * bytes, unused bytes 0 sent as 0x80; coding as in {@link V7Packets}):
 * <pre>
 * 7D 81 A1 80 80 80 80 80 80   start real-time data
 * 7D 81 A2 80 80 80 80 80 80   stop real-time data
 * 7D 81 AF 80 80 80 80 80 80   "inform device being connected": the keep-alive, every 5 s
 * 7D 81 AA 80 80 80 80 80 80   ask the device id
 * </pre>
 * Each call returns a fresh array.
 */
public final class ContecCommands {

    /** Command code: start real-time data. */
    public static final int START_REAL_TIME = 0xA1;
    /** Command code: stop real-time data. */
    public static final int STOP_REAL_TIME = 0xA2;
    /** Command code: ask the device id (answered by a 0x04 packet). */
    public static final int ASK_DEVICE_ID = 0xAA;
    /** Command code: the host is still connected (the device stops without it). */
    public static final int KEEP_ALIVE = 0xAF;

    private ContecCommands() {
    }

    /** The nine bytes of command {@code code} (0x80-0xFF) with no arguments. */
    public static byte[] command(int code) {
        if (code < 0x80 || code > 0xFF) {
            throw new IllegalArgumentException("a V7.0 command code is 0x80-0xFF: " + code);
        }
        byte[] bytes = new byte[V7Packets.FULL_LENGTH];
        bytes[0] = V7Packets.COMMAND;
        bytes[1] = (byte) 0x81;
        bytes[2] = (byte) code;
        for (int i = 3; i < bytes.length; i++) {
            bytes[i] = (byte) 0x80;
        }
        return bytes;
    }

    public static byte[] start() {
        return command(START_REAL_TIME);
    }

    public static byte[] stop() {
        return command(STOP_REAL_TIME);
    }

    public static byte[] keepAlive() {
        return command(KEEP_ALIVE);
    }
}
