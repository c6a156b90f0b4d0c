package org.llmtracker.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One phase of the HTTP load: N clients walking the {@link LoadMix} as fast as answers come, and,
 * with an admin token, one writer adding catalogue entries under the biggest family without pause
 * (each write refreshes the ancestry index in its transaction, the write path crawls take).
 */
final class LoadPhase {

    private final HttpClient client;
    private final String url;
    private final LoadMix mix;

    LoadPhase(HttpClient client, String url, LoadMix mix) {
        this.client = client;
        this.url = url;
        this.mix = mix;
    }

    Result run(String name, int clients, double seconds, String token, List<String> family) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(new Worker(stop, c));
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
        Map<LoadMix.Route, List<Long>> latencies = new EnumMap<>(LoadMix.Route.class);
        Map<LoadMix.Route, Long> errors = new EnumMap<>(LoadMix.Route.class);
        for (LoadMix.Route route : LoadMix.Route.values()) {
            List<Long> all = new ArrayList<>();
            long failed = 0;
            for (Worker w : workers) {
                all.addAll(w.latencies.get(route));
                failed += w.errors.get(route).get();
            }
            latencies.put(route, all);
            errors.put(route, failed);
        }
        return new Result(name, latencies, errors, elapsed, writer == null ? 0 : writer.writes.get(),
                writer == null ? 0 : writer.errors.get());
    }

    record Result(String name, Map<LoadMix.Route, List<Long>> latencies, Map<LoadMix.Route, Long> errors,
            double seconds, long writes, long writeErrors) {

        String rows() {
            StringBuilder rows = new StringBuilder();
            List<Long> all = new ArrayList<>();
            long errorCount = 0;
            for (LoadMix.Route route : LoadMix.Route.values()) {
                all.addAll(latencies.get(route));
                errorCount += errors.get(route);
                rows.append(row(name, route.label, latencies.get(route), errors.get(route), seconds));
            }
            return rows.append(row(name, "**all**", all, errorCount, seconds)).toString();
        }

        private static String row(String phase, String route, List<Long> nanos, long errors, double seconds) {
            List<Long> sorted = new ArrayList<>(nanos);
            sorted.sort(null);
            return String.format("| %s | %s | %d | %.0f | %.1f | %.1f | %d |%n", phase, route, sorted.size(),
                    sorted.size() / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), errors);
        }

        private static double percentile(List<Long> sorted, double p) {
            return sorted.isEmpty() ? Double.NaN
                    : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    /** One client: the mix in turn, as fast as answers come; anything but 200 counts as an error. */
    private final class Worker implements Runnable {

        private final AtomicBoolean stop;
        private final Map<LoadMix.Route, List<Long>> latencies = new EnumMap<>(LoadMix.Route.class);
        private final Map<LoadMix.Route, AtomicLong> errors = new EnumMap<>(LoadMix.Route.class);
        private final LoadMix.Typing typing;
        private int next;

        Worker(AtomicBoolean stop, int offset) {
            this.stop = stop;
            this.next = offset;
            this.typing = mix.new Typing();
            for (LoadMix.Route route : LoadMix.Route.values()) {
                latencies.put(route, new ArrayList<>());
                errors.put(route, new AtomicLong());
            }
        }

        @Override
        public void run() {
            while (!stop.get()) {
                LoadMix.Route route = LoadMix.CYCLE.get(next++ % LoadMix.CYCLE.size());
                String path = mix.path(route, typing);
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
                latencies.get(route).add(System.nanoTime() - started);
                if (!ok) {
                    errors.get(route).incrementAndGet();
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
}
