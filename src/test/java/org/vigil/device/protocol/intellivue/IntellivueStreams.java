package org.vigil.device.protocol.intellivue;

import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.domain.Vital;
import org.vigil.sim.protocol.DeviceOutput;
import org.vigil.sim.protocol.IntellivueEncoder;
import org.vigil.sim.protocol.IntellivueEncoder.PolledObject;
import org.vigil.sim.protocol.IntellivueEncoder.WaveObject;
import org.vigil.testsupport.ResearchPack;

/** Test support: the research pack's files, a session's worth of monitor frames, and feeding a decoder. */
final class IntellivueStreams {

    static final String FOLDER = "philips_intellivue";
    static final LocalDateTime CLOCK = LocalDateTime.of(2026, 3, 14, 9, 26, 53);

    private IntellivueStreams() {
    }

    static byte[] pack(String file) {
        try {
            return Files.readAllBytes(ResearchPack.file(FOLDER, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DeviceOutput output(LocalDateTime clock) {
        Map<Vital, Double> v = new EnumMap<>(Vital.class);
        v.put(Vital.HR, 72.0);
        v.put(Vital.PR, 71.0);
        v.put(Vital.SPO2, 97.0);
        v.put(Vital.PI, 2.45);
        v.put(Vital.RR, 14.0);
        v.put(Vital.NIBP_SYS, 121.0);
        v.put(Vital.NIBP_DIA, 78.0);
        v.put(Vital.NIBP_MEAN, 92.0);
        return new DeviceOutput(clock, v, false, false, "DE12345678");
    }

    /**
     * What a monitor sends in a short session, every frame complete: association response, MDS
     * create event, a whole numerics result, a keep-alive result, a linked result in three parts,
     * another whole result, then a pleth array (a whole wave result) and a wave result in three
     * linked parts (ECG, pleth, respiration).
     */
    static byte[] session() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : sessionFrames()) {
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    static List<byte[]> sessionFrames() {
        List<byte[]> frames = new ArrayList<>();
        frames.add(SerialFraming.frame(Association.response(8000)));
        frames.add(SerialFraming.frame(IntellivueEncoder.mdsCreateEvent(1, 1000, CLOCK, "DE12345678")));
        DeviceOutput out = output(CLOCK.plusSeconds(1));
        List<PolledObject> objects = IntellivueEncoder.objects(out);
        frames.add(SerialFraming.frame(IntellivueEncoder.pollResult(0, 0, 2, NOM_ACT_POLL_MDIB_DATA_EXT, 1,
                NOM_MOC_VMO_METRIC_NU, 1000 + 8000, null, objects)));
        frames.add(SerialFraming.frame(IntellivueEncoder.pollResult(0, 0, 3, NOM_ACT_POLL_MDIB_DATA, 2,
                NOM_MOC_VMO_AL_MON, 1000 + 12000, null, List.of())));
        for (int k = 0; k < 3; k++) {
            int state = k == 0 ? RORLS_FIRST : k == 2 ? RORLS_LAST : RORLS_NOT_FIRST_NOT_LAST;
            frames.add(SerialFraming.frame(IntellivueEncoder.pollResult(state, k + 1, 4, NOM_ACT_POLL_MDIB_DATA_EXT, 3,
                    NOM_MOC_VMO_METRIC_NU, 1000 + 16000, null, objects.subList(k * 2, Math.min(objects.size(), k * 2 + 2)))));
        }
        frames.add(SerialFraming.frame(IntellivueEncoder.pollResult(0, 0, 5, NOM_ACT_POLL_MDIB_DATA_EXT, 4,
                NOM_MOC_VMO_METRIC_NU, 1000 + 24000, CLOCK.plusSeconds(3), objects)));
        frames.add(SerialFraming.frame(IntellivueEncoder.waveResults(6, 5, 1, 1000 + 26048, null,
                List.of(plethArray(0)), Association.RS232_MTU, 10).get(0)));
        WaveObject ecg = new WaveObject(0x0201, 0x0102, 0, new int[128], 16, 14, 16, 0, 16383, 0, true);
        WaveObject resp = new WaveObject(0x0202, 0x5000, 0, new int[16], 16, 12, 128, 0, 4095, 0, true);
        for (byte[] part : IntellivueEncoder.waveResults(6, 5, 2, 1000 + 28096, null, List.of(ecg, plethArray(32), resp),
                Association.RS232_MTU, 1)) {
            frames.add(SerialFraming.frame(part));
        }
        return frames;
    }

    /** One pleth array of 32 samples counting up from {@code from}, with its static attributes. */
    static WaveObject plethArray(int from) {
        int[] samples = new int[32];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 400 + from + i;
        }
        return new WaveObject(0x0301, NOM_PULS_OXIM_PLETH, 0, samples, 16, 12, 64, 0, 4095, 0x8000, true);
    }

    /** Frames of {@code data} fed in one piece to a fresh decoder. */
    static List<DeviceFrame> decodeAll(byte[] data) {
        return feed(new IntellivueDecoder(), data, new int[] {data.length});
    }

    /**
     * Feeds {@code data} in chunks ending at {@code ends} into a buffer of the decoder's bound, the
     * way a connection does (append, decode, compact).
     */
    static List<DeviceFrame> feed(FrameDecoder decoder, byte[] data, int[] ends) {
        ByteBuffer buffer = ByteBuffer.allocate(decoder.maxFrameLength());
        List<DeviceFrame> frames = new ArrayList<>();
        int from = 0;
        for (int end : ends) {
            int i = from;
            while (i < end) {
                if (!buffer.hasRemaining()) {
                    throw new AssertionError("decoder left a full buffer unconsumed");
                }
                int n = Math.min(buffer.remaining(), end - i);
                buffer.put(data, i, n);
                i += n;
                buffer.flip();
                int before = buffer.position();
                decoder.decode(buffer, frames::add);
                if (buffer.position() < before || buffer.position() > buffer.limit()) {
                    throw new AssertionError("position moved backwards or past the limit");
                }
                buffer.compact();
            }
            from = end;
        }
        return frames;
    }
}
