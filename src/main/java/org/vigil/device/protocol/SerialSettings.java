package org.vigil.device.protocol;

/** Line settings of a serial port. {@code parity} is one of N, E, O; flow control is none. */
public record SerialSettings(int baud, int dataBits, char parity, int stopBits) {

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
    }

    @Override
    public String toString() {
        return baud + " " + dataBits + parity + stopBits;
    }
}
