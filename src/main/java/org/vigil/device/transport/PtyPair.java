package org.vigil.device.transport;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pseudo-terminal pair created in Java (POSIX {@code posix_openpt}, {@code grantpt},
 * {@code unlockpt}, {@code ptsname}), put in raw mode so binary bytes and CR pass untouched.
 * The simulator writes to the master side; the station opens {@link #slavePath()} with
 * jSerialComm exactly like a real serial port. Linux and macOS only (Windows has no ptys: use the
 * TCP transport there).
 *
 * <p>Writes never block: the master is non-blocking and bytes the other side cannot take right
 * now are dropped and counted, as a real device's transmitter would lose them with nobody
 * listening. Closing the pair makes the station see the port disappear (cable pulled).
 */
public final class PtyPair implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PtyPair.class);

    private static final int EAGAIN_LINUX = 11;
    private static final int EAGAIN_MAC = 35;
    private static final int EIO = 5;

    private final int masterFd;
    private final String slavePath;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong droppedBytes = new AtomicLong();

    private PtyPair(int masterFd, String slavePath) {
        this.masterFd = masterFd;
        this.slavePath = slavePath;
    }

    /** True on systems where pty pairs can be created. */
    public static boolean isSupported() {
        return Platform.isLinux() || Platform.isMac();
    }

    /** Creates a new raw-mode pty pair. */
    public static PtyPair open() throws IOException {
        if (!isSupported()) {
            throw new IOException("pseudo-terminals are not available on " + System.getProperty("os.name")
                    + "; use a TCP endpoint or a virtual COM port pair");
        }
        LibC c = LibC.INSTANCE;
        int fd;
        try {
            int flags = Platform.isMac() ? (0x0002 | 0x20000 | 0x0004) : (0x0002 | 0x0100 | 0x0800); // O_RDWR|O_NOCTTY|O_NONBLOCK
            fd = c.posix_openpt(flags);
            c.grantpt(fd);
            c.unlockpt(fd);
        } catch (LastErrorException e) {
            throw new IOException("cannot create a pseudo-terminal: errno " + e.getErrorCode(), e);
        }
        try {
            String path = slaveName(c, fd);
            makeRaw(c, fd);
            log.debug("created pty pair master fd {} slave {}", fd, path);
            return new PtyPair(fd, path);
        } catch (LastErrorException e) {
            c.close(fd);
            throw new IOException("cannot set up pseudo-terminal: errno " + e.getErrorCode(), e);
        }
    }

    private static String slaveName(LibC c, int fd) {
        if (Platform.isLinux()) {
            byte[] buf = new byte[128];
            c.ptsname_r(fd, buf, buf.length);
            int n = 0;
            while (n < buf.length && buf[n] != 0) {
                n++;
            }
            return new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
        }
        return c.ptsname(fd);
    }

    private static void makeRaw(LibC c, int fd) {
        // struct termios is at most 72 bytes on the supported platforms; a larger buffer is harmless.
        Memory termios = new Memory(256);
        termios.clear();
        c.tcgetattr(fd, termios);
        c.cfmakeraw(termios);
        c.tcsetattr(fd, 0, termios); // TCSANOW
    }

    /** The path the station opens, e.g. {@code /dev/pts/3}. */
    public String slavePath() {
        return slavePath;
    }

    /**
     * Writes {@code len} bytes to the master side. Never blocks: bytes that do not fit are dropped
     * and counted in {@link #droppedBytes()}.
     */
    public void write(byte[] data, int off, int len) throws IOException {
        if (closed.get()) {
            throw new IOException("pty " + slavePath + " is closed");
        }
        byte[] chunk = off == 0 ? data : java.util.Arrays.copyOfRange(data, off, off + len);
        int done = 0;
        while (done < len) {
            int n;
            try {
                byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, len);
                n = LibC.INSTANCE.write(masterFd, rest, len - done);
            } catch (LastErrorException e) {
                int errno = e.getErrorCode();
                if (errno == EAGAIN_LINUX || errno == EAGAIN_MAC || errno == EIO) {
                    droppedBytes.addAndGet(len - done);
                    return;
                }
                throw new IOException("write to pty " + slavePath + " failed: errno " + errno, e);
            }
            done += n;
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for bytes the station wrote to the slave side and reads
     * them into {@code buf}. Returns the count, 0 when none came (or nobody has the slave open),
     * or -1 once the pair is closed. Called from one reader thread only.
     */
    public int read(byte[] buf, int timeoutMillis) {
        if (closed.get()) {
            return -1;
        }
        Memory pollfd = new Memory(8);
        pollfd.setInt(0, masterFd);
        pollfd.setShort(4, (short) 0x0001); // POLLIN
        pollfd.setShort(6, (short) 0);
        try {
            int ready = LibC.INSTANCE.poll(pollfd, 1, timeoutMillis);
            if (closed.get()) {
                return -1;
            }
            short revents = pollfd.getShort(6);
            if (ready <= 0 || (revents & 0x0001) == 0) {
                if ((revents & 0x0010) != 0) {
                    // POLLHUP: no one has the slave open; poll returns at once, so wait here instead
                    java.util.concurrent.locks.LockSupport.parkNanos(timeoutMillis * 1_000_000L);
                }
                return 0;
            }
            return LibC.INSTANCE.read(masterFd, buf, buf.length);
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == EAGAIN_LINUX || errno == EAGAIN_MAC || errno == EIO || errno == 4 /* EINTR */) {
                return closed.get() ? -1 : 0;
            }
            log.debug("read from pty {} failed: errno {}", slavePath, errno);
            return closed.get() ? -1 : 0;
        }
    }

    /** Bytes dropped because the other side was not reading. */
    public long droppedBytes() {
        return droppedBytes.get();
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** Closes the master side; the station sees its port disconnect. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                LibC.INSTANCE.close(masterFd);
            } catch (LastErrorException e) {
                log.debug("closing pty {} failed", slavePath, e);
            }
        }
    }

    @Override
    public String toString() {
        return "pty " + slavePath;
    }

    /** The few libc calls we need. */
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int posix_openpt(int flags) throws LastErrorException;

        int grantpt(int fd) throws LastErrorException;

        int unlockpt(int fd) throws LastErrorException;

        int ptsname_r(int fd, byte[] buf, int buflen) throws LastErrorException;

        String ptsname(int fd) throws LastErrorException;

        int tcgetattr(int fd, com.sun.jna.Pointer termios) throws LastErrorException;

        void cfmakeraw(com.sun.jna.Pointer termios);

        int tcsetattr(int fd, int optionalActions, com.sun.jna.Pointer termios) throws LastErrorException;

        int write(int fd, byte[] buf, int count) throws LastErrorException;

        int read(int fd, byte[] buf, int count) throws LastErrorException;

        int poll(com.sun.jna.Pointer fds, int nfds, int timeout) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }
}
