package org.vigil.device.protocol.contec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.contec.ContecStreams.concat;
import static org.vigil.device.protocol.contec.ContecStreams.repeat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;
import org.vigil.domain.Measurement;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.Vital;

/** The legacy 5-byte protocol: fields, frames on change, and the decoder contract. */
class ContecLegacyDecoderTest {

    /** A live packet: status bits 0-6 of byte 0, pleth, bar bits 0-5 of byte 2, PR 0-255, SpO2 0-127. */
    private static byte[] live(int status, int pleth, int bar, int pr, int spo2) {
        return new byte[] {(byte) (0x80 | status), (byte) pleth, (byte) (bar | (pr & 0x80) >> 1), (byte) (pr & 0x7F), (byte) spo2};
    }

    private static byte[] live(int pr, int spo2) {
        return live(5, 40, 6, pr, spo2);
    }

    private static final List<byte[]> PACKETS = List.of(live(60, 99), live(180, 97), live(0x15, 0, 0, 0, 0), live(5, 40, 0x26, 70, 95));

    private static StreamFeeder feed(byte[] data) {
        return new StreamFeeder(new ContecLegacyDecoder()).feed(data);
    }

    private static List<DeviceFrame> clean() {
        return feed(concat(PACKETS.toArray(new byte[0][]))).frames();
    }

    /** Packets with 14 bytes of garbage between them. */
    private static byte[] noisy() {
        return concat(new byte[] {0x01, 0x7F, 0x00}, PACKETS.get(0), Arrays.copyOf(live(1, 2), 3), PACKETS.get(1),
                live(5, 40, 6, 70, 101), PACKETS.get(2), new byte[] {(byte) 0xF0, (byte) 0x81}, PACKETS.get(3));
    }

    @Test
    void valuesOfALivePacketWithPulseRateBit7InByte2() {
        List<DeviceFrame> frames = clean();
        assertEquals(4, frames.size());
        assertEquals(List.of(Measurement.of(Vital.SPO2, 99), Measurement.of(Vital.PR, 60)), frames.get(0).measurements());
        assertEquals(List.of(Measurement.of(Vital.SPO2, 97), Measurement.of(Vital.PR, 180)), frames.get(1).measurements());
        assertEquals(40, frames.get(0).wave().sample(0));
        assertEquals("5", frames.get(0).attributes().get("signal_strength"));
    }

    @Test
    void fingerOutOrProbeErrorGivesNoValuesFlaggedSensorOff() {
        for (byte[] p : List.of(live(0x10, 0, 0, 0, 0), live(0, 0, 0x10, 72, 97))) {
            DeviceFrame f = feed(p).frames().get(0);
            assertEquals(List.of(Measurement.absent(Vital.SPO2, Set.of(ReadingFlag.SENSOR_OFF)),
                    Measurement.absent(Vital.PR, Set.of(ReadingFlag.SENSOR_OFF))), f.measurements());
            assertEquals(Set.of(ReadingFlag.SENSOR_OFF), f.flags());
        }
    }

    @Test
    void noValueMarkersAndSearching() {
        DeviceFrame f = feed(live(5, 40, 0x20, 255, 127)).frames().get(0);
        assertEquals(List.of(Measurement.absent(Vital.SPO2, Set.of(ReadingFlag.PULSE_SEARCH)),
                Measurement.absent(Vital.PR, Set.of(ReadingFlag.PULSE_SEARCH))), f.measurements());
    }

    @Test
    void steadyValuesGiveOneFrameEverySixtyPackets() {
        StreamFeeder f = feed(repeat(live(72, 97), 121));
        assertEquals(121, f.frames().size());
        assertEquals(3, ContecStreams.withValues(f.frames()).size());
        assertEquals(121, ((ContecLegacyDecoder) f.decoder()).packets());
    }

    @Test
    void garbageIsDiscardedCountedAndCostsNoPacket() {
        StreamFeeder f = feed(noisy());
        assertEquals(clean(), f.frames());
        assertEquals(3 + 3 + 5 + 2, f.decoder().discardedBytes());
    }

    @Test
    void everySplitAndByteByByteGiveTheSameFramesAndDiscardCount() {
        byte[] data = noisy();
        StreamFeeder whole = feed(data);
        for (int i = 0; i <= data.length; i++) {
            StreamFeeder split = new StreamFeeder(new ContecLegacyDecoder()).feed(data, 0, i).feed(data, i, data.length - i);
            assertEquals(whole.frames(), split.frames(), "split at " + i);
            assertEquals(whole.decoder().discardedBytes(), split.decoder().discardedBytes(), "split at " + i);
        }
        StreamFeeder single = new StreamFeeder(new ContecLegacyDecoder());
        for (int i = 0; i < data.length; i++) {
            single.feed(data, i, 1);
        }
        assertEquals(whole.frames(), single.frames());
    }

    @Test
    void partialPacketStaysInTheBufferAtItsSyncByte() {
        ByteBuffer in = ByteBuffer.wrap(concat(new byte[] {0x11}, Arrays.copyOf(PACKETS.get(0), 4)));
        List<DeviceFrame> out = new ArrayList<>();
        new ContecLegacyDecoder().decode(in, out::add);
        assertEquals(1, in.position());
        assertEquals(List.of(), out);
    }

    @Test
    void seededRandomBytesNeverThrowAndDecodeTheSameHoweverChunked() {
        Random random = new Random(5);
        for (int round = 0; round < 500; round++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            List<DeviceFrame> whole = feed(data).frames();
            StreamFeeder chunked = new StreamFeeder(new ContecLegacyDecoder());
            for (int i = 0; i < data.length; ) {
                int n = Math.min(data.length - i, 1 + random.nextInt(7));
                chunked.feed(data, i, n);
                i += n;
            }
            assertEquals(whole, chunked.frames(), "round " + round);
            for (DeviceFrame f : whole) {
                for (Measurement m : f.measurements()) {
                    assertTrue(!m.hasValue() || m.value() >= 0 && m.value() <= (m.vital() == Vital.SPO2 ? 100 : 254), "round " + round);
                }
            }
        }
    }
}
