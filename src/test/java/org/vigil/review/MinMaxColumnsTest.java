package org.vigil.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Downsampling for drawing keeps every extreme, whatever the input's length. */
class MinMaxColumnsTest {

    private static double max(Trace t) {
        return t.range()[1];
    }

    private static double min(Trace t) {
        return t.range()[0];
    }

    @Test
    void aSingleSampleSpikeIn30000SamplesSurvivesAtEveryWidth() {
        Random rnd = new Random(7);
        for (int columns : new int[] {1, 7, 100, 1_000, 1_999, 30_000}) {
            int spikeAt = rnd.nextInt(30_000);
            int troughAt = (spikeAt + 12_345) % 30_000;
            MinMaxColumns m = new MinMaxColumns(0, 30_000_000, columns);
            for (int i = 0; i < 30_000; i++) {
                double v = i == spikeAt ? 250 : i == troughAt ? 12 : 70 + rnd.nextGaussian();
                m.add(i * 1_000.0, v);
            }
            Trace t = m.result();
            assertThat(max(t)).as("peak at %d columns", columns).isEqualTo(250);
            assertThat(min(t)).as("trough at %d columns", columns).isEqualTo(12);
            assertThat(t.size()).as("bounded by 4 per column").isLessThanOrEqualTo(4 * columns);
            int at = t.indexAtOrBefore(spikeAt * 1_000.0);
            assertThat(t.value(at)).as("the spike keeps its own time").isEqualTo(250);
        }
    }

    @Test
    void pointsStayInTimeOrderWithFirstAndLastOfEachColumn() {
        MinMaxColumns m = new MinMaxColumns(0, 100, 1);
        double[] v = {5, 9, 1, 4};
        for (int i = 0; i < v.length; i++) {
            m.add(i * 10, v[i]);
        }
        Trace t = m.result();
        assertThat(t.size()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(t.time(i)).isEqualTo(i * 10.0);
            assertThat(t.value(i)).isEqualTo(v[i]);
        }
    }

    @Test
    void aSilenceLongerThanTheGapBreaksTheLineAndAllNanColumnsKeepOneGap() {
        MinMaxColumns m = new MinMaxColumns(0, 1_000_000, 100, 30_000);
        m.add(0, 70);
        m.add(1_000, 71);
        m.add(100_000, 72); // 99 s later: a gap
        m.add(500_000, Double.NaN);
        m.add(501_000, 73);
        Trace t = m.result();
        boolean gapBetween = false;
        for (int i = 0; i < t.size(); i++) {
            if (Double.isNaN(t.value(i)) && t.time(i) > 1_000 && t.time(i) < 100_000) {
                gapBetween = true;
            }
        }
        assertThat(gapBetween).isTrue();
        assertThat(max(t)).isEqualTo(73);
    }

    @Test
    void pointsOutsideTheSpanAreIgnoredAndABadSpanIsRefused() {
        MinMaxColumns m = new MinMaxColumns(1_000, 2_000, 10);
        m.add(999, 500);
        m.add(1_500, 1);
        m.add(2_000, 500);
        assertThat(max(m.result())).isEqualTo(1);
        assertThatThrownBy(() -> new MinMaxColumns(5, 5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MinMaxColumns(0, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
