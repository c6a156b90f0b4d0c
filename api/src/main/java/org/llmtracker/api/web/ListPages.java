package org.llmtracker.api.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A page of a list route whose answer has always been a bare JSON list ({@code /api/crawl-runs},
 * {@code /api/organisations}): the body stays a list, so scripts that read it keep working, and the
 * paging travels in headers as GitHub's API does: {@code X-Total-Count} and RFC 8288 {@code Link}
 * with {@code next} and {@code prev}.
 */
public final class ListPages {

    public static final String TOTAL = "X-Total-Count";

    private ListPages() {
    }

    public static <T> ResponseEntity<List<T>> of(List<T> items, long total, int page, int size) {
        List<String> links = new ArrayList<>();
        if ((long) (page + 1) * size < total) {
            links.add(link(page + 1, size, "next"));
        }
        if (page > 0) {
            links.add(link(page - 1, size, "prev"));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(TOTAL, Long.toString(total));
        if (!links.isEmpty()) {
            answer.header("Link", String.join(", ", links));
        }
        return answer.body(items);
    }

    private static String link(int page, int size, String rel) {
        String url = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("limit")
                .replaceQueryParam("page", page).replaceQueryParam("size", size).toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"";
    }
}
