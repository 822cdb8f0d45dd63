package org.vigil.device.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.device.protocol.SerialSettings;

/**
 * A serial port (or a pseudo-terminal's slave side) through jSerialComm. Bytes are delivered on
 * jSerialComm's event thread as soon as they are available. When the port disappears the
 * listener's {@code onDisconnected} fires once and the port is closed (jSerialComm leaves
 * {@code isOpen()} true after a disconnect, so we close it ourselves).
 */
public final class SerialTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(SerialTransport.class);

    private final String path;
    private final SerialSettings settings;
    private final AtomicBoolean disconnectedReported = new AtomicBoolean();
    private volatile SerialPort port;

    public SerialTransport(String path, SerialSettings settings) {
        this.path = path;
        this.settings = settings;
    }

    @Override
    public String describe() {
        return path + " " + settings;
    }

    @Override
    public void open(TransportListener listener) throws IOException {
        SerialPort p = SerialPort.getCommPort(path);
        p.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()), parity(settings.parity()));
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!p.openPort()) {
            throw new IOException("cannot open serial port " + path + " (error " + p.getLastErrorCode() + ")");
        }
        p.flushIOBuffers();
        disconnectedReported.set(false);
        byte[] buf = new byte[4096];
        boolean ok = p.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_DATA_AVAILABLE | SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
                    reportDisconnected(listener, "port disconnected");
                    return;
                }
                int n;
                while ((n = p.bytesAvailable()) > 0) {
                    int r = p.readBytes(buf, Math.min(n, buf.length));
                    if (r < 0) {
                        reportDisconnected(listener, "read failed");
                        return;
                    }
                    if (r == 0) {
                        return;
                    }
                    listener.onData(buf, r);
                }
                if (n < 0) {
                    reportDisconnected(listener, "port gone");
                }
            }
        });
        if (!ok) {
            p.closePort();
            throw new IOException("cannot listen on serial port " + path);
        }
        port = p;
    }

    private void reportDisconnected(TransportListener listener, String reason) {
        if (disconnectedReported.compareAndSet(false, true)) {
            log.debug("serial port {} {}", path, reason); // DeviceConnection logs the change of state
            SerialPort p = port;
            port = null;
            if (p != null) {
                // Close off the event thread: closing from inside the callback can deadlock.
                Thread t = new Thread(() -> {
                    p.removeDataListener();
                    p.closePort();
                }, "serial-close-" + path);
                t.setDaemon(true);
                t.start();
            }
            listener.onDisconnected(reason);
        }
    }

    @Override
    public void write(byte[] data, int off, int len) throws IOException {
        SerialPort p = port;
        if (p == null) {
            throw new IOException("serial port " + path + " is not open");
        }
        int done = 0;
        while (done < len) {
            int n = p.writeBytes(data, len - done, off + done);
            if (n < 0) {
                throw new IOException("write to serial port " + path + " failed");
            }
            done += n;
        }
    }

    @Override
    public boolean isOpen() {
        return port != null;
    }

    @Override
    public void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.removeDataListener();
            p.closePort();
        }
    }

    private static int stopBits(int stopBits) {
        return stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private static int parity(char parity) {
        return switch (parity) {
            case 'E' -> SerialPort.EVEN_PARITY;
            case 'O' -> SerialPort.ODD_PARITY;
            default -> SerialPort.NO_PARITY;
        };
    }
}
