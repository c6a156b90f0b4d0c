package org.llmtracker.api.site;

import java.util.Locale;

import org.springframework.context.MessageSource;

import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.graph.run.CrawlRunStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Recorded job runs, newest first: status, counts, requests and errors. */
@Controller
class CrawlRunsPageController {

    private static final int RUNS = 100;

    private final CrawlRunner runner;
    private final CrawlRunStore runs;
    private final MessageSource messages;

    CrawlRunsPageController(CrawlRunner runner, CrawlRunStore runs, MessageSource messages) {
        this.messages = messages;
        this.runner = runner;
        this.runs = runs;
    }

    @GetMapping("/crawl-runs")
    String runs(@RequestParam(required = false) String job, Model model, Locale locale) {
        String only = job == null || job.isBlank() ? null : job;
        if (only != null && !runner.knows(only)) {
            throw new NotFoundException("No job named '" + only + "'; jobs are " + runner.jobs());
        }
        model.addAttribute("title", messages.getMessage("runs.title", null, locale));
        model.addAttribute("job", only);
        model.addAttribute("jobs", runner.jobs());
        model.addAttribute("runs", runs.list(only, RUNS));
        return "crawl-runs";
    }
}
