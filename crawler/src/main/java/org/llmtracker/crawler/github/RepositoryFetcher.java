package org.llmtracker.crawler.github;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.kohsuke.github.GHRelease;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTag;
import org.llmtracker.crawler.http.UpstreamException;
import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.repository.CrawlTarget;
import org.llmtracker.graph.article.ReadmeFacts;
import org.llmtracker.graph.repository.ReleaseFacts;
import org.llmtracker.graph.repository.RepositoryFacts;

import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads one repository from GitHub: its document, and when due its releases and README. */
final class RepositoryFetcher {

    private static final int PAGE_SIZE = 100;

    private final GithubClients clients;
    private final GithubSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();

    RepositoryFetcher(GithubClients clients, GithubSettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    /** The repository document; {@code notModified} when GitHub answered 304 to our ETag. */
    Fetched repository(CrawlTarget target) throws IOException {
        clients.tap().clear();
        GHRepository repo = clients.github().getRepository(target.name());
        DocumentTap.Document document = clients.tap().last();
        if (document == null) {
            throw new IOException("No repository document captured for " + target.name());
        }
        JsonNode node = json.readTree(document.body());
        List<String> topics = new ArrayList<>();
        node.path("topics").forEach(t -> topics.add(t.asString()));
        JsonNode license = node.path("license");
        String spdx = license.isObject() ? text(license.path("spdx_id")) : null;
        Instant pushedAt = repo.getPushedAt() == null ? null : repo.getPushedAt().toInstant();
        RepositoryFacts facts = new RepositoryFacts(Ids.repository(repo.getFullName()), repo.getFullName(),
                repo.getHtmlUrl() == null ? null : repo.getHtmlUrl().toString(), repo.getDescription(),
                repo.getStargazersCount(), repo.getForksCount(), repo.getSubscribersCount(),
                repo.getOpenIssueCount(), spdx, topics, pushedAt, repo.isArchived());
        return new Fetched(repo, facts, document.notModified());
    }

    /** Releases newest first, at most {@code maxReleasePages} pages; the tags when there are no releases. */
    List<ReleaseFacts> releases(GHRepository repo) throws IOException {
        List<ReleaseFacts> releases = new ArrayList<>();
        int max = settings.maxReleasePages() * PAGE_SIZE;
        for (GHRelease r : repo.listReleases().withPageSize(PAGE_SIZE)) {
            if (r.isDraft()) {
                continue;
            }
            releases.add(new ReleaseFacts(r.getTagName(), r.getName(),
                    r.getPublished_at() == null ? null : r.getPublished_at().toInstant(), r.isPrerelease(),
                    r.getHtmlUrl() == null ? null : r.getHtmlUrl().toString()));
            if (releases.size() >= max) {
                break;
            }
        }
        if (!releases.isEmpty()) {
            return releases;
        }
        for (GHTag tag : repo.listTags().withPageSize(PAGE_SIZE)) {
            releases.add(new ReleaseFacts(tag.getName(), tag.getName(), null, false,
                    repo.getHtmlUrl() + "/tree/" + tag.getName()));
            if (releases.size() >= PAGE_SIZE) {
                break;
            }
        }
        return releases;
    }

    /** Links in the rendered README; empty when the repository has none. */
    ReadmeFacts readme(GHRepository repo) throws IOException {
        Request request = new Request.Builder()
                .url(settings.base() + "/repos/" + repo.getFullName() + "/readme")
                .header("Accept", "application/vnd.github.html+json")
                // As github-api does: revalidate the cached copy rather than trust its max-age.
                .header("Cache-Control", "max-age=0")
                .build();
        try (Response response = clients.upstream().execute(request)) {
            if (response.code() == 404) {
                return new ReadmeFacts(List.of(), List.of());
            }
            if (!response.isSuccessful()) {
                throw new UpstreamException("GitHub: README of " + repo.getFullName() + " answered HTTP " + response.code());
            }
            return ReadmeLinks.parse(response.body().string(), repo.getHtmlUrl() + "/");
        }
    }

    // GitHub names an unrecognised licence file NOASSERTION: no licence we can state.
    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        String value = n.asString();
        return value.equalsIgnoreCase("noassertion") ? null : value;
    }

    record Fetched(GHRepository repo, RepositoryFacts facts, boolean notModified) {
    }
}
