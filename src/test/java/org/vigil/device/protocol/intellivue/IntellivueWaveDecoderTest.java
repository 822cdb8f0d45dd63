package org.vigil.device.protocol.intellivue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.device.protocol.intellivue.Nomenclature.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.domain.ReadingFlag;
import org.vigil.domain.WaveSegment;
import org.vigil.sim.protocol.IntellivueEncoder;
import org.vigil.sim.protocol.IntellivueEncoder.WaveObject;

/**
 * The pleth of real-time sample array results. No capture of the research pack holds a sample
 * array (its real frames are a connect indication and a patient-demographics result), so the
 * golden case is a result written out byte by byte from the Programming Guide's layout, and the
 * other cases are built with the simulator's encoder.
 */
class IntellivueWaveDecoderTest {

    private static final LocalDateTime CLOCK = LocalDateTime.of(2026, 3, 14, 9, 26, 54);

    /**
     * An extended poll result of one pleth object with its static attributes: 8 samples of 16 bits,
     * 12 significant; the third carries a marker bit above them (0x4000, dropped), the fourth the
     * invalid bit the Sa-Fixed-Val-Spec names (0x8000).
     */
    private static final String HAND_MADE_WAVE_RESULT = ""
            + "E1 00 00 02 "                        // SPpdu
            + "00 02 00 7E "                        // RORS, 126 bytes
            + "00 2A 00 07 00 78 "                  // invoke 42, confirmed action, 120 bytes
            + "00 21 00 00 00 00 "                  // MDS
            + "F1 3B 00 6E "                        // NOM_ACT_POLL_MDIB_DATA_EXT, 110 bytes
            + "00 05 00 03 "                        // poll 5, sequence 3
            + "00 00 7D 00 "                        // relative time 32000 (4 s)
            + "20 26 03 14 09 26 54 00 "            // absolute time 2026-03-14 09:26:54.00
            + "00 01 00 09 00 00 "                  // SA_RT objects, all attribute groups
            + "00 01 00 54 "                        // 1 context, 84 bytes
            + "00 00 00 01 00 4E "                  // context 0, 1 object, 78 bytes
            + "03 01 "                              // handle 0x0301
            + "00 05 00 48 "                        // 5 attributes, 72 bytes
            + "09 6D 00 06 00 08 10 0C 00 00 "      // Sa-Specification: 8 samples, 16 bits, 12 significant
            + "09 6F 00 0C 00 00 00 00 00 00 00 64 00 00 0F FF " // scale: 0..100 is 0..4095
            + "09 8D 00 04 00 00 00 40 "            // sample period 64 ticks (8 ms)
            + "0A 16 00 08 00 01 00 04 00 01 80 00 " // fixed values: SA_FIX_INVALID_MASK 0x8000
            + "09 6E 00 16 4B B4 00 00 00 10 "      // SaObsValue: pleth, state 0, 16 bytes
            + "00 64 00 C8 41 2C 81 90 01 F4 02 58 02 BC 03 20";

    private static List<DeviceFrame> decode(IntellivueDecoder decoder, byte[]... userData) {
        List<DeviceFrame> frames = new ArrayList<>();
        for (byte[] u : userData) {
            frames.addAll(IntellivueStreams.feed(decoder, SerialFraming.frame(u), new int[] {SerialFraming.frame(u).length}));
        }
        return frames;
    }

    private static WaveObject pleth(int handle, int state, int[] samples, boolean statics) {
        return new WaveObject(handle, NOM_PULS_OXIM_PLETH, state, samples, 16, 12, 64, 0, 4095, 0x8000, statics);
    }

    private static byte[] result(long relTicks, LocalDateTime clock, WaveObject... objects) {
        return IntellivueEncoder.waveResults(1, 1, 1, relTicks, clock, List.of(objects), Association.RS232_MTU,
                Integer.MAX_VALUE).get(0);
    }

    private static int[] ramp(int n, int from) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = from + i;
        }
        return s;
    }

    @Test
    void theHandMadeResultGivesTwoRunsAroundTheInvalidSample() {
        byte[] userData = HexFormat.ofDelimiter(" ").parseHex(HAND_MADE_WAVE_RESULT.trim());
        assertEquals(134, userData.length);
        List<DeviceFrame> frames = decode(new IntellivueDecoder(ZoneOffset.UTC), userData);
        assertEquals(2, frames.size());
        WaveSegment first = frames.get(0).wave();
        WaveSegment second = frames.get(1).wave();
        assertEquals(new WaveSegment(WaveSegment.PLETH, 125, new int[] {100, 200, 300}, 0, 4095,
                Instant.parse("2026-03-14T09:26:53.936Z")), first);
        assertEquals(new WaveSegment(WaveSegment.PLETH, 125, new int[] {500, 600, 700, 800}, 0, 4095,
                Instant.parse("2026-03-14T09:26:53.968Z")), second);
        DeviceFrame f = frames.get(0);
        assertTrue(f.measurements().isEmpty());
        assertEquals(Set.of(), f.flags());
        assertEquals("pleth", f.attributes().get("wave"));
        assertEquals("2026-03-14T09:26:54", f.attributes().get("device_time"));
        assertEquals("0..3/8", f.attributes().get("wave_run"));
        assertEquals("4..8/8", frames.get(1).attributes().get("wave_run"));
    }

    @Test
    void theHandMadeResultParsesToItsAttributes() {
        byte[] userData = HexFormat.ofDelimiter(" ").parseHex(HAND_MADE_WAVE_RESULT.trim());
        Messages.PollResult r = assertInstanceOf(Messages.PollResult.class, MessageParser.parse(userData));
        assertEquals(NOM_MOC_VMO_METRIC_SA_RT, r.objectType());
        assertEquals(32000, r.relativeTime());
        Messages.SampleArrayObject o = r.sampleArrays().get(0);
        assertEquals(0x0301, o.handle());
        assertEquals(new Messages.SaSpec(8, 16, 12, 0), o.spec());
        assertEquals(new Messages.SaScale(0, 100, 0, 4095), o.scale());
        assertEquals(64, o.samplePeriodTicks());
        assertEquals(List.of(new Messages.SaFixedValue(SA_FIX_INVALID_MASK, 0x8000)), o.fixedValues());
        assertEquals(NOM_PULS_OXIM_PLETH, o.observations().get(0).physioId());
        assertEquals(16, o.observations().get(0).length());
    }

    @Test
    void theSimulatorsEncodingOfTheSameArrayIsByteForByteTheHandMadeOne() {
        byte[] userData = HexFormat.ofDelimiter(" ").parseHex(HAND_MADE_WAVE_RESULT.trim());
        WaveObject o = new WaveObject(0x0301, NOM_PULS_OXIM_PLETH, 0,
                new int[] {0x64, 0xC8, 0x412C, 0x8190, 0x1F4, 0x258, 0x2BC, 0x320}, 16, 12, 64, 0, 4095, 0x8000, true);
        byte[] encoded = IntellivueEncoder.waveResults(42, 5, 3, 32000, CLOCK, List.of(o), Association.RS232_MTU, 10)
                .get(0);
        assertArrayEquals(userData, encoded);
    }

    @Test
    void anInvalidUnavailableOrDemoArrayIsAGapNotAWave() {
        for (int state : new int[] {MS_INVALID, MS_INVALID | MS_UNAVAILABLE, MS_CALIBRATION_ONGOING, MS_DEMO_DATA,
            MS_TEST_DATA}) {
            IntellivueDecoder decoder = new IntellivueDecoder(ZoneOffset.UTC);
            List<DeviceFrame> frames = decode(decoder, result(8000, CLOCK, pleth(0x301, state, ramp(32, 10), true)));
            assertEquals(1, frames.size(), "state " + Integer.toHexString(state));
            DeviceFrame f = frames.get(0);
            assertNull(f.wave(), "state " + Integer.toHexString(state));
            assertEquals(String.format("0x%04X", state), f.attributes().get("wave_state"));
            assertEquals("32", f.attributes().get("wave_gap_samples"));
        }
    }

    @Test
    void aQuestionableArrayIsDrawnAndFlaggedLowSignalQuality() {
        List<DeviceFrame> frames = decode(new IntellivueDecoder(ZoneOffset.UTC),
                result(8000, CLOCK, pleth(0x301, MS_QUESTIONABLE, ramp(32, 10), true)));
        assertEquals(Set.of(ReadingFlag.LOW_SIGNAL_QUALITY), frames.get(0).flags());
        assertEquals(32, frames.get(0).wave().size());
        assertEquals("0x4000", frames.get(0).attributes().get("wave_state"));
    }

    @Test
    void staticAttributesAreRememberedForTheArraysThatComeWithoutThem() {
        IntellivueDecoder decoder = new IntellivueDecoder(ZoneOffset.UTC);
        WaveObject eightBit = new WaveObject(0x301, NOM_PULS_OXIM_PLETH, 0, ramp(16, 100), 8, 8, 32, 0, 255, 0, true);
        WaveObject bare = new WaveObject(0x301, NOM_PULS_OXIM_PLETH, 0, ramp(16, 120), 8, 8, 32, 0, 255, 0, false);
        List<DeviceFrame> frames = decode(decoder, result(8000, CLOCK, eightBit),
                result(8000 + 512, CLOCK.plusNanos(64_000_000), bare));
        assertEquals(2, frames.size());
        WaveSegment later = frames.get(1).wave();
        assertEquals(250.0, later.sampleRate(), "32 ticks: 4 ms");
        assertEquals(255, later.high());
        assertArrayEquals(ramp(16, 120), later.samples(), "one byte a sample");
    }

    @Test
    void withoutAnyStaticAttributeThePlethDefaultsAreUsed() {
        WaveObject bare = new WaveObject(0x301, NOM_PULS_OXIM_PLETH, 0, new int[] {0xF123, 0x0456}, 16, 12, 64, 0, 4095,
                0, false);
        WaveSegment w = decode(new IntellivueDecoder(ZoneOffset.UTC), result(8000, CLOCK, bare)).get(0).wave();
        assertEquals(125.0, w.sampleRate());
        assertEquals(4095, w.high());
        assertArrayEquals(new int[] {0x123, 0x456}, w.samples(), "12 significant bits");
    }

    @Test
    void theExtendedValueRangeFlagKeepsEveryBitAndAScaleOutsideTheBitsIsIgnored() {
        byte[] userData = HexFormat.ofDelimiter(" ").parseHex(HAND_MADE_WAVE_RESULT.trim());
        userData[userData.length - 16 - 10 - 12 - 8 - 16 - 2] = 0x10; // the SaSpec flags: SA_EXT_VAL_RANGE
        userData[userData.length - 16 - 10 - 12 - 8 - 16 - 1] = 0x00;
        Messages.PollResult r = assertInstanceOf(Messages.PollResult.class, MessageParser.parse(userData));
        assertEquals(SA_EXT_VAL_RANGE, r.sampleArrays().get(0).spec().flags());
        List<DeviceFrame> frames = decode(new IntellivueDecoder(ZoneOffset.UTC), userData);
        // the invalid mask still cuts at the fourth sample; the third keeps its 0x4000 bit
        assertArrayEquals(new int[] {100, 200, 0x412C}, frames.get(0).wave().samples());
        assertEquals(4095, frames.get(0).wave().high(), "the scale's 0..4095 lies within 16 bits");
    }

    @Test
    void anUnknownSampleSizeIsAGap() {
        byte[] userData = HexFormat.ofDelimiter(" ").parseHex(HAND_MADE_WAVE_RESULT.trim());
        userData[userData.length - 16 - 10 - 12 - 8 - 16 - 4] = 0x20; // 32-bit samples
        List<DeviceFrame> frames = decode(new IntellivueDecoder(ZoneOffset.UTC), userData);
        assertEquals(1, frames.size());
        assertNull(frames.get(0).wave());
        assertEquals("8", frames.get(0).attributes().get("wave_gap_samples"));
    }

    @Test
    void aSamplePeriodNoWaveHasIsAGap() {
        for (long ticks : new long[] {1, 7, 8001, 0xFFFFFFFFL}) {
            WaveObject odd = new WaveObject(0x301, NOM_PULS_OXIM_PLETH, 0, ramp(32, 0), 16, 12, ticks, 0, 4095, 0, true);
            List<DeviceFrame> frames = decode(new IntellivueDecoder(ZoneOffset.UTC), result(8000, CLOCK, odd));
            assertEquals(1, frames.size(), ticks + " ticks");
            assertNull(frames.get(0).wave(), ticks + " ticks");
        }
        WaveObject ecgRate = new WaveObject(0x301, NOM_PULS_OXIM_PLETH, 0, ramp(32, 0), 16, 12, 16, 0, 4095, 0, true);
        assertEquals(500.0, decode(new IntellivueDecoder(ZoneOffset.UTC), result(8000, CLOCK, ecgRate)).get(0).wave()
                .sampleRate());
    }

    @Test
    void aRepeatedArrayIsDroppedButAClockThatStartedAgainIsFollowed() {
        IntellivueDecoder decoder = new IntellivueDecoder(ZoneOffset.UTC);
        byte[] one = result(800_000, CLOCK, pleth(0x301, 0, ramp(32, 1), true));
        byte[] next = result(800_000 + 2048, CLOCK.plusNanos(256_000_000), pleth(0x301, 0, ramp(32, 33), true));
        byte[] restarted = result(800_000 - 40 * 8000, CLOCK.plusSeconds(1), pleth(0x301, 0, ramp(32, 65), true));
        List<DeviceFrame> frames = decode(decoder, one, one, next, one, restarted);
        assertEquals(3, frames.size(), "the repeats of the first array are dropped");
        assertEquals(1, frames.get(0).wave().sample(0));
        assertEquals(33, frames.get(1).wave().sample(0));
        assertEquals(65, frames.get(2).wave().sample(0), "40 s back is a clock that restarted");
    }

    @Test
    void aLinkedResultIsReassembledAndOnlyThePlethIsTaken() {
        WaveObject ecg = new WaveObject(0x201, 0x0102, 0, ramp(128, 0), 16, 14, 16, 0, 16383, 0, true);
        WaveObject resp = new WaveObject(0x202, 0x5000, 0, ramp(16, 0), 16, 12, 128, 0, 4095, 0, true);
        List<byte[]> parts = IntellivueEncoder.waveResults(7, 3, 9, 8000, CLOCK,
                List.of(ecg, pleth(0x301, 0, ramp(32, 500), true), resp), Association.RS232_MTU, 1);
        assertEquals(3, parts.size());
        IntellivueDecoder decoder = new IntellivueDecoder(ZoneOffset.UTC);
        List<DeviceFrame> frames = decode(decoder, parts.toArray(new byte[0][]));
        assertEquals(1, frames.size());
        assertEquals("3", frames.get(0).attributes().get("linked"));
        assertArrayEquals(ramp(32, 500), frames.get(0).wave().samples());
    }

    @Test
    void aResultLargerThanTheMtuIsSentInLinkedPartsAndComesBackWhole() {
        List<WaveObject> arrays = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            arrays.add(pleth(0x301, 0, ramp(32, k * 32), true));
        }
        List<byte[]> parts = IntellivueEncoder.waveResults(7, 3, 9, 8000, CLOCK, arrays, Association.RS232_MTU,
                Integer.MAX_VALUE);
        assertTrue(parts.size() > 1, "12 arrays of 32 exceed 1000 bytes");
        for (byte[] p : parts) {
            assertTrue(p.length <= Association.RS232_MTU, p.length + " bytes");
        }
        List<DeviceFrame> frames = decode(new IntellivueDecoder(ZoneOffset.UTC), parts.toArray(new byte[0][]));
        assertEquals(12, frames.size());
        Instant expected = CLOCK.toInstant(ZoneOffset.UTC).minusMillis(12 * 256);
        for (int k = 0; k < 12; k++) {
            WaveSegment w = frames.get(k).wave();
            assertArrayEquals(ramp(32, k * 32), w.samples());
            assertEquals(expected.plusMillis(256L * k), w.deviceTime(), "back to back, the last ending at the reply");
        }
    }

    @Test
    void aSecondPlethObjectIsNotMixedIn() {
        IntellivueDecoder decoder = new IntellivueDecoder(ZoneOffset.UTC);
        List<DeviceFrame> frames = decode(decoder,
                result(8000, CLOCK, pleth(0x301, 0, ramp(32, 0), true), pleth(0x302, 0, ramp(32, 1000), true)),
                result(8000 + 2048, CLOCK.plusNanos(256_000_000), pleth(0x302, 0, ramp(32, 2000), true),
                        pleth(0x301, 0, ramp(32, 32), true)),
                result(8000 + 4096, CLOCK.plusNanos(512_000_000), pleth(0x302, 0, ramp(32, 3000), true)));
        assertEquals(3, frames.size());
        assertEquals(0, frames.get(0).wave().sample(0));
        assertEquals(32, frames.get(1).wave().sample(0), "the followed handle, though second in the result");
        assertEquals(3000, frames.get(2).wave().sample(0), "the other one once the first is gone");
    }

    @Test
    void withoutAbsoluteTimeTheRelativeTimeIsPlacedOnTheMdsClock() {
        IntellivueDecoder decoder = new IntellivueDecoder(ZoneOffset.UTC);
        List<DeviceFrame> frames = new ArrayList<>(decode(decoder,
                IntellivueEncoder.mdsCreateEvent(1, 1000, CLOCK, "SN"),
                result(1000 + 8000, null, pleth(0x301, 0, ramp(32, 0), true))));
        DeviceFrame wave = frames.get(1);
        assertEquals(CLOCK.plusSeconds(1).minusNanos(256_000_000).toInstant(ZoneOffset.UTC), wave.wave().deviceTime());
        assertEquals(CLOCK.plusSeconds(1).toString(), wave.attributes().get("device_time"));
    }

    @Test
    void withoutAnyClockTheWaveHasNoDeviceTime() {
        List<DeviceFrame> frames = decode(new IntellivueDecoder(ZoneOffset.UTC),
                result(9000, null, pleth(0x301, 0, ramp(32, 0), true)));
        assertNull(frames.get(0).wave().deviceTime());
        assertEquals("9000", frames.get(0).attributes().get("device_rel_time"));
    }

    @Test
    void aNewAssociationForgetsTheHandlesAndTheNewestTime() {
        IntellivueDecoder decoder = new IntellivueDecoder(ZoneOffset.UTC);
        byte[] array = result(8000, CLOCK, pleth(0x301, 0, ramp(32, 0), true));
        List<DeviceFrame> frames = decode(decoder, array, IntellivueEncoder.mdsCreateEvent(2, 0, CLOCK, "SN"), array);
        assertEquals(3, frames.size(), "the same array after a new MDS create is no repeat");
        assertTrue(frames.get(2).wave() != null);
    }

    @Test
    void theSetResultTellsWhetherThePlethIsExported() {
        IntellivueDecoder decoder = new IntellivueDecoder();
        List<DeviceFrame> frames = decode(decoder, IntellivueEncoder.setResult(3, List.of(0x00020102L, NLS_NOM_PULS_OXIM_PLETH)),
                IntellivueEncoder.setResult(4, List.of()));
        assertEquals(IntellivueDecoder.KIND_RTSA_PRIORITY, frames.get(0).attributes().get(IntellivueDecoder.KIND));
        assertEquals("0x00020102,0x00024BB4", frames.get(0).attributes().get("rtsa_priority"));
        assertEquals("true", frames.get(0).attributes().get("pleth_exported"));
        assertEquals("false", frames.get(1).attributes().get("pleth_exported"));
        assertEquals(0, decoder.rejectedMessages());
    }

    @Test
    void theStationsWavePollAndPrioritySetParseBack() {
        Messages.PollRequest poll = assertInstanceOf(Messages.PollRequest.class,
                MessageParser.parse(Requests.periodicPoll(11, 12, NOM_MOC_VMO_METRIC_SA_RT, NOM_ATTR_GRP_ALL, 480_000)));
        assertEquals(new Messages.PollRequest(11, NOM_ACT_POLL_MDIB_DATA_EXT, 12, NOM_MOC_VMO_METRIC_SA_RT, 0, 480_000),
                poll);
        Messages.SetRequest set = assertInstanceOf(Messages.SetRequest.class,
                MessageParser.parse(Requests.setRtsaPriority(13, List.of(NLS_NOM_PULS_OXIM_PLETH))));
        assertEquals(new Messages.SetRequest(13, List.of(NLS_NOM_PULS_OXIM_PLETH)), set);
        assertEquals(0, assertInstanceOf(Messages.PollRequest.class,
                MessageParser.parse(Requests.poll(1, 1, true, NOM_MOC_VMO_METRIC_NU, NOM_ATTR_GRP_METRIC_VAL_OBS)))
                .periodTicks(), "a poll answered once");
    }

    @Test
    void aSampleArrayWhoseLengthsLieIsRejectedWhole() {
        byte[] good = HexFormat.ofDelimiter(" ").parseHex(HAND_MADE_WAVE_RESULT.trim());
        for (int at : new int[] {good.length - 17, good.length - 18, good.length - 26 + 2, good.length - 26 + 3}) {
            byte[] bad = good.clone();
            bad[at] = (byte) 0x7F; // a length much longer than what is left
            assertInstanceOf(Messages.Unknown.class, MessageParser.parse(bad), "byte " + at);
            IntellivueDecoder decoder = new IntellivueDecoder();
            assertTrue(decode(decoder, bad).isEmpty());
            assertEquals(1, decoder.rejectedMessages());
        }
        for (int cut = 0; cut < good.length; cut++) {
            Messages.Message m = MessageParser.parse(java.util.Arrays.copyOf(good, cut));
            assertInstanceOf(Messages.Unknown.class, m, "cut at " + cut);
        }
    }
}
