package org.llmtracker.crawler.huggingface;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.llmtracker.crawler.http.RateLimitedException;
import org.llmtracker.crawler.http.UpstreamDownException;
import org.llmtracker.crawler.http.UpstreamException;
import org.llmtracker.crawler.run.CrawlRecorder;

/**
 * Breadth-first discovery below one model: each generation's parents are listed in turn (one
 * request per 100 children), bounded by depth, minimum downloads and family size. A parent the
 * Hub says has no children costs no request; lists come most downloaded first, so the first
 * model under the download bound ends that parent's listing.
 */
final class FamilyWalk {

    private final HubClient client;
    private final HubSettings settings;
    private final LineageParser parser;
    private final CrawlRecorder recorder;

    FamilyWalk(HubClient client, HubSettings settings, LineageParser parser, CrawlRecorder recorder) {
        this.client = client;
        this.settings = settings;
        this.parser = parser;
        this.recorder = recorder;
    }

    /** @throws RateLimitedException and {@link UpstreamDownException}, which end the run; other failures cost their subtree */
    void walk(Family family) throws IOException {
        List<HubEntry> frontier = List.of(family.root());
        for (int depth = 1; depth <= settings.maxDepth() && !frontier.isEmpty() && !family.truncated(); depth++) {
            List<HubEntry> next = new ArrayList<>();
            for (HubEntry parent : frontier) {
                if (family.truncated()) {
                    break;
                }
                if (parent.knownLeaf()) {
                    recorder.count("leavesSkipped");
                    continue;
                }
                try {
                    client.children(parent.id(), family.rejected(), page -> take(family, page, next));
                    if (!family.truncated()) {
                        family.listedCompletely(parent.id());
                    }
                } catch (RateLimitedException | UpstreamDownException e) {
                    throw e;
                } catch (IOException | HubException e) {
                    // One broken listing costs its own subtree, not the family.
                    recorder.itemFailed(parent.id(), UpstreamException.describe(e));
                }
            }
            frontier = next;
        }
    }

    private boolean take(Family family, List<HubEntry> page, List<HubEntry> next) {
        for (HubEntry entry : page) {
            if (entry.downloads() != null && entry.downloads() < settings.minDownloads()) {
                return false;
            }
            if (!family.contains(entry.id()) && family.discovered() >= settings.maxPerFamily()) {
                family.truncate();
                return false;
            }
            family.claims(counted(parser.parse(entry), recorder));
            if (family.add(entry)) {
                next.add(entry);
            }
        }
        return !page.isEmpty();
    }

    /** The lineage, with the parents it dropped over the bound counted. */
    static Lineage counted(Lineage lineage, CrawlRecorder recorder) {
        if (lineage.droppedParents() > 0) {
            recorder.add("droppedParents", lineage.droppedParents());
        }
        return lineage;
    }
}
