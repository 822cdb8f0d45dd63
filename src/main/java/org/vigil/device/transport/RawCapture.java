package org.vigil.device.transport;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The raw capture format: the bytes one device link received, as they came, with the time each
 * burst arrived, so that a field problem can be replayed byte for byte and at its own pace
 * ({@code sim --raw FILE --protocol KEY}).
 *
 * <pre>
 * header   one line of UTF-8 text ending in '\n', at most 512 bytes:
 *          VIGIL-RAW 1 &lt;protocol&gt; &lt;device id&gt; &lt;start, ISO-8601 instant&gt;
 * records  until the end of the file, each:
 *          | offset: 8 bytes | length n: 4 bytes | n bytes as received |
 *          offset = nanoseconds from the start to the burst's arrival (big-endian, not decreasing);
 *          n = 1..{@value #MAX_RECORD} (big-endian)
 * </pre>
 * A file cut short (the station stopped mid-write) ends at its last whole record; anything else
 * out of shape is refused with its byte offset.
 */
public final class RawCapture {

    /** The first word of the header. */
    public static final String MAGIC = "VIGIL-RAW";
    /** The format version written. */
    public static final int VERSION = 1;
    /** The most bytes one record holds (a burst read from a port is far smaller). */
    public static final int MAX_RECORD = 65_536;
    private static final int MAX_HEADER = 512;

    /** What the header says. */
    public record Header(String protocol, String deviceId, Instant start) {
        public Header {
            Objects.requireNonNull(start, "start");
            requireWord(protocol, "protocol");
            requireWord(deviceId, "device id");
        }

        String line() {
            return MAGIC + " " + VERSION + " " + protocol + " " + deviceId + " " + start + "\n";
        }
    }

    /** One burst of bytes, {@code offset} after the start. */
    public record Burst(Duration offset, byte[] bytes) {
        public Burst {
            Objects.requireNonNull(offset, "offset");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** A whole capture in memory (replay, tests). */
    public record Capture(Header header, List<Burst> bursts) {
        public Capture {
            bursts = List.copyOf(bursts);
        }

        /** All bytes in order. */
        public byte[] bytes() {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            for (Burst x : bursts) {
                b.writeBytes(x.bytes());
            }
            return b.toByteArray();
        }
    }

    private RawCapture() {
    }

    private static void requireWord(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isEmpty() || s.length() > 100 || !s.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("a capture's " + what + " must be one printable word: '" + s + "'");
        }
    }

    /** Writes records to one stream; not thread-safe (one writer thread). */
    public static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private final Instant start;
        private long lastOffset;

        public Writer(OutputStream out, Header header) throws IOException {
            this.out = new DataOutputStream(Objects.requireNonNull(out));
            this.start = header.start();
            this.out.write(header.line().getBytes(StandardCharsets.UTF_8));
        }

        /** Appends {@code data[off..off+len)} received at {@code at} (split if longer than a record). */
        public void write(Instant at, byte[] data, int off, int len) throws IOException {
            long offset = Math.max(lastOffset, Duration.between(start, at).toNanos());
            lastOffset = offset;
            while (len > 0) {
                int n = Math.min(len, MAX_RECORD);
                out.writeLong(offset);
                out.writeInt(n);
                out.write(data, off, n);
                off += n;
                len -= n;
            }
        }

        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads a capture file. */
    public static Capture read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        }
    }

    /** Reads a capture from {@code in}; {@code name} is for messages. */
    public static Capture read(InputStream in, String name) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = header(data, name);
        List<Burst> bursts = new ArrayList<>();
        long at = header.line().getBytes(StandardCharsets.UTF_8).length;
        long last = 0;
        while (true) {
            long offset;
            int n;
            byte[] bytes;
            try {
                offset = data.readLong();
            } catch (EOFException end) {
                break;
            }
            try {
                n = data.readInt();
                if (n < 1 || n > MAX_RECORD) {
                    throw new IOException(name + ": byte " + (at + 8) + ": record length " + n + " is not 1.." + MAX_RECORD);
                }
                if (offset < last) {
                    throw new IOException(name + ": byte " + at + ": time goes back (" + offset + " ns after " + last + ")");
                }
                bytes = data.readNBytes(n);
                if (bytes.length < n) {
                    break; // cut short: the last whole record ends the capture
                }
            } catch (EOFException cut) {
                break;
            }
            bursts.add(new Burst(Duration.ofNanos(offset), bytes));
            last = offset;
            at += 12 + n;
        }
        return new Capture(header, bursts);
    }

    private static Header header(DataInputStream in, String name) throws IOException {
        byte[] line = new byte[MAX_HEADER];
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException(name + ": not a raw capture (no header line)");
            }
            if (b == '\n') {
                break;
            }
            if (n == MAX_HEADER) {
                throw new IOException(name + ": not a raw capture (header longer than " + MAX_HEADER + " bytes)");
            }
            line[n++] = (byte) b;
        }
        String[] f = new String(line, 0, n, StandardCharsets.UTF_8).split(" ");
        if (f.length != 5 || !MAGIC.equals(f[0])) {
            throw new IOException(name + ": not a raw capture (the header must read '" + MAGIC
                    + " 1 PROTOCOL DEVICE START')");
        }
        if (!Integer.toString(VERSION).equals(f[1])) {
            throw new IOException(name + ": raw capture version " + f[1] + " is not supported (only " + VERSION + ")");
        }
        try {
            return new Header(f[2], f[3], Instant.parse(f[4]));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IOException(name + ": bad raw capture header: " + e.getMessage(), e);
        }
    }
}
