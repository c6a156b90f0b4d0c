package org.llmtracker.api.crawls;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.api.web.ListPages;
import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.api.web.Params;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class CrawlController {

    private final CrawlRunner runner;
    private final CrawlRunStore runs;
    private final TaskExecutor executor;

    CrawlController(CrawlRunner runner, CrawlRunStore runs, TaskExecutor executor) {
        this.runner = runner;
        this.runs = runs;
        this.executor = executor;
    }

    @Operation(summary = "Run a job now (admin)",
            description = "With wait=true the answer comes when the run ends, with the run; otherwise 202 at once. 409 with the run under way while the job is already running, on this or any instance sharing the store. "
                    + "full=true (hub-sweep only) makes the run a full pass of the Hub's listing, or resumes the full pass under way.")
    @PostMapping("/api/crawls/{job}")
    ResponseEntity<?> crawl(@PathVariable String job, @RequestParam(defaultValue = "false") boolean wait,
            @RequestParam(defaultValue = "false") boolean full) {
        if (!runner.knows(job)) {
            throw new NotFoundException("No job named '" + job + "'; jobs are " + runner.jobs());
        }
        Set<String> options = full ? Set.of("full") : Set.of();
        if (!runner.options(job).containsAll(options)) {
            throw new BadParameterException("full", "Job '" + job + "' has no full pass; only hub-sweep takes full=true");
        }
        // Claimed before answering, in the shared store: of two instances asked at once, one runs
        // the job and the other answers 409 with that run, whichever instance holds it.
        CrawlRunner.Claim claim = runner.claim(job, options);
        if (!claim.ours()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(claim.run());
        }
        if (wait) {
            return ResponseEntity.ok(runner.execute(claim));
        }
        executor.execute(() -> runner.execute(claim));
        return ResponseEntity.accepted().body(Map.of("job", job, "status", "ACCEPTED"));
    }

    @Operation(summary = "Recorded job runs, newest first",
            description = "A JSON list, as it always was; page and size page through it (limit is size's older name), "
                    + "X-Total-Count says how many runs there are and Link names the next and previous pages.")
    @GetMapping("/api/crawl-runs")
    ResponseEntity<List<CrawlRun>> runs(@RequestParam(required = false) String job,
            @RequestParam(required = false) Integer limit, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        int pageSize = size != null ? Params.size(size)
                : Params.within("limit", limit == null ? Params.DEFAULT_PAGE_SIZE : limit, 1, Params.MAX_PAGE_SIZE);
        int pageNumber = Params.page(page);
        int offset = Params.offset(pageNumber, pageSize);
        return ListPages.of(runs.list(job, offset, pageSize), runs.count(job), pageNumber, pageSize);
    }

    @GetMapping("/api/crawl-runs/{id}")
    CrawlRun run(@PathVariable String id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("No crawl run with id '" + id + "'"));
    }
}
