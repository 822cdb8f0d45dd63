package org.vigil.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vigil.device.protocol.DeviceFrame;
import org.vigil.device.protocol.FrameDecoder;
import org.vigil.domain.Measurement;
import org.vigil.domain.MetricCode;
import org.vigil.domain.Reading;
import org.vigil.domain.Vital;

/** Metrics that are no alarmable vital are handed on beside the readings, never silently dropped. */
class DeviceStreamUnalarmedTest {

    /** Every byte is one frame: SpO2 97 and an invasive systolic pressure of 118 mmHg. */
    private static final class OneFramePerByte implements FrameDecoder {
        @Override
        public void decode(ByteBuffer in, Consumer<DeviceFrame> out) {
            while (in.hasRemaining()) {
                in.get();
                out.accept(new DeviceFrame(List.of(Measurement.of(Vital.SPO2, 97),
                        Measurement.unalarmed(MetricCode.mdc("MDC_PRESS_BLD_ART_ABP_SYS"), 118, "mmHg", Set.of())),
                        Set.of(), Map.of()));
            }
        }

        @Override
        public long discardedBytes() {
            return 0;
        }

        @Override
        public int maxFrameLength() {
            return 1;
        }
    }

    @Test
    void unalarmedMetricsGoToTheirSinkAndReadingsToTheChair() {
        List<Reading> readings = new ArrayList<>();
        List<Measurement> others = new ArrayList<>();
        DeviceStream s = new DeviceStream("mon", new OneFramePerByte(), InstantSource.fixed(Instant.EPOCH),
                (id, rs) -> readings.addAll(rs), (id, ms) -> others.addAll(ms));
        s.receive(new byte[] {1, 2}, 2);
        assertEquals(2, readings.size());
        assertEquals(List.of(Vital.SPO2, Vital.SPO2), readings.stream().map(Reading::vital).toList());
        assertEquals(2, others.size());
        assertEquals("MDC_PRESS_BLD_ART_ABP_SYS", others.get(0).metric().code());
        assertEquals(2, s.unalarmedMeasurements());
    }
}
