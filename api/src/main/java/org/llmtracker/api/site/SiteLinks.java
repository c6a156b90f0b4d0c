package org.llmtracker.api.site;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.web.util.UriUtils;

/**
 * Addresses the pages use. Model ids may hold a slash ({@code owner/name}), which stays a path
 * separator: each segment is encoded on its own, never into {@code %2F}.
 */
public final class SiteLinks {

    /** The page of a model. */
    public String model(String id) {
        return "/models/" + segments(id);
    }

    /** The page of a model under its own API: {@code /api/models/{id}} plus {@code suffix}. */
    public String modelApi(String id, String suffix) {
        return "/api/models/" + segments(id) + suffix;
    }

    public String repositoryHistory(String fullName) {
        return "/api/repositories/" + segments(fullName) + "/history";
    }

    public String digest(String week) {
        return "/digests/" + UriUtils.encodePathSegment(week, StandardCharsets.UTF_8);
    }

    /** Upstream pages for people to follow; only http(s), so a {@code javascript:} link from upstream never becomes one. */
    public String web(String url) {
        if (url == null) {
            return null;
        }
        try {
            String scheme = URI.create(url.trim()).getScheme();
            return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme) ? url.trim() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String hub(String hfId) {
        return hfId == null ? null : "https://huggingface.co/" + segments(hfId);
    }

    private static String segments(String path) {
        return Arrays.stream(path.split("/", -1)).map(s -> UriUtils.encodePathSegment(s, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }
}
