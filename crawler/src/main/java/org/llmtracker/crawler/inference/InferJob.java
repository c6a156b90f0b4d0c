package org.llmtracker.crawler.inference;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.llmtracker.crawler.huggingface.HubClient;
import org.llmtracker.crawler.http.RateLimitedException;
import org.llmtracker.crawler.http.RequestMeter;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.http.UpstreamDownException;
import org.llmtracker.crawler.http.UpstreamException;
import org.llmtracker.crawler.huggingface.HubException;
import org.llmtracker.crawler.huggingface.HubSettings;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.inference.InferenceReads;
import org.llmtracker.graph.inference.InferredLink;
import org.llmtracker.graph.inference.InferredLinks;
import org.llmtracker.graph.inference.InferredLinks.Decision;
import org.llmtracker.graph.hub.LineageWriter;
import org.llmtracker.graph.inference.ModelTraits;

/**
 * The {@code infer} job: a parent for every stored Hub model that declares none. It first lets
 * declarations replace inferred links and drops links the settings no longer keep; then, for each
 * such model (never-checked first), it judges candidates from the graph, and asks the Hub (the
 * model's own facts, a search by name, its card) only while the run's request budget lasts. A
 * model the budget does not reach waits for the next run.
 */
public final class InferJob implements Job {

    /** Models decided per write transaction: large enough that a million-model run is not dominated by commits. */
    private static final int BATCH = 2_000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InferJob.class);
    /** Models looked at per run at most (they are in memory already, as candidates); those judged from the graph alone cost no request. */
    private static final int MAX_SUBJECTS = 5_000_000;

    private final HubSettings hub;
    private final InferenceSettings settings;
    private final InferenceReads reads;
    private final InferredLinks links;
    private final LineageWriter lineage;
    private final Clock clock;
    private final Upstream http;

    public InferJob(HubSettings hub, InferenceSettings settings, InferenceReads reads, InferredLinks links, LineageWriter lineage,
            Clock clock, Upstream http) {
        this.hub = hub;
        this.settings = settings;
        this.reads = reads;
        this.links = links;
        this.lineage = lineage;
        this.clock = clock;
        this.http = http;
    }

    @Override
    public String job() {
        return "infer";
    }

    @Override
    public void run(CrawlRecorder recorder) {
        recorder.add("yielded", links.yieldToDeclarations());
        recorder.add("pruned", links.prune(settings.minConfidence(), settings.fineTunes()));
        RequestMeter.Reading before = http.meter().read();
        try {
            runWith(new HubClient(hub, http), before, recorder);
        } finally {
            recorder.addRequests(http.meter().read().minus(before).requests());
        }
    }

    private void runWith(HubClient client, RequestMeter.Reading before, CrawlRecorder recorder) {
        long started = System.nanoTime();
        HubCandidates candidates = new HubCandidates(reads, client,
                () -> (int) Math.max(Integer.MIN_VALUE, settings.maxRequests() - http.meter().read().minus(before).requests()),
                recorder);
        List<ModelFacts> subjects = learn(candidates.subjects(MAX_SUBJECTS), candidates, recorder);
        log.info("infer: {} models read as candidates, {} due a check, in {} ms", candidates.size(), subjects.size(),
                (System.nanoTime() - started) / 1_000_000);
        ParentFinder finder = new ParentFinder(settings);
        List<Decision> decisions = new ArrayList<>();
        Map<String, ModelFacts> newParents = new LinkedHashMap<>();
        List<ModelFacts> unattributed = new ArrayList<>();
        Pass pass = new Pass(candidates, finder, decisions, newParents, recorder);
        // Collisions whose card names a creator no candidate's owner matched get a second look, with the
        // creators' display names this run has learned from the models it settled (CreatorAliases).
        if (pass.judge(subjects, unattributed)) {
            pass.judge(unattributed, null);
        }
        write(decisions, newParents, recorder);
        log.info("infer: {} checked, {} second looks, in {} ms", subjects.size(), unattributed.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * First pass: what the Hub says of each model's weights where the graph does not know yet (one
     * request each, within the budget), kept in the graph and in the run's candidates, so every
     * model is judged against the same facts, in this run and the next.
     */
    private List<ModelFacts> learn(List<ModelFacts> stored, HubCandidates candidates, CrawlRecorder recorder) {
        List<ModelFacts> subjects = new ArrayList<>();
        List<ModelTraits> learned = new ArrayList<>();
        for (ModelFacts subject : stored) {
            if (recorder.overDeadline()) {
                break;
            }
            ModelFacts facts = subject;
            boolean unknown = facts.modelType() == null && facts.ggufArchitecture() == null;
            if (unknown && !candidates.mayAsk("ModelInfo")) {
                candidates.unlearned(facts);
            } else if (unknown) {
                try {
                    Optional<ModelFacts> own = candidates.fromHub(subject.id());
                    if (own.isEmpty()) {
                        recorder.count("unreachable");
                        continue;
                    }
                    facts = candidates.learn(facts, own.get());
                    learned.add(HubCandidates.traits(facts));
                } catch (UncheckedIOException e) {
                    if (stops(e, recorder)) {
                        break;
                    }
                    recorder.itemFailed(subject.id(), UpstreamException.describe(e.getCause()));
                    continue;
                } catch (HubException e) {
                    recorder.itemFailed(subject.id(), e.getMessage());
                    continue;
                }
            }
            subjects.add(facts);
        }
        links.describe(learned);
        return subjects;
    }

    /** One model's decision; null when it waits (for the budget, or, with {@code later} given, for the second look). */
    private Decision decide(ModelFacts child, HubCandidates candidates, ParentFinder finder, Map<String, ModelFacts> newParents,
            CrawlRecorder recorder, List<ModelFacts> later) {
        candidates.begin(child);
        Optional<Inference> inference = finder.infer(child, candidates);
        boolean kept = inference.isPresent() && settings.keeps(inference.get());
        if (kept) {
            finder.learn(child, inference.get());
        } else if (later != null && inference.isPresent() && inference.get().unattributed()) {
            later.add(child);
            return null;
        }
        if (!kept && candidates.starved() && inference.isPresent()) {
            // The budget refused a request that might have settled an open question: the model waits,
            // unchecked, for the next run. A model nothing is named like is checked all the same (the graph,
            // which the sweep fills, is the main source); it is looked at again when it or a namesake changes.
            recorder.count("waiting");
            return null;
        }
        recorder.count("checked");
        InferredLink link = null;
        if (kept) {
            Inference i = inference.get();
            link = new InferredLink(child.id(), i.parent(), i.relation(), i.confidence(), i.evidence());
            recorder.count("inferred" + capitalised(i.relation().name()));
            ModelFacts onlyOnHub = candidates.onlyOnHub(i.parent());
            if (onlyOnHub != null) {
                newParents.putIfAbsent(onlyOnHub.key(), onlyOnHub);
            }
        } else {
            recorder.count(inference.isEmpty() ? "noCandidate" : inference.get().ambiguous() ? "ambiguous" : "belowThreshold");
            if (later == null) {
                recorder.count("secondLooks");
            }
        }
        return new Decision(child.id(), link);
    }

    private void write(List<Decision> decisions, Map<String, ModelFacts> newParents, CrawlRecorder recorder) {
        if (!newParents.isEmpty()) {
            lineage.upsertModels(newParents.values().stream().map(InferJob::hubModel).toList(), clock.instant());
            links.describe(newParents.values().stream().map(HubCandidates::traits).toList());
            recorder.add("parentsStored", newParents.size());
            newParents.clear();
        }
        if (decisions.isEmpty()) {
            return;
        }
        InferredLinks.Written written = links.record(decisions, clock.instant());
        recorder.add("linked", written.written());
        recorder.add("refusedCycles", written.refused().size());
        decisions.clear();
    }

    /** A rate limit ends the run PARTIAL, an unreachable Hub ends it at once; true when the run must stop. */
    private static boolean stops(UncheckedIOException e, CrawlRecorder recorder) {
        RateLimitedException limited = RateLimitedException.find(e);
        UpstreamDownException down = UpstreamException.find(e, UpstreamDownException.class);
        if (limited != null) {
            recorder.stopEarly(limited.getMessage());
        } else if (down != null) {
            recorder.abort(down.getMessage());
        }
        return limited != null || down != null;
    }

    private static HubModel hubModel(ModelFacts m) {
        String owner = m.id().contains("/") ? m.id().substring(0, m.id().indexOf('/')) : null;
        return new HubModel(m.id(), owner, m.downloads(), null, null, m.libraryName(), m.parameters(), null, m.createdAt(), null, null);
    }

    private static String capitalised(String relation) {
        return relation.charAt(0) + relation.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** One pass over models to judge, writing every {@code BATCH} decisions. */
    private final class Pass {
        private final HubCandidates candidates;
        private final ParentFinder finder;
        private final List<Decision> decisions;
        private final Map<String, ModelFacts> newParents;
        private final CrawlRecorder recorder;

        Pass(HubCandidates candidates, ParentFinder finder, List<Decision> decisions, Map<String, ModelFacts> newParents,
                CrawlRecorder recorder) {
            this.candidates = candidates;
            this.finder = finder;
            this.decisions = decisions;
            this.newParents = newParents;
            this.recorder = recorder;
        }

        /** @return false when the run must stop (deadline, rate limit, the Hub unreachable) */
        boolean judge(List<ModelFacts> children, List<ModelFacts> unattributed) {
            for (ModelFacts child : children) {
                if (recorder.overDeadline()) {
                    return false;
                }
                try {
                    Decision decision = decide(child, candidates, finder, newParents, recorder, unattributed);
                    if (decision != null) {
                        decisions.add(decision);
                    }
                } catch (UncheckedIOException e) {
                    if (stops(e, recorder)) {
                        return false;
                    }
                    recorder.itemFailed(child.id(), UpstreamException.describe(e.getCause()));
                } catch (HubException e) {
                    recorder.itemFailed(child.id(), e.getMessage());
                }
                if (decisions.size() >= BATCH) {
                    write(decisions, newParents, recorder);
                }
            }
            return true;
        }
    }
}
