package org.llmtracker.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N concurrent HTTP clients against a running application (never linked to it: a URL is all it
 * knows), each asking in turn for the descendants of the biggest family, the ancestors of its
 * deepest model, the path between two cousins and one model's detail. It measures a warm
 * phase alone, then, with an admin token, the same load while a writer adds catalogue entries
 * under that family without pause (each write refreshes the ancestry index in its transaction,
 * the write path crawls take). Prints requests/s, p50/p99 and errors per route, and puts the
 * table into BENCHMARKS.md between its load markers.
 *
 * <pre>java -cp bench/target/llm-tracker-bench.jar -Dloader.main=org.llmtracker.bench.HttpLoad \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --url http://127.0.0.1:8080 \
 *   --landmarks ./data/load/landmarks.properties --clients 32 --seconds 30 --warmup 10 --token "$TRACKER_ADMIN_TOKEN"</pre>
 */
public final class HttpLoad {

    static final String START = "<!-- http-load:start -->";
    static final String END = "<!-- http-load:end -->";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    private HttpLoad(String url) {
        this.url = url.replaceAll("/+$", "");
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080";
        Path landmarksFile = Path.of("data/load/landmarks.properties");
        int clients = 32;
        double seconds = 30;
        double warmup = 10;
        String token = null;
        Path out = Path.of("BENCHMARKS.md");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--landmarks" -> landmarksFile = Path.of(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                case "--token" -> token = args[i + 1];
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; known: --url --landmarks --clients --seconds --warmup --token --out");
            }
        }
        Properties landmarks = new Properties();
        try (Reader in = Files.newBufferedReader(landmarksFile)) {
            landmarks.load(in);
        }
        HttpLoad load = new HttpLoad(url);
        List<String> family = load.ids("/api/models/" + landmarks.getProperty("biggestRoot") + "/descendants?size=200");
        List<String> popular = load.ids("/api/models?sort=downloads&size=200");
        List<String> routes = List.of(
                "/api/models/" + landmarks.getProperty("biggestRoot") + "/descendants",
                "/api/models/" + landmarks.getProperty("deepestLeaf") + "/ancestors",
                "/api/lineage/path?from=" + encode(landmarks.getProperty("pathFrom")) + "&to=" + encode(landmarks.getProperty("pathTo")),
                "/api/models/{popular}");

        StringBuilder report = new StringBuilder();
        report.append(START).append("\n## HTTP load\n\n")
                .append("Measured ").append(Instant.now()).append(" against ").append(url).append(", ")
                .append(landmarks.getProperty("models")).append(" generated models (biggest family ")
                .append(landmarks.getProperty("familySize")).append("), ").append(clients).append(" clients, ")
                .append(seconds).append(" s per phase after ").append(warmup).append(" s warm-up, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores (client and server on one machine).\n\n")
                .append("```sh\n").append(command(args)).append("\n```\n\n")
                .append("| phase | route | requests | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|\n");
        load.phase("warm-up", routes, popular, clients, warmup, null, family);
        report.append(load.phase("alone", routes, popular, clients, seconds, null, family).rows());
        if (token != null) {
            Phase writing = load.phase("while writing", routes, popular, clients, seconds, token, family);
            report.append(writing.rows()).append("\nWhile writing: ").append(writing.writes).append(" catalogue writes (")
                    .append(String.format("%.1f", writing.writes / seconds)).append("/s), ").append(writing.writeErrors)
                    .append(" write errors.\n");
        }
        report.append(END).append("\n");
        System.out.println(report);
        update(out, report.toString());
        System.out.println("Updated " + out.toAbsolutePath());
    }

    private Phase phase(String name, List<String> routes, List<String> popular, int clients, double seconds, String token,
            List<String> family) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(new Worker(routes, popular, stop, c));
        }
        Writer writer = token == null ? null : new Writer(token, family, stop);
        List<Thread> threads = new ArrayList<>();
        for (Worker worker : workers) {
            threads.add(new Thread(worker, "load-" + threads.size()));
        }
        if (writer != null) {
            threads.add(new Thread(writer, "load-writer"));
        }
        threads.forEach(Thread::start);
        long started = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new Phase(name, routes, workers, elapsed, writer == null ? 0 : writer.writes.get(),
                writer == null ? 0 : writer.errors.get());
    }

    private record Phase(String name, List<String> routes, List<Worker> workers, double seconds, long writes, long writeErrors) {

        String rows() {
            StringBuilder rows = new StringBuilder();
            List<Long> all = new ArrayList<>();
            long errors = 0;
            for (int r = 0; r < routes.size(); r++) {
                List<Long> latencies = new ArrayList<>();
                long routeErrors = 0;
                for (Worker w : workers) {
                    latencies.addAll(w.latencies.get(r));
                    routeErrors += w.errors[r];
                }
                all.addAll(latencies);
                errors += routeErrors;
                rows.append(row(name, label(routes.get(r)), latencies, routeErrors, seconds));
            }
            return rows.append(row(name, "**all**", all, errors, seconds)).toString();
        }

        private static String label(String route) {
            return route.replaceAll("/api/models/[^?]+/descendants", "descendants (biggest family)")
                    .replaceAll("/api/models/[^?]+/ancestors", "ancestors (deepest model)")
                    .replaceAll("/api/lineage/path.*", "path (two cousins)")
                    .replace("/api/models/{popular}", "model detail");
        }

        private static String row(String phase, String route, List<Long> nanos, long errors, double seconds) {
            nanos.sort(null);
            return String.format("| %s | %s | %d | %.0f | %.1f | %.1f | %d |%n", phase, route, nanos.size(), nanos.size() / seconds,
                    percentile(nanos, 0.50), percentile(nanos, 0.99), errors);
        }

        private static double percentile(List<Long> sorted, double p) {
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    /** One client: the routes in turn, as fast as answers come. */
    private final class Worker implements Runnable {

        private final List<String> routes;
        private final List<String> popular;
        private final AtomicBoolean stop;
        private final List<List<Long>> latencies = new ArrayList<>();
        private final long[] errors;
        private int next;

        Worker(List<String> routes, List<String> popular, AtomicBoolean stop, int offset) {
            this.routes = routes;
            this.popular = popular;
            this.stop = stop;
            this.errors = new long[routes.size()];
            this.next = offset;
            routes.forEach(r -> latencies.add(new ArrayList<>()));
        }

        @Override
        public void run() {
            while (!stop.get()) {
                int r = next++ % routes.size();
                String path = routes.get(r).replace("{popular}", popular.get(ThreadLocalRandom.current().nextInt(popular.size())));
                long started = System.nanoTime();
                boolean ok;
                try {
                    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url + path))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    ok = response.statusCode() == 200;
                } catch (IOException e) {
                    ok = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                latencies.get(r).add(System.nanoTime() - started);
                if (!ok) {
                    errors[r]++;
                }
            }
        }
    }

    /** Adds catalogue entries below models of the biggest family, one after another. */
    private final class Writer implements Runnable {

        private final String token;
        private final List<String> family;
        private final AtomicBoolean stop;
        private final AtomicLong writes = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();

        Writer(String token, List<String> family, AtomicBoolean stop) {
            this.token = token;
            this.family = family;
            this.stop = stop;
        }

        @Override
        public void run() {
            long run = System.currentTimeMillis();
            while (!stop.get()) {
                String parent = family.get(ThreadLocalRandom.current().nextInt(family.size()));
                String id = "load-write-" + run + "-" + writes.get();
                String body = "{\"name\": \"" + id + "\", \"kind\": \"model\", \"baseModels\": [{\"id\": \"" + parent
                        + "\", \"relation\": \"FINETUNE\", \"stages\": [\"SFT\"]}]}";
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/api/catalog/" + id))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() / 100 != 2) {
                        errors.incrementAndGet();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                writes.incrementAndGet();
            }
        }
    }

    private List<String> ids(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + path + " answered " + response.statusCode() + ": " + response.body());
        }
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(response.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException(url + path + " listed no models: is the app running on the load store?");
        }
        return ids;
    }

    /** Puts the load section into the report, replacing an earlier one, keeping everything else. */
    static void update(Path file, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String updated = start >= 0 && end > start
                ? text.substring(0, start) + section.strip() + text.substring(end + END.length())
                : text.stripTrailing() + "\n\n" + section;
        Files.writeString(file, updated);
    }

    /** The section of an existing report, so the lineage benchmark keeps it when it rewrites the file. */
    static String section(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        return start >= 0 && end > start ? text.substring(start, end + END.length()) + "\n" : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String command(String[] args) {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).toList();
        return "java " + String.join(" ", jvm) + " -cp bench/target/llm-tracker-bench.jar -Dloader.main=" + HttpLoad.class.getName()
                + " org.springframework.boot.loader.launch.PropertiesLauncher "
                + String.join(" ", args).replaceAll("--token \\S+", "--token \\$TRACKER_ADMIN_TOKEN");
    }
}
