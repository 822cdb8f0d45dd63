package org.vigil.device.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.device.protocol.SerialSettings;

/** Each way a port fails to open is told by type, and worded for a nurse with what to check. */
class LinkFailureTest {

    private static final SerialSettings S = new SerialSettings(9600, 8, 'N', 1);

    @Test
    void aMissingSerialPortIsNotFoundAndSaysToCheckTheCable() {
        String path = "/dev/ttyUSB97";
        assumeTrue(!Files.exists(Path.of(path)), path + " exists on this machine");
        try (SerialTransport port = new SerialTransport(path, S)) {
            LinkException e = assertThrows(LinkException.class, () -> port.open(ignore()));
            assertEquals(LinkFault.NOT_FOUND, e.problem().fault());
            assertEquals("/dev/ttyUSB97 not found: check the adapter's cable and the port name in the configuration",
                    e.problem().plainText());
        }
    }

    @Test
    void aPortNameJSerialCommCannotResolveIsNotFoundWithoutItsDriverText() {
        // jSerialComm throws "Unable to create a serial port object from the invalid port descriptor" here.
        try (SerialTransport port = new SerialTransport("ttyUSB97", S)) {
            LinkException e = assertThrows(LinkException.class, () -> port.open(ignore()));
            assertEquals(LinkFault.NOT_FOUND, e.problem().fault());
            assertTrue(e.problem().driverDetail().contains("invalid port descriptor"), e.problem().driverDetail());
            assertFalse(e.problem().plainText().contains("descriptor"), e.problem().plainText());
        }
    }

    @Test
    void aFileThatIsNoSerialPortIsSaidToBeNone(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("ttyFAKE0"), "not a tty");
        try (SerialTransport port = new SerialTransport(file.toString(), S)) {
            LinkException e = assertThrows(LinkException.class, () -> port.open(ignore()));
            assertEquals(LinkFault.NOT_A_SERIAL_PORT, e.problem().fault());
            assertEquals(file + " is not a serial port: check the port name in the configuration", e.problem().plainText());
        }
    }

    @Test
    void aPortLockedByAnotherProgramIsBusy() throws Exception {
        assumeTrue(PtyPair.isSupported(), "no pseudo-terminals on this OS");
        try (PtyPair pty = PtyPair.open(); SerialTransport port = new SerialTransport(pty.slavePath(), S)) {
            // Another program holding the port: an exclusive flock, as jSerialComm and most terminal programs take.
            int fd = Locker.C.open(pty.slavePath(), 0x0002 | (com.sun.jna.Platform.isMac() ? 0x20000 : 0x0100));
            try {
                assertEquals(0, Locker.C.flock(fd, 2 | 4)); // LOCK_EX | LOCK_NB
                LinkException e = assertThrows(LinkException.class, () -> port.open(ignore()));
                assertEquals(LinkFault.BUSY, e.problem().fault(), e.problem().toString());
                assertTrue(e.problem().plainText().startsWith(pty.slavePath() + " is in use by another program"));
            } finally {
                Locker.C.close(fd);
            }
        }
    }

    /** The libc calls another program would make to hold a port. */
    interface Locker extends com.sun.jna.Library {
        Locker C = com.sun.jna.Native.load("c", Locker.class);

        int open(String path, int flags);

        int flock(int fd, int operation);

        int close(int fd);
    }

    @Test
    void errorCodesFromOpeningAPortMapToTheirCause() {
        assertEquals(LinkFault.NO_PERMISSION, SerialTransport.faultOf(13, false));
        assertEquals(LinkFault.NO_PERMISSION, SerialTransport.faultOf(1, false));
        assertEquals(LinkFault.BUSY, SerialTransport.faultOf(16, false));
        assertEquals(LinkFault.NOT_FOUND, SerialTransport.faultOf(2, false));
        assertEquals(LinkFault.BUSY, SerialTransport.faultOf(5, true));
        assertEquals(LinkFault.OTHER, SerialTransport.faultOf(9999, false));
        assertEquals("no permission to open /dev/ttyUSB0: ask an admin to add the station user to the dialout group",
                new LinkProblem(LinkFault.NO_PERMISSION, "/dev/ttyUSB0", "error 13").plainText());
    }

    @Test
    void aTcpAddressWithNothingListeningRefuses() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (TcpTransport t = new TcpTransport("127.0.0.1", port)) {
            LinkException e = assertThrows(LinkException.class, () -> t.open(ignore()));
            assertEquals(LinkFault.REFUSED, e.problem().fault());
            assertEquals("127.0.0.1:" + port + " refused the connection: check that the converter is on and the port number",
                    e.problem().plainText());
        }
    }

    @Test
    void aTcpPeerThatHangsUpIsReportedAsClosedByThePeer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                TcpTransport t = new TcpTransport("127.0.0.1", server.getLocalPort())) {
            AtomicReference<LinkProblem> lost = new AtomicReference<>();
            CountDownLatch gone = new CountDownLatch(1);
            t.open(new TransportListener() {
                @Override
                public void onData(byte[] data, int len) {
                }

                @Override
                public void onDisconnected(LinkProblem problem) {
                    lost.set(problem);
                    gone.countDown();
                }
            });
            try (Socket accepted = server.accept()) {
                accepted.shutdownOutput();
            }
            assertTrue(gone.await(10, TimeUnit.SECONDS), "hang-up reported");
            assertEquals(LinkFault.CLOSED_BY_PEER, lost.get().fault());
        }
    }

    @Test
    void otherTransportsFailuresAreToldByTheirType() {
        assertEquals(LinkFault.UNKNOWN_HOST, LinkProblem.of(new UnknownHostException("monitor-7"), "monitor-7:4001").fault());
        assertEquals(LinkFault.TIMED_OUT,
                LinkProblem.of(new java.net.SocketTimeoutException("connect timed out"), "10.0.0.7:4001").fault());
        LinkProblem other = LinkProblem.of(new IllegalStateException("native library failed"), "/dev/ttyS0");
        assertEquals(LinkFault.OTHER, other.fault());
        assertEquals("cannot open /dev/ttyS0: see the station log", other.plainText());
        assertTrue(other.driverDetail().contains("native library failed"));
    }

    private static TransportListener ignore() {
        return new TransportListener() {
            @Override
            public void onData(byte[] data, int len) {
            }

            @Override
            public void onDisconnected(LinkProblem problem) {
            }
        };
    }
}
