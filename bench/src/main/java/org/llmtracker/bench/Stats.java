package org.llmtracker.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/** Latency percentiles of repeated runs, in milliseconds. */
public record Stats(double p50, double p95, int runs) {

    /** Runs {@code work} {@code warmup} times unmeasured, then {@code runs} times measured; returns the stats and the last answer. */
    public static <T> Timed<T> measure(Supplier<T> work, int warmup, int runs) {
        T answer = null;
        for (int i = 0; i < warmup; i++) {
            answer = work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            answer = work.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return new Timed<>(new Stats(percentile(millis, 50), percentile(millis, 95), runs), answer);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public record Timed<T>(Stats stats, T answer) {
    }
}
