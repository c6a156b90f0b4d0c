package org.llmtracker.crawler.sweep;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.llmtracker.crawler.http.RateLimitedException;
import org.llmtracker.crawler.http.RequestMeter;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.http.UpstreamException;
import org.llmtracker.crawler.huggingface.HubEntry;
import org.llmtracker.crawler.huggingface.HubException;
import org.llmtracker.crawler.huggingface.HubListing;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.SweepState;
import org.llmtracker.graph.hub.SweepStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code hub-sweep} job: every model on the Hub, from its listing, newest change first, one
 * bulk-written page at a time, with the page's cursor committed in the page's transaction.
 *
 * <ul>
 * <li>An <b>incremental</b> pass stops at the first model changed before the last complete
 *     pass's watermark minus the overlap: it costs a page per thousand changed models.</li>
 * <li>A <b>full</b> pass (asked for, or due every {@code fullPassEvery}) reads the whole listing,
 *     then catches up with what changed while it read (those models moved ahead of its cursor:
 *     from the first page down to the pass's first change minus the overlap), and only then marks
 *     the listed models it did not see {@code unlisted}.</li>
 * <li>A full pass that starts while the store holds fewer than {@code firstFillBelow} models is a
 *     <b>first fill</b>: its pages leave the ancestry index alone, and it is built in bulk, resumably,
 *     when the run ends ({@link HubListingStore#finishFirstFill}); if the pass is not over, its
 *     remaining pages keep the index page by page.</li>
 * <li>A run cut short (a rate-limit wait longer than the Hub's {@code max-wait}, a failing Hub, a
 *     crash, a stop) leaves the pass where its last stored page put it; the next run resumes
 *     there. A cursor the Hub no longer accepts begins the pass again from its first page.</li>
 * <li>A listing whose paging loops (a {@code Link} back to a page the pass read) or runs past
 *     {@link SweepSettings#maxPages()} ends the run FAILED, and the pass begins again from its
 *     first page at the next run, not inside the loop.</li>
 * </ul>
 */
public final class HubSweep implements Job {

    public static final String NAME = "hub-sweep";
    /** The option that asks for a full pass now. */
    public static final String FULL = "full";

    private static final Logger log = LoggerFactory.getLogger(HubSweep.class);

    private final SweepSettings settings;
    private final HubListing listing;
    private final Upstream http;
    private final HubListingStore store;
    private final SweepStates states;
    private final Clock clock;
    private final ListingPages pages;

    /** @param http the Hub behind the HTTP policy, holding the sweep's share of the Hub's rate window */
    public HubSweep(SweepSettings settings, Upstream http, HubListing listing, HubListingStore store, SweepStates states,
            Clock clock) {
        this.settings = settings;
        this.pages = new ListingPages(settings.maxParents());
        this.http = http;
        this.listing = listing;
        this.store = store;
        this.states = states;
        this.clock = clock;
    }

    @Override
    public String job() {
        return NAME;
    }

    @Override
    public Set<String> options() {
        return Set.of(FULL);
    }

    @Override
    public void run(CrawlRecorder recorder) {
        run(recorder, Set.of());
    }

    @Override
    public void run(CrawlRecorder recorder, Set<String> options) {
        RequestMeter.Reading before = http.meter().read();
        try {
            sweep(pass(options.contains(FULL), recorder), recorder);
            // Also when the run stopped before its pass ended (an unreachable or failing Hub, a long
            // rate-limit wait, the deadline): lineage reads answer 503 while the index is deferred,
            // and offline no later run would ever end the pass. The rest of the pass keeps the index
            // page by page. Not when the application is stopping (the job's thread interrupted): the
            // next run builds it.
            if (!Thread.currentThread().isInterrupted() && store.finishFirstFill()) {
                recorder.count("firstFillBuilds");
            }
        } finally {
            recorder.addRequests(http.meter().read().minus(before).requests());
        }
    }

    /** The pass under way, or a new one: full when asked for or due (or when a full one must replace it). */
    private SweepState.Pass pass(boolean fullAsked, CrawlRecorder recorder) {
        Instant now = clock.instant();
        Optional<SweepState> state = states.read();
        SweepState.Pass under = state.map(SweepState::pass).orElse(null);
        boolean fullDue = fullAsked || state.filter(s -> s.watermark() != null && s.lastFullPassAt() != null)
                .map(s -> !s.lastFullPassAt().plus(settings.fullPassEvery()).isAfter(now)).orElse(true);
        if (under == null && store.finishFirstFill()) {
            // A first fill whose pass completed but whose index build did not run (a crash between them).
            recorder.count("firstFillBuilds");
        }
        if (under != null && (under.full() || !fullDue)) {
            recorder.count("resumed");
            log.info("Hub sweep resumes its {} pass at page {} ({} models so far)", kind(under), under.pages() + 1,
                    under.models());
            return under;
        }
        SweepState.Pass pass = fullDue ? states.start(true, now, null)
                : states.start(false, now, state.orElseThrow().watermark().minus(settings.overlap()));
        if (pass.full() && store.beginFirstFill(settings.firstFillBelow())) {
            recorder.count("firstFill");
            log.info("Hub sweep: a first fill (the store holds fewer than {} models); the ancestry index is built "
                    + "in bulk when the pass ends", settings.firstFillBelow());
        }
        log.info("Hub sweep starts a{} pass{}", fullDue ? " full" : "n incremental",
                fullDue ? "" : " down to changes at " + pass.stopBefore());
        return pass;
    }

    private void sweep(SweepState.Pass started, CrawlRecorder recorder) {
        SweepState.Pass pass = started;
        String url = pass.cursor() != null && listing.ours(pass.cursor()) ? pass.cursor() : null;
        boolean restarted = false;
        long passPages = pass.pages();
        Set<String> read = new HashSet<>(); // the cursors this phase of the pass has read
        // A full pass reads its first pages twice (the catch-up): a bad model is counted once a run.
        Set<String> skipped = new HashSet<>();
        Set<String> trimmed = new HashSet<>();
        while (true) {
            if (recorder.overDeadline()) {
                return; // the pass resumes at its stored cursor
            }
            String at = url == null ? listing.first() : url;
            String loop = url != null && !read.add(url) ? "the listing's paging loops: its Link led back to a page"
                    + " this pass read before (" + Upstream.shown(okhttp3.HttpUrl.get(url)) + ")"
                    : passPages >= settings.maxPages() ? "the pass has read " + passPages + " pages, more than the "
                    + settings.maxPages() + " a listing of at most " + settings.maxModels() + " models in pages of "
                    + settings.pageSize() + " can have" : null;
            if (loop != null) {
                // The stored cursor is inside the loop (or beyond any real listing): the pass begins again from its
                // first page, so the next run does not resume inside it.
                states.restart();
                recorder.fail(loop + "; the " + kind(pass) + " pass begins again from its first page at the next run");
                return;
            }
            HubListing.ListingPage page;
            try {
                page = listing.page(at);
            } catch (HubListing.CursorRefused e) {
                if (restarted) {
                    recorder.abort(e.getMessage() + ", even after starting the pass again");
                    return;
                }
                log.info("{}; the {} pass begins again from its first page", e.getMessage(), kind(pass));
                states.restart();
                recorder.count("restarts");
                restarted = true;
                read.clear();
                url = null;
                continue;
            } catch (RateLimitedException e) {
                recorder.stopEarly(e.getMessage() + "; the next run resumes the " + kind(pass) + " pass at this page");
                return;
            } catch (IOException | HubException e) {
                recorder.abort(UpstreamException.describe(e) + "; the next run resumes the " + kind(pass)
                        + " pass at this page");
                return;
            }
            page.rejected().stream().filter(skipped::add).forEach(message -> recorder.itemFailed(at, message));
            List<HubEntry> kept = pass.stopBefore() == null ? page.entries()
                    : ListingPages.newerThan(page.entries(), pass.stopBefore());
            boolean last = page.next() == null || kept.size() < page.entries().size();
            // The end of a full pass's read turns it, in the same transaction, to what changed meanwhile.
            boolean turn = last && pass.full() && pass.stopBefore() == null;
            Instant head = page.entries().isEmpty() ? null : page.entries().get(0).lastModified();
            store.store(pages.of(kept, (id, n) -> {
                if (trimmed.add(id)) {
                    recorder.add("droppedParents", n);
                }
            }), new HubListingStore.Progress(last ? null : page.next(), head, kept.size(),
                    turn ? settings.overlap() : null), clock.instant());
            passPages++;
            recorder.itemDone();
            recorder.count("pages");
            recorder.add("models", kept.size());
            if (!last) {
                url = page.next();
                continue;
            }
            if (turn) {
                pass = states.read().orElseThrow().pass();
                if (pass.stopBefore() != null) {
                    recorder.count("catchUps");
                    read.clear(); // the catch-up reads the listing's first pages again
                    url = null;
                    continue;
                }
            }
            finish(pass, recorder);
            return;
        }
    }

    private void finish(SweepState.Pass pass, CrawlRecorder recorder) {
        if (pass.full()) {
            recorder.add("unlisted", states.markUnlisted(pass.startedAt(), clock.instant()));
        }
        states.complete(clock.instant());
        recorder.count(pass.full() ? "fullPasses" : "incrementalPasses");
        log.info("Hub sweep completed its {} pass: {}", kind(pass), recorder.counts());
    }

    private static String kind(SweepState.Pass pass) {
        return pass.full() ? "full" : "incremental";
    }
}
