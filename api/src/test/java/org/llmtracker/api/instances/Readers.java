package org.llmtracker.api.instances;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.llmtracker.api.testing.Http;

/**
 * A reader loop against one instance while others write: the public reads a user makes, one after
 * another, counting answers and errors (any status but 200, or no answer at all).
 */
final class Readers implements AutoCloseable {

    static final List<String> ROUTES = List.of("/api/models?q=model&size=20", "/api/models/llama",
            "/api/models/llama/descendants?size=20", "/api/crawl-runs?job=hub-sweep&limit=5", "/api/families?size=10");

    private final String instance;
    private final Http http;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong reads = new AtomicLong();
    private final List<String> errors = new ArrayList<>();
    private final Thread thread;

    Readers(String instance, Http http) {
        this.instance = instance;
        this.http = http;
        this.thread = new Thread(this::loop, "reader-" + instance);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        for (int i = 0; !stop.get(); i++) {
            String route = ROUTES.get(i % ROUTES.size());
            try {
                Http.Response answer = http.get(route);
                if (answer.status() != 200) {
                    error(route + " -> " + answer.status() + " " + answer.body());
                }
            } catch (RuntimeException e) {
                if (!stop.get()) {
                    error(route + " -> " + e);
                }
            }
            reads.incrementAndGet();
        }
    }

    private synchronized void error(String what) {
        if (errors.size() < 20) {
            errors.add(what);
        }
    }

    String instance() {
        return instance;
    }

    long reads() {
        return reads.get();
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** Stops after the read under way. */
    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(70_000);
    }
}
