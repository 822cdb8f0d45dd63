package org.vigil.device.protocol;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The kit itself: a correct toy decoder passes the whole contract ({@link ToyContract}), and each
 * classic decoder bug makes the contract test that is meant to catch it fail.
 */
class DecoderContractSelfTest {

    enum Bug { NONE, THROWS_ON_0xEE, EMITS_PARTIAL_FRAME, DOES_NOT_COUNT_DISCARDS, UNBOUNDED }

    /** Toy protocol: 0x02, 1 to 10 ASCII digits, 0x03. */
    static final class ToyDecoder implements FrameDecoder {
        private static final int MAX = 12;
        private final Bug bug;
        private long discarded;

        ToyDecoder(Bug bug) {
            this.bug = bug;
        }

        @Override
        public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
            while (in.hasRemaining()) {
                int start = in.position();
                if (in.get(start) != 0x02) {
                    skip(in, 1);
                    continue;
                }
                int i = start + 1;
                boolean restarted = false;
                while (i < in.limit() && (bug == Bug.UNBOUNDED || i - start < MAX)) {
                    byte b = in.get(i);
                    if (bug == Bug.THROWS_ON_0xEE && b == (byte) 0xEE) {
                        throw new IllegalStateException("0xEE");
                    }
                    if (b == 0x03 && i > start + 1) {
                        byte[] digits = new byte[i - start - 1];
                        in.get(start + 1, digits);
                        in.position(i + 1);
                        out.accept(frame(new String(digits, StandardCharsets.US_ASCII)));
                        restarted = true;
                        break;
                    }
                    if (b < '0' || b > '9') {
                        skip(in, i - start + (b == 0x02 ? 0 : 1));
                        restarted = true;
                        break;
                    }
                    i++;
                }
                if (restarted) {
                    continue;
                }
                if (i - start >= MAX && bug != Bug.UNBOUNDED) {
                    skip(in, i - start);
                    continue;
                }
                if (bug == Bug.EMITS_PARTIAL_FRAME && i > start + 1) {
                    byte[] digits = new byte[i - start - 1];
                    in.get(start + 1, digits);
                    in.position(i);
                    out.accept(frame(new String(digits, StandardCharsets.US_ASCII)));
                }
                return;
            }
        }

        private void skip(ByteBuffer in, int n) {
            in.position(in.position() + n);
            if (bug != Bug.DOES_NOT_COUNT_DISCARDS) {
                discarded += n;
            }
        }

        private static DeviceFrame frame(String value) {
            return new DeviceFrame(List.of(), Set.of(), Map.of("value", value));
        }

        @Override
        public long discardedBytes() {
            return discarded;
        }

        @Override
        public int maxFrameLength() {
            return MAX;
        }
    }

    private static class ToyContract extends DecoderContract {
        private final Bug bug;

        ToyContract() {
            this(Bug.NONE);
        }

        ToyContract(Bug bug) {
            this.bug = bug;
        }

        @Override
        protected FrameDecoder newDecoder() {
            return new ToyDecoder(bug);
        }

        @Override
        protected List<byte[]> sampleFrames() {
            return List.of(frame("123"), frame("4567890"), frame("0"), frame("99"));
        }

        private static byte[] frame(String digits) {
            byte[] b = new byte[digits.length() + 2];
            b[0] = 0x02;
            System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, b, 1, digits.length());
            b[b.length - 1] = 0x03;
            return b;
        }
    }

    /** The correct toy decoder passes every test of the kit. */
    @Nested
    class CorrectToyDecoder extends ToyContract {
    }

    @Test
    void aDecoderThatThrowsOnSomeByteFails() {
        assertThrows(AssertionError.class,
                () -> new ToyContract(Bug.THROWS_ON_0xEE).seededRandomInputNeverThrowsAndTheDecoderResynchronisesWithinOneFrame());
    }

    @Test
    void aDecoderThatEmitsAPartialFrameFails() {
        assertThrows(AssertionError.class, () -> new ToyContract(Bug.EMITS_PARTIAL_FRAME).aStreamCutShortEmitsNoPartialFrame());
        assertThrows(AssertionError.class,
                () -> new ToyContract(Bug.EMITS_PARTIAL_FRAME).splittingAtEveryIndexGivesTheSameFramesAndDiscardCount());
    }

    @Test
    void aDecoderThatDoesNotCountDiscardsFails() {
        assertThrows(AssertionError.class,
                () -> new ToyContract(Bug.DOES_NOT_COUNT_DISCARDS).garbageBeforeBetweenAndAfterFramesCostsNoFrameAndIsCounted());
    }

    @Test
    void anUnboundedDecoderFails() {
        assertThrows(AssertionError.class,
                () -> new ToyContract(Bug.UNBOUNDED).anOverLongFrameIsGivenUpAtTheBoundAndTheNextFramesDecode());
    }
}
