package org.vigil.device.protocol.nonin;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.vigil.device.protocol.DecoderContract;
import org.vigil.device.protocol.FrameDecoder;

/** The decoder contract for each Nonin data format, on packets built by the spec. */
class NoninDecoderContractTest {

    /** DF2 on the research pack's packet layout (HR 72, SpO2 97) and two more packets. */
    @Nested
    class Df2 extends DecoderContract {
        @Override
        protected FrameDecoder newDecoder() {
            return new NoninDecoder(NoninFormat.DF2);
        }

        @Override
        protected List<byte[]> sampleFrames() {
            return List.of(NoninBytes.packet(NoninFormat.DF2, 72, 97, 0x02), NoninBytes.packet(NoninFormat.DF2, 300, 88, 0x24),
                    NoninBytes.packet(NoninFormat.DF2, 511, 127, 0x18));
        }
    }

    @Nested
    class Df7 extends DecoderContract {
        @Override
        protected FrameDecoder newDecoder() {
            return new NoninDecoder(NoninFormat.DF7);
        }

        @Override
        protected List<byte[]> sampleFrames() {
            return List.of(NoninBytes.packet(NoninFormat.DF7, 72, 97, 0x02), NoninBytes.packet(NoninFormat.DF7, 300, 88, 0x24),
                    NoninBytes.packet(NoninFormat.DF7, 511, 127, 0x18));
        }
    }

    @Nested
    class Df8 extends DecoderContract {
        @Override
        protected FrameDecoder newDecoder() {
            return new NoninDecoder(NoninFormat.DF8);
        }

        @Override
        protected List<byte[]> sampleFrames() {
            return List.of(NoninBytes.df8(0, 72, 97, 0), NoninBytes.df8(0x24, 300, 88, 0x01), NoninBytes.df8(0x10, 511, 127, 0x08));
        }

        /**
         * DF8 has no checksum and no unique start byte (a record is bit 7 set on its first byte
         * only), so random bytes often are records. Garbage here is bytes with bit 7 set, which
         * can begin no record: a record needs three bytes with bit 7 clear after its first.
         */
        @Override
        protected byte[] garbage(Random random) {
            byte[] b = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (0x80 | random.nextInt(128));
            }
            return b;
        }
    }
}
