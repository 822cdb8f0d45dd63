package org.vigil.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.vigil.device.ProtocolRegistry;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.device.protocol.ProtocolDriver;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil decode}: prints the readings in a capture file as CSV. */
@Command(name = "decode",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the readings in a capture of a device's serial output as CSV.",
            "Columns: time,device,vital,value,unit,flags.",
            "time is the device's own clock when the protocol carries one (Masimo), otherwise the",
            "time since the first frame at the protocol's rate of one frame per second (+hh:mm:ss).",
            "An absent value prints empty with the flag 'invalid'. A summary goes to stderr."},
        footer = {"", "Example:", "  java -jar vigil.jar decode --protocol ivy Ivy450C.1.data > readings.csv"})
final class DecodeCommand implements Callable<Integer> {

    private static final DateTimeFormatter MASIMO_TIME = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-p", "--protocol"}, required = true, paramLabel = "PROTOCOL",
            completionCandidates = ProtocolKeys.class,
            description = "Protocol of the capture: ${COMPLETION-CANDIDATES}.")
    String protocol;

    ProtocolRegistry protocols = ProtocolRegistry.standard();

    @Option(names = "--device", paramLabel = "ID", description = "Device id printed in the device column (default: the protocol).")
    String device;

    @Parameters(paramLabel = "FILE", description = "The capture file (raw bytes as received from the port).")
    Path file;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ProtocolDriver p;
        try {
            p = protocols.require(protocol);
        } catch (IllegalArgumentException e) {
            err.println("decode: " + e.getMessage());
            return 2;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("decode: cannot read " + file + ": no such file");
            return 1;
        } catch (IOException e) {
            err.println("decode: cannot read " + file + ": " + (e.getMessage() == null ? e : e.getMessage()));
            return 1;
        }
        String id = device == null ? p.key() : device;
        PrintWriter out = spec.commandLine().getOut();
        out.println("time,device,vital,value,unit,flags");
        FrameDecoder decoder = p.newDecoder();
        int[] counts = new int[2];
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        decoder.decode(buf, frame -> {
            String time = timeOf(frame, counts[0]);
            counts[0]++;
            for (Measurement m : frame.measurements()) {
                out.println(time + ',' + id + ',' + m.vital().key() + ',' + Csv.number(m.value()) + ','
                        + m.vital().unit().symbol() + ',' + ReadingFlag.text(m.flags()));
                counts[1]++;
            }
        });
        out.flush();
        int trailing = buf.remaining();
        err.println("decode: " + counts[0] + " frames, " + counts[1] + " readings, "
                + decoder.discardedBytes() + " bytes skipped as garbage"
                + (trailing > 0 ? ", " + trailing + " bytes of an incomplete last frame" : ""));
        err.flush();
        return 0;
    }

    private static String timeOf(DeviceFrame frame, int index) {
        String t = frame.attributes().get("device_time");
        if (t != null) {
            try {
                return LocalDateTime.parse(t.trim(), MASIMO_TIME).toString();
            } catch (DateTimeParseException e) {
                return t.trim();
            }
        }
        return String.format("+%02d:%02d:%02d", index / 3600, (index / 60) % 60, index % 60);
    }
}
