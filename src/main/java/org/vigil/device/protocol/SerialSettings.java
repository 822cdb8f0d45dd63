package org.vigil.device.protocol;

/**
 * Line settings of a serial port. {@code parity} is one of N, E, O; {@code flowControl} is
 * {@link FlowControl#NONE} unless the device needs a handshake.
 */
public record SerialSettings(int baud, int dataBits, char parity, int stopBits, FlowControl flowControl)
        implements LinkSettings {

    public SerialSettings {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5-8: " + dataBits);
        }
        parity = Character.toUpperCase(parity);
        if (parity != 'N' && parity != 'E' && parity != 'O') {
            throw new IllegalArgumentException("parity must be N, E or O: " + parity);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2: " + stopBits);
        }
        if (flowControl == null) {
            flowControl = FlowControl.NONE;
        }
    }

    /** Settings without flow control. */
    public SerialSettings(int baud, int dataBits, char parity, int stopBits) {
        this(baud, dataBits, parity, stopBits, FlowControl.NONE);
    }

    /** The same settings with {@code flow} control. */
    public SerialSettings withFlowControl(FlowControl flow) {
        return new SerialSettings(baud, dataBits, parity, stopBits, flow);
    }

    @Override
    public String toString() {
        return baud + " " + dataBits + parity + stopBits + (flowControl == FlowControl.RTS_CTS ? " RTS/CTS" : "");
    }
}
