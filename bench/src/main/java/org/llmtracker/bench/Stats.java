package org.llmtracker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Latency percentiles of repeated runs, in milliseconds. */
public record Stats(double p50, double p95, int runs) {

    /** Enough measured runs for a steady p95 of a sub-millisecond question, without letting one run for ever. */
    static final int MAX_RUNS = 5_000;

    /**
     * Runs {@code work} unmeasured at least {@code warmup} times and {@code seconds} long (a
     * server answers warm: the JIT has compiled the path and the caches hold the data), then
     * measured at least {@code runs} times and {@code seconds} long, at most {@link #MAX_RUNS}
     * times; returns the stats and the last answer.
     */
    public static <T> Timed<T> measure(Supplier<T> work, int warmup, int runs, double seconds) {
        long budget = (long) (seconds * 1e9);
        T answer = null;
        long started = System.nanoTime();
        for (int i = 0; i < warmup || System.nanoTime() - started < budget; i++) {
            answer = work.get();
        }
        List<Double> millis = new ArrayList<>();
        started = System.nanoTime();
        while (millis.size() < MAX_RUNS && (millis.size() < runs || System.nanoTime() - started < budget)) {
            long run = System.nanoTime();
            answer = work.get();
            millis.add((System.nanoTime() - run) / 1e6);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Timed<>(new Stats(percentile(sorted, 50), percentile(sorted, 95), sorted.length), answer);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public record Timed<T>(Stats stats, T answer) {
    }
}
