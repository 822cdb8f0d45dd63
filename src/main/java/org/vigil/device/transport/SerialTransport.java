package org.vigil.device.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");

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
        if (path.startsWith("/") && !Files.exists(Path.of(path))) {
            throw new LinkException(new LinkProblem(LinkFault.NOT_FOUND, path, "no such file"), null);
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            // jSerialComm's wording for a path it cannot resolve: the port is not there.
            throw new LinkException(new LinkProblem(LinkFault.NOT_FOUND, path, e.getMessage()), e);
        }
        p.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()), parity(settings.parity()));
        p.setFlowControl(settings.flowControl() == org.vigil.device.protocol.FlowControl.RTS_CTS
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        if (!p.openPort()) {
            int errno = p.getLastErrorCode();
            LinkFault fault = faultOf(errno, WINDOWS);
            if (fault == LinkFault.NOT_FOUND && path.startsWith("/") && Files.exists(Path.of(path))) {
                // jSerialComm also reports ENOENT for a port this program already holds: not "not found".
                fault = LinkFault.OTHER;
            }
            throw new LinkException(new LinkProblem(fault, path,
                    "openPort failed: error " + errno + " at native line " + p.getLastErrorLocation()), null);
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
                    reportDisconnected(listener, LinkFault.UNPLUGGED, "port disconnected event");
                    return;
                }
                int n;
                while ((n = p.bytesAvailable()) > 0) {
                    int r = p.readBytes(buf, Math.min(n, buf.length));
                    if (r < 0) {
                        reportDisconnected(listener, LinkFault.READ_FAILED, "readBytes returned " + r);
                        return;
                    }
                    if (r == 0) {
                        return;
                    }
                    listener.onData(buf, r);
                }
                if (n < 0) {
                    reportDisconnected(listener, LinkFault.UNPLUGGED, "bytesAvailable returned " + n);
                }
            }
        });
        if (!ok) {
            p.closePort();
            throw new IOException("cannot listen on serial port " + path);
        }
        port = p;
    }

    private void reportDisconnected(TransportListener listener, LinkFault fault, String detail) {
        if (disconnectedReported.compareAndSet(false, true)) {
            log.debug("serial port {} lost: {} ({})", path, fault, detail); // DeviceConnection logs the change of state
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
            listener.onDisconnected(new LinkProblem(fault, path, detail));
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

    /**
     * What an {@code errno} from opening a serial port means (jSerialComm reports the system's error
     * code: POSIX errno, or a Windows system error code on Windows).
     */
    static LinkFault faultOf(int errno, boolean windows) {
        if (windows) {
            return switch (errno) {
                case 2, 3 -> LinkFault.NOT_FOUND; // ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND
                case 5 -> LinkFault.BUSY; // ERROR_ACCESS_DENIED: on Windows, another program has the port
                default -> LinkFault.OTHER;
            };
        }
        return switch (errno) {
            case 2, 6, 19 -> LinkFault.NOT_FOUND; // ENOENT, ENXIO, ENODEV
            case 1, 13 -> LinkFault.NO_PERMISSION; // EPERM, EACCES
            case 11, 16, 35 -> LinkFault.BUSY; // EAGAIN/EWOULDBLOCK (lock held; 35 on macOS), EBUSY
            case 20, 21, 25 -> LinkFault.NOT_A_SERIAL_PORT; // ENOTDIR, EISDIR, ENOTTY
            default -> LinkFault.OTHER;
        };
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
