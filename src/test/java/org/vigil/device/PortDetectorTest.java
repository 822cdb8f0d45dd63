package org.vigil.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.device.transport.PtyPair;
import org.vigil.device.transport.SerialTransport;
import org.vigil.device.transport.Transport;
import org.vigil.device.transport.TransportListener;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.FrameEncoder;
import org.vigil.sim.protocol.SimRegistry;

/**
 * Detect without hardware: a port that replays a device's bytes whenever it is opened (a fake, and
 * a pseudo-terminal) is tried with each serial protocol in turn; the one that decodes is kept,
 * the ones before it are listed with what they saw, and a port that cannot be opened says why.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PortDetectorTest {

    private static byte[] seconds(String protocol, int n) {
        FrameEncoder e = SimRegistry.standard().require(protocol).newEncoder();
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        LocalDateTime t = LocalDateTime.of(2026, 12, 3, 8, 0);
        for (int s = 0; s < n; s++) {
            b.writeBytes(e.encode(new DeviceOutput(t.plusSeconds(s), Map.of(Vital.SPO2, 97.0, Vital.PR, 72.0, Vital.HR, 72.0),
                    false, false, null)));
        }
        return b.toByteArray();
    }

    /** A port that sends {@code bytes} as soon as it is opened, whatever its settings. */
    private static Transport replaying(byte[] bytes) {
        return new Transport() {
            @Override
            public String describe() {
                return "fake";
            }

            @Override
            public void open(TransportListener listener) {
                listener.onData(bytes, bytes.length);
            }

            @Override
            public void write(byte[] data, int off, int len) {
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void eachStreamingProtocolIsRecognisedFromItsBytes() throws Exception {
        for (String protocol : List.of("masimo", "nonin", "nonin-df7", "nellcor")) {
            byte[] bytes = seconds(protocol, 3);
            PortDetector d = new PortDetector(ProtocolRegistry.standard(), (path, s) -> replaying(bytes), InstantSource.system(),
                    Duration.ofMillis(300));
            PortDetector.Result r = d.detect("/dev/ttyUSB0");
            assertEquals(Optional.of(protocol), r.protocol(), protocol + ": " + r.attempts());
            assertEquals(protocol, r.attempts().get(r.attempts().size() - 1).protocol());
            assertTrue(r.attempts().subList(0, r.attempts().size() - 1).stream().allMatch(a -> a.frames() < PortDetector.FRAMES_NEEDED),
                    r.attempts().toString());
        }
    }

    @Test
    void aPortThatCannotBeOpenedSaysWhyForEveryProtocol() throws Exception {
        PortDetector d = new PortDetector(ProtocolRegistry.standard(), (path, s) -> new Transport() {
            @Override
            public String describe() {
                return path;
            }

            @Override
            public void open(TransportListener listener) throws IOException {
                throw new java.nio.file.NoSuchFileException(path);
            }

            @Override
            public void write(byte[] data, int off, int len) {
            }

            @Override
            public boolean isOpen() {
                return false;
            }

            @Override
            public void close() {
            }
        }, InstantSource.system(), Duration.ofMillis(50));
        PortDetector.Result r = d.detect("/dev/ttyUSB9");
        assertEquals(Optional.empty(), r.protocol());
        assertTrue(r.attempts().size() >= 6, r.attempts().toString());
        assertTrue(r.attempts().stream().allMatch(a -> a.problem() != null && a.problem().contains("/dev/ttyUSB9")), r.attempts().toString());
    }

    @Test
    void aPseudoTerminalWithANoninBehindIt() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        byte[] bytes = seconds("nonin", 2);
        try (PtyPair pty = PtyPair.open()) {
            // the device talks whenever a protocol listens: each opening gets two seconds of its output
            PortDetector d = new PortDetector(ProtocolRegistry.standard(), (path, s) -> new Transport() {
                final SerialTransport port = new SerialTransport(path, s);

                @Override
                public String describe() {
                    return port.describe();
                }

                @Override
                public void open(TransportListener listener) throws IOException {
                    port.open(listener);
                    pty.write(bytes, 0, bytes.length);
                }

                @Override
                public void write(byte[] data, int off, int len) throws IOException {
                    port.write(data, off, len);
                }

                @Override
                public boolean isOpen() {
                    return port.isOpen();
                }

                @Override
                public void close() {
                    port.close();
                }
            }, InstantSource.system(), Duration.ofSeconds(2));
            PortDetector.Result r = d.detect(pty.slavePath());
            assertEquals(Optional.of("nonin"), r.protocol(), r.attempts().toString());
        }
    }
}
