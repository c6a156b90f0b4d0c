package org.llmtracker.api.web;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one thread that reads stale {@link KeptAnswers} again. One, so that under load the re-reads
 * wait their turn on it (and the answers given meanwhile grow older) rather than take both cores
 * from the requests. Not an {@code Executor} bean: one would stand in for the application's task
 * executor, which Spring Boot then leaves out.
 */
@Component
public class Rereads implements DisposableBean {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(reread -> {
        Thread t = new Thread(reread, "kept-answers-reread");
        t.setDaemon(true);
        return t;
    });

    public void submit(Runnable reread) {
        thread.execute(reread);
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
