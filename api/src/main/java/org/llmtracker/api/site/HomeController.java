package org.llmtracker.api.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.llmtracker.api.digest.DigestService;
import org.llmtracker.api.digest.DigestOutline;
import org.llmtracker.api.i18n.Texts;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.graph.lineage.FamilyQueries;
import org.llmtracker.graph.model.ModelFilter;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.model.ModelSummary;
import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: search, the biggest families, the latest digest's headlines, and how the crawls are doing. */
@Controller
class HomeController {

    static final int RESULTS = 20;
    static final int FAMILIES = 10;

    private final ModelQueries models;
    private final FamilyQueries families;
    private final DigestService digests;
    private final CrawlRunner runner;
    private final CrawlRunStore runs;
    private final MessageSource messages;

    HomeController(ModelQueries models, FamilyQueries families, DigestService digests, CrawlRunner runner,
            CrawlRunStore runs, MessageSource messages) {
        this.messages = messages;
        this.models = models;
        this.families = families;
        this.digests = digests;
        this.runner = runner;
        this.runs = runs;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String q, Model model, Locale locale) {
        if (q != null && !q.isBlank()) {
            Page<ModelSummary> found = models.list(
                    new ModelFilter(q, null, null, null, null, null, ModelFilter.Sort.RELEVANCE), 0, RESULTS);
            model.addAttribute("q", q.trim());
            model.addAttribute("results", found);
        }
        model.addAttribute("families", families.families(null, 0, FAMILIES));
        // The same bounded sections as the digest itself (job health has its own table here).
        digests.latest().ifPresent(latest -> {
            DigestOutline outline = DigestOutline.of(latest.digest(), new Texts(messages, locale), "");
            model.addAttribute("digest", latest.digest());
            model.addAttribute("summary", outline.summary());
            model.addAttribute("headlines", outline.sections().stream()
                    .filter(s -> s.slug() != null && !s.items().isEmpty()).toList());
        });
        List<JobHealth> health = new ArrayList<>();
        for (String job : runner.jobs()) {
            health.add(new JobHealth(job, runs.list(job, 1).stream().findFirst().orElse(null)));
        }
        model.addAttribute("health", health);
        model.addAttribute("title", "llm-tracker");
        return "home";
    }

    /** A job and its last run; null when it never ran. */
    public record JobHealth(String job, CrawlRun last) {
    }
}
