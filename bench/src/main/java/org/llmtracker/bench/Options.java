package org.llmtracker.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options. {@code --sizes 10000,100000,1000000 --runs 20 --warmup 3 --seconds 3 --seed 42
 * --page-cache-mb 4096 --pg-url jdbc:postgresql://localhost:5432/postgres --pg-user postgres
 * --pg-password ... --out BENCHMARKS.md --skip-writer false}; the password defaults to {@code PGPASSWORD}, then "postgres".
 */
public record Options(List<Integer> sizes, int runs, int warmup, double seconds, long seed, long pageCacheMegabytes, String pgUrl,
        String pgUser, String pgPassword, Path out, boolean skipWriter) {

    public static Options parse(String[] args) {
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        int runs = 20;
        int warmup = 3;
        double seconds = 3;
        long seed = 42;
        long pageCache = 4096;
        String url = "jdbc:postgresql://localhost:5432/postgres";
        String user = "postgres";
        String password = System.getenv().getOrDefault("PGPASSWORD", "postgres");
        Path out = Path.of("BENCHMARKS.md");
        boolean skipWriter = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i++]) {
                case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--page-cache-mb" -> pageCache = Long.parseLong(value);
                case "--pg-url" -> url = value;
                case "--pg-user" -> user = value;
                case "--pg-password" -> password = value;
                case "--out" -> out = Path.of(value);
                case "--skip-writer" -> skipWriter = Boolean.parseBoolean(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]
                        + "; known: --sizes --runs --warmup --seconds --seed --page-cache-mb --pg-url --pg-user --pg-password --out --skip-writer");
            }
        }
        if (runs < 1 || warmup < 0 || seconds < 0) {
            throw new IllegalArgumentException("--runs must be at least 1, --warmup and --seconds at least 0");
        }
        return new Options(sizes, runs, warmup, seconds, seed, pageCache, url, user, password, out, skipWriter);
    }
}
