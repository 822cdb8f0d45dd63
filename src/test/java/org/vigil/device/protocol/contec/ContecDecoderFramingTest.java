package org.vigil.device.protocol.contec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.contec.ContecStreams.concat;
import static org.vigil.device.protocol.contec.ContecStreams.decodeAll;
import static org.vigil.device.protocol.contec.ContecStreams.packet;
import static org.vigil.device.protocol.contec.ContecStreams.realTime;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.StreamFeeder;
import org.vigil.domain.Measurement;
import org.vigil.domain.Vital;

/** The decoder contract: partial packets, garbage and resync, bounds, chunking independence, random bytes. */
class ContecDecoderFramingTest {

    /** Packets whose values all differ, so each gives a frame. */
    private static final List<byte[]> PACKETS = List.of(realTime(60, 99, 100), realTime(61, 98, 200),
            realTime(0x80, 0x40, 0x10, 0xFF, 0x7F, 0xFFFF), realTime(200, 97, 2200), realTime(5, 0x90, 6, 70, 90, 5));
    private static final List<DeviceFrame> CLEAN = decodeAll(concat(PACKETS.toArray(new byte[0][])));

    /** The packets with garbage of every kind between them; 30 bytes of it. */
    private static byte[] noisyStream() {
        return concat(
                new byte[] {(byte) 0x81, (byte) 0xFF, 0x00, 0x7D, 0x55},                // 5 stray bytes
                PACKETS.get(0),
                Arrays.copyOf(realTime(1, 2, 3), 5),                                       // 5: cut short by the next type byte
                PACKETS.get(1),
                realTime(5, 50, 6, 70, 101, 0),                                             // 9: SpO2 101
                realTime(9, 50, 6, 70, 95, 0),                                              // 9: signal strength 9
                PACKETS.get(2),
                PACKETS.get(3),
                new byte[] {0x02, (byte) 0x80},                                             // 2: no uplink type
                PACKETS.get(4));
    }

    @Test
    void everyPacketGivesAFrame() {
        assertEquals(PACKETS.size(), CLEAN.size());
    }

    @Test
    void garbageBetweenPacketsIsDiscardedCountedAndLosesNoPacket() {
        ContecDecoder decoder = new ContecDecoder();
        assertEquals(CLEAN, new StreamFeeder(decoder).feed(noisyStream()).frames());
        assertEquals(30, decoder.discardedBytes());
    }

    @Test
    void splittingAtEveryIndexGivesTheSameFramesAndDiscardCount() {
        byte[] data = noisyStream();
        StreamFeeder whole = new StreamFeeder(new ContecDecoder()).feed(data);
        for (int i = 0; i <= data.length; i++) {
            StreamFeeder split = new StreamFeeder(new ContecDecoder()).feed(data, 0, i).feed(data, i, data.length - i);
            assertEquals(whole.frames(), split.frames(), "split at " + i);
            assertEquals(whole.decoder().discardedBytes(), split.decoder().discardedBytes(), "discarded, split at " + i);
            assertEquals(whole.consumed(), split.consumed(), "consumed, split at " + i);
        }
    }

    @Test
    void feedingByteByByteGivesTheSameFrames() {
        byte[] data = noisyStream();
        StreamFeeder single = new StreamFeeder(new ContecDecoder());
        for (int i = 0; i < data.length; i++) {
            single.feed(data, i, 1);
        }
        assertEquals(CLEAN, single.frames());
        assertEquals(30, single.decoder().discardedBytes());
    }

    @Test
    void partialPacketIsLeftInTheBufferAtItsTypeByte() {
        byte[] data = concat(new byte[] {(byte) 0x99, (byte) 0x88}, Arrays.copyOf(PACKETS.get(0), 8));
        ByteBuffer in = ByteBuffer.wrap(data);
        List<DeviceFrame> out = new ArrayList<>();
        ContecDecoder decoder = new ContecDecoder();
        decoder.decode(in, out::add);
        assertEquals(2, in.position());
        assertEquals(List.of(), out);
        assertEquals(2, decoder.discardedBytes());
    }

    @Test
    void truncatedLastPacketIsNotEmitted() {
        byte[] data = concat(PACKETS.get(0), PACKETS.get(1));
        assertEquals(CLEAN.subList(0, 1), decodeAll(Arrays.copyOf(data, data.length - 1)));
    }

    @Test
    void packetOfAnotherTypeUpToTheBoundIsSkippedAndOneByteMoreIsDiscarded() {
        int[] longest = new int[ContecDecoder.MAX_OTHER_LENGTH - 1];
        byte[] atBound = concat(new byte[] {0x0F}, ContecStreams.repeat(new byte[] {(byte) 0x80}, longest.length));
        ContecDecoder decoder = new ContecDecoder();
        assertEquals(CLEAN.subList(0, 1), new StreamFeeder(decoder).feed(concat(atBound, PACKETS.get(0))).frames());
        assertEquals(0, decoder.discardedBytes());

        byte[] over = concat(atBound, new byte[] {(byte) 0x80});
        ContecDecoder overDecoder = new ContecDecoder();
        assertEquals(CLEAN.subList(0, 1), new StreamFeeder(overDecoder).feed(concat(over, PACKETS.get(0))).frames());
        assertEquals(over.length, overDecoder.discardedBytes());
        assertEquals(ContecDecoder.MAX_OTHER_LENGTH + 1, new ContecDecoder().maxFrameLength());
    }

    @Test
    void endlessContinuationBytesNeverFillTheBuffer() {
        byte[] noise = ContecStreams.repeat(new byte[] {0x0F, (byte) 0xA5, (byte) 0xC3}, 1000);
        ContecDecoder decoder = new ContecDecoder();
        StreamFeeder feeder = new StreamFeeder(decoder).feed(noise);
        feeder.feed(concat(new byte[] {(byte) 0x80}, PACKETS.get(0)));
        assertEquals(CLEAN.subList(0, 1), feeder.frames());
    }

    @Test
    void decodesOnlyBetweenPositionAndLimit() {
        byte[] p = PACKETS.get(0);
        byte[] data = concat(new byte[] {1, 2, 3}, p, p);
        ByteBuffer in = ByteBuffer.wrap(data).position(3).limit(3 + p.length + 4);
        List<DeviceFrame> out = new ArrayList<>();
        ContecDecoder decoder = new ContecDecoder();
        decoder.decode(in, out::add);
        assertEquals(CLEAN.subList(0, 1), out);
        assertEquals(0, decoder.discardedBytes());
        assertEquals(3 + p.length, in.position());
        assertEquals(3 + p.length + 4, in.limit());
    }

    @Test
    void emptyBufferIsLeftAsItIs() {
        ByteBuffer empty = ByteBuffer.allocate(8).flip();
        List<DeviceFrame> out = new ArrayList<>();
        new ContecDecoder().decode(empty, out::add);
        assertEquals(0, empty.position());
        assertEquals(List.of(), out);
    }

    @Test
    void seededRandomBytesNeverThrowAndDecodeTheSameHoweverChunked() {
        Random random = new Random(20261203L);
        for (int round = 0; round < 500; round++) {
            byte[] data = new byte[random.nextInt(400)];
            for (int i = 0; i < data.length; i++) {
                int kind = random.nextInt(4);
                data[i] = kind == 0 ? (byte) random.nextInt(16) : (byte) (0x80 | random.nextInt(0x80));
            }
            List<DeviceFrame> whole = decodeAll(data);
            StreamFeeder chunked = new StreamFeeder(new ContecDecoder());
            for (int i = 0; i < data.length; ) {
                int n = Math.min(data.length - i, 1 + random.nextInt(20));
                chunked.feed(data, i, n);
                i += n;
            }
            assertEquals(whole, chunked.frames(), "round " + round);
            assertTrue(chunked.consumed() + chunked.pending() == data.length, "round " + round);
            for (DeviceFrame f : whole) {
                for (Measurement m : f.measurements()) {
                    double v = m.value();
                    assertTrue(!m.hasValue() || v >= 0 && (m.vital() != Vital.SPO2 || v <= 100)
                            && (m.vital() != Vital.PR || v <= 254) && (m.vital() != Vital.PI || v <= 22), "round " + round + ": " + m);
                }
            }
        }
    }

    @Test
    void mutatedPacketsResyncWithinOnePacket() {
        Random random = new Random(7);
        byte[] clean = concat(PACKETS.toArray(new byte[0][]));
        for (int round = 0; round < 300; round++) {
            byte[] data = clean.clone();
            int at = random.nextInt(9); // mutate the first packet only
            data[at] = (byte) random.nextInt(256);
            List<DeviceFrame> frames = decodeAll(data);
            assertTrue(frames.size() >= PACKETS.size() - 1, "round " + round);
            assertEquals(CLEAN.subList(2, CLEAN.size()).stream().map(DeviceFrame::measurements).toList(),
                    frames.subList(frames.size() - 3, frames.size()).stream().map(DeviceFrame::measurements).toList(), "round " + round);
        }
    }
}
