package org.vigil.export.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small MLLP listener on loopback standing in for the clinic's interface engine: it records
 * every complete message it receives before it answers, and answers as told (AA, AE with a text,
 * or drops the connection in the middle of the message).
 */
final class TestEngine implements AutoCloseable {

    enum Mode { ACCEPT, ERROR, DROP_MID_MESSAGE }

    final List<String> received = new CopyOnWriteArrayList<>();
    volatile Mode mode;
    volatile int connections;
    private final ServerSocket server;
    private final Thread thread;

    TestEngine(Mode mode, int port) throws IOException {
        this.mode = mode;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        thread = new Thread(this::serve, "test-engine");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    InterfaceEngine engine() {
        return new InterfaceEngine("127.0.0.1", port(), java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30),
                java.time.Duration.ofSeconds(10), java.time.Duration.ofMinutes(5));
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                connections++;
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                if (mode == Mode.DROP_MID_MESSAGE) {
                    in.readNBytes(40);
                    continue;
                }
                String msg = Mllp.read(in);
                received.add(msg);
                String id = msh10(msg);
                String ack = mode == Mode.ACCEPT
                        ? "MSH|^~\\&|ENGINE||VIGIL||20260302120000||ACK^R01^ACK|A" + id + "|P|2.6\rMSA|AA|" + id + "\r"
                        : "MSH|^~\\&|ENGINE||VIGIL||20260302120000||ACK^R01^ACK|A" + id + "|P|2.6\rMSA|AE|" + id
                                + "\rERR|||207^Application internal error^HL70357|E||||Unknown patient MRN-0042\r";
                out.write(Mllp.frame(ack));
                out.flush();
            } catch (IOException e) {
                // closed, or the client went away: wait for the next connection
            }
        }
    }

    static String msh10(String msg) {
        return msg.split("\r")[0].split("\\|")[9];
    }

    List<String> controlIds() {
        return received.stream().map(TestEngine::msh10).toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
