package org.llmtracker.crawler.tables;

import java.util.List;
import java.util.function.Consumer;

import org.jsoup.nodes.Element;

/** Reads one table row as an {@link EntryDraft}; every cell is optional. */
final class RowReader {

    private RowReader() {
    }

    /** @return the draft, or null (with a warning) when the row has no name */
    static EntryDraft read(TableRow row, Consumer<String> warnings) {
        String name = row.text(Column.NAME);
        if (name.isEmpty()) {
            warnings.accept(row.where() + ": no name; row skipped");
            return null;
        }
        Consumer<String> warn = message -> warnings.accept(row.where() + " '" + name + "', " + message);
        EntryDraft draft = new EntryDraft(name, row.where(), row.ordinal());
        draft.region = row.region();
        String organisation = row.text(Column.ORGANISATION);
        draft.organisation = organisation.isEmpty() ? null : organisation;
        draft.parameters = CellValues.parameters(row.text(Column.PARAMETERS), warn);
        draft.openSource = CellValues.openSource(row.text(Column.OPEN_SOURCE), warn);
        draft.releasedAt = CellValues.date(row.text(Column.RELEASED_AT), warn);
        BaseNames.Parsed bases = BaseNames.parse(row.text(Column.BASE_MODELS));
        for (String base : bases.names()) {
            if (NameKeys.key(base).equals(draft.key)) {
                warn.accept("baseModels: '" + base + "' is the project itself; ignored");
            } else {
                draft.baseNames.add(base);
            }
        }
        if (!bases.ignored().isEmpty()) {
            warn.accept("baseModels: ignored text that does not name a model: '"
                    + String.join("', '", bases.ignored()) + "'");
        }
        readLinks(row, draft, warn);
        return draft;
    }

    /**
     * Links come from every cell, the link column first. Repositories and Hugging Face ids come from
     * the link column only when there is one: other cells cite related projects (a description
     * linking to the transformers code it borrows from) that are not the row's own.
     */
    private static void readLinks(TableRow row, EntryDraft draft, Consumer<String> warn) {
        Element linkCell = row.columns().get(Column.LINKS);
        List<String> ownLinks = linkCell == null ? List.of() : Links.in(linkCell, true, warn);
        draft.links.addAll(ownLinks);
        for (Element cell : row.cells()) {
            if (cell != linkCell) {
                draft.links.addAll(Links.in(cell, false, warn));
            }
        }
        for (String link : linkCell == null ? List.copyOf(draft.links) : ownLinks) {
            Links.githubRepository(link).ifPresent(draft::addRepository);
            Links.huggingfaceId(link).ifPresent(draft::addHuggingfaceId);
        }
    }
}
