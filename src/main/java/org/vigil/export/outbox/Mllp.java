package org.vigil.export.outbox;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One MLLP exchange over TCP: {@code 0x0B} message {@code 0x1C 0x0D}, then the answer framed the
 * same way. The answer is bounded ({@link #MAX_ANSWER} bytes); a connection that closes, times
 * out or sends too much before the end marker is an {@link IOException} (the message is retried).
 */
public final class Mllp {

    public static final byte START = 0x0B;
    public static final byte END = 0x1C;
    public static final byte CR = 0x0D;
    static final int MAX_ANSWER = 1 << 20;

    private Mllp() {
    }

    /** Sends {@code message} and returns the engine's answer (without the framing). */
    public static String exchange(InterfaceEngine engine, String message) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(engine.host(), engine.port()), (int) engine.connectTimeout().toMillis());
            s.setSoTimeout((int) engine.ackTimeout().toMillis());
            OutputStream out = s.getOutputStream();
            out.write(frame(message));
            out.flush();
            return read(s.getInputStream());
        }
    }

    /** The framed bytes of a message (UTF-8). */
    public static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[body.length + 3];
        f[0] = START;
        System.arraycopy(body, 0, f, 1, body.length);
        f[f.length - 2] = END;
        f[f.length - 1] = CR;
        return f;
    }

    /** Reads one framed message; bytes before the start marker are skipped. */
    public static String read(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed before an answer");
            }
        } while (b != START);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed in the middle of the answer");
            }
            if (prev == END && b == CR) {
                byte[] all = body.toByteArray();
                return new String(all, 0, all.length - 1, StandardCharsets.UTF_8);
            }
            body.write(b);
            if (body.size() > MAX_ANSWER) {
                throw new IOException("answer longer than " + MAX_ANSWER + " bytes without an end marker");
            }
            prev = b;
        }
    }
}
