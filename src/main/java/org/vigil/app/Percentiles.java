package org.vigil.app;

import java.util.Arrays;

/** Summary of a latency sample in microseconds (nearest-rank percentiles). */
record Percentiles(int count, double p50, double p90, double p99, double max) {

    static Percentiles ofNanos(long[] nanos, int n) {
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        return new Percentiles(n, rank(s, 0.50), rank(s, 0.90), rank(s, 0.99), s[n - 1] / 1000.0);
    }

    private static double rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "n=%d p50=%.0f µs p90=%.0f µs p99=%.0f µs max=%.0f µs", count, p50, p90, p99, max);
    }
}
