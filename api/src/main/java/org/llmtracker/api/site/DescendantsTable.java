package org.llmtracker.api.site;

import java.util.List;

import org.llmtracker.api.web.Params;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.lineage.Relative;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The descendants table of a model page: the API's filters and paging, read from the page's own
 * query string so that every state of the table is a link, and the same rows as CSV or JSON.
 *
 * @param query the filters as the page's query string, without {@code page}
 */
public record DescendantsTable(String relation, String stage, int maxDepth, Long minDownloads, int page, int size,
        Page<Relative> rows, String query, String jsonUrl, String csvUrl) {

    static final int DEFAULT_MAX_DEPTH = 10;

    /** Every relation and stage, down to the default depth: the table as the page opens. */
    private static final RelativeFilter FIRST_VIEW = RelativeFilter.depth(DEFAULT_MAX_DEPTH);

    /** The first page of the table as the page opens, without a filter or paging in its query string. */
    static Page<Relative> firstView(LineageQueries lineage, String id) {
        return lineage.descendants(id, FIRST_VIEW, 0, Params.DEFAULT_PAGE_SIZE);
    }

    /** The table for the page's query string; its first view is {@code firstView}, read already. */
    static DescendantsTable read(LineageQueries lineage, String id, Page<Relative> firstView, String relation, String stage,
            int maxDepth, Long minDownloads, int page, int size) {
        Relation r = Params.oneOf("relation", relation, Relation.class);
        Stage s = Params.oneOf("stage", stage, Stage.class);
        RelativeFilter filter = new RelativeFilter(r, s, Params.within("maxDepth", maxDepth, 1, Params.MAX_DEPTH),
                minDownloads == null ? null : Params.atLeast("minDownloads", minDownloads, 0));
        int pageNumber = Params.page(page);
        int pageSize = Params.size(size);
        Page<Relative> rows = filter.equals(FIRST_VIEW) && pageNumber == 0 && pageSize == Params.DEFAULT_PAGE_SIZE ? firstView
                : lineage.descendants(id, filter, Params.offset(pageNumber, pageSize), pageSize);
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        if (r != null) {
            query.queryParam("relation", r.name());
        }
        if (s != null) {
            query.queryParam("stage", s.name());
        }
        if (maxDepth != DEFAULT_MAX_DEPTH) {
            query.queryParam("maxDepth", maxDepth);
        }
        if (minDownloads != null) {
            query.queryParam("minDownloads", minDownloads);
        }
        if (pageSize != Params.DEFAULT_PAGE_SIZE) {
            query.queryParam("size", pageSize);
        }
        String filters = query.build().encode().getQuery();
        String api = new SiteLinks().modelApi(id, "/descendants?" + (filters == null ? "" : filters + "&") + "page=" + pageNumber);
        return new DescendantsTable(r == null ? null : r.name(), s == null ? null : s.name(), maxDepth, minDownloads,
                pageNumber, pageSize, rows, filters == null ? "" : filters, api, api + "&format=csv");
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < rows.total();
    }

    public long from() {
        return rows.items().isEmpty() ? 0 : (long) page * size + 1;
    }

    public long to() {
        return (long) page * size + rows.items().size();
    }

    /** The query string of another page of the same view. */
    public String pageQuery(int other) {
        return "?" + (query.isEmpty() ? "" : query + "&") + "page=" + other;
    }

    public List<Stage> stages() {
        return List.of(Stage.values());
    }
}
