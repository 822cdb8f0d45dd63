package org.vigil.sim.protocol;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The answering side of a simulated S/5 monitor: silent until the station's displayed-values
 * request ({@code r_maintype} 0, subrecord type 0, {@code phdb_rcrd_type} 1) arrives, then it
 * reports ({@link #mayReport()}) every {@code tx_ival} seconds, the first at once
 * ({@link #due(Instant)}); a request with interval 0 stops the transmission. The monitor sends
 * no answer to a request itself. Requests of other record types (trends, waveforms, alarms) and
 * bytes that are no valid request are ignored, as the monitor does. Time is the caller's.
 *
 * <p>Not thread-safe: one per simulated monitor, fed and polled from one thread.
 */
public final class S5Responder implements Responder {

    private static final int MAX_PENDING = 4096;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Duration interval;
    private Instant nextDue;
    private int requests;

    /** A monitor that has not been asked for anything yet. */
    public S5Responder() {
        // silent until requested
    }

    /** Bytes the station wrote to the monitor; the monitor answers nothing directly (empty list). */
    @Override
    public List<byte[]> onReceived(byte[] bytes, Instant now) {
        pending.write(bytes, 0, bytes.length);
        byte[] buf = pending.toByteArray();
        int consumed = 0;
        int start = indexOfFlag(buf, 0);
        while (start >= 0) {
            int end = indexOfFlag(buf, start + 1);
            if (end < 0) {
                break;
            }
            if (end - start > 1) {
                request(unescape(buf, start + 1, end), now);
                consumed = end + 1;
                start = indexOfFlag(buf, end + 1);
            } else {
                consumed = end;
                start = end;
            }
        }
        if (start < 0) {
            consumed = buf.length;
        }
        pending.reset();
        int keepFrom = Math.max(consumed, buf.length - MAX_PENDING);
        pending.write(buf, keepFrom, buf.length - keepFrom);
        return List.of();
    }

    /** True while the station has asked for displayed values (and not stopped them). */
    @Override
    public boolean mayReport() {
        return nextDue != null;
    }

    /**
     * True when the monitor sends its next record at {@code now}: at once after a request, then
     * every requested interval (a late poll sends one record and keeps the rhythm from there).
     */
    public boolean due(Instant now) {
        if (nextDue == null || now.isBefore(nextDue)) {
            return false;
        }
        nextDue = nextDue.plus(interval);
        if (!nextDue.isAfter(now)) {
            nextDue = now.plus(interval);
        }
        return true;
    }

    /** The interval asked for, or null while the monitor is not transmitting. */
    public Duration interval() {
        return nextDue == null ? null : interval;
    }

    /** Valid displayed-values requests received so far (start and stop). */
    public int requests() {
        return requests;
    }

    private void request(byte[] r, Instant now) {
        if (r == null || r.length != 40 + 9 + 1) {
            return;
        }
        int length = r.length - 1;
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += r[i] & 0xFF;
        }
        boolean valid = (sum & 0xFF) == (r[length] & 0xFF) && i16(r, 0) == length && i16(r, 14) == 0
                && (r[18] & 0xFF) == 0 && (r[40] & 0xFF) == 1;
        if (!valid) {
            return;
        }
        requests++;
        int seconds = i16(r, 41);
        if (seconds <= 0) {
            nextDue = null;
            interval = null;
        } else {
            interval = Duration.ofSeconds(seconds);
            nextDue = now;
        }
    }

    private static byte[] unescape(byte[] buf, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            int b = buf[i] & 0xFF;
            if (b == 0x7D) {
                if (++i == to) {
                    return null;
                }
                b = (buf[i] & 0xFF) ^ 0x20;
            }
            out[n++] = (byte) b;
        }
        return Arrays.copyOf(out, n);
    }

    private static int indexOfFlag(byte[] buf, int from) {
        for (int i = from; i < buf.length; i++) {
            if ((buf[i] & 0xFF) == 0x7E) {
                return i;
            }
        }
        return -1;
    }

    private static int i16(byte[] r, int at) {
        return (short) ((r[at] & 0xFF) | (r[at + 1] & 0xFF) << 8);
    }
}
