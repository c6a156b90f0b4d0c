package org.llmtracker.crawler.tables;

import org.llmtracker.crawler.catalog.CatalogProblem;

import org.llmtracker.crawler.catalog.CatalogValidator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.llmtracker.graph.catalog.CatalogEntry;

/**
 * Imports the project tables of a Markdown or HTML document, such as the seed tracking document,
 * as catalogue entries. The result always validates: rows about the same project merge, base
 * models the document names but does not list become entries of their own, and whatever could not
 * be read becomes a warning instead of a value.
 *
 * <p>Imported entries are a starting point for the hand-kept catalogue, not a replacement: they
 * have kind {@code model}, relation UNKNOWN and no descriptions, since tables do not say more.
 */
public final class TableImporter {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private final CatalogValidator validator = new CatalogValidator();

    /** Reads {@code .html}/{@code .htm} files as HTML and anything else as Markdown. */
    public ImportResult importFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") ? importHtml(text) : importMarkdown(text);
    }

    /** @throws TableImportException for Markdown nested too deep to parse safely */
    public ImportResult importMarkdown(String markdown) {
        MarkdownNesting.check(markdown);
        return importHtml(renderer.render(parser.parse(markdown)));
    }

    public ImportResult importHtml(String html) {
        return importDocument(Jsoup.parse(html));
    }

    private ImportResult importDocument(Document document) {
        List<String> warnings = new ArrayList<>();
        Map<String, EntryDraft> byKey = new LinkedHashMap<>();
        for (TableRow row : TableFinder.rows(document)) {
            EntryDraft draft = RowReader.read(row, warnings::add);
            if (draft == null) {
                continue;
            }
            EntryDraft first = byKey.putIfAbsent(draft.key, draft);
            if (first != null) {
                warnings.add(draft.where + " '" + draft.name + "': the same project as " + first.where + " '"
                        + first.name + "'; merged");
                first.merge(draft, warnings::add);
            }
        }
        List<EntryDraft> drafts = new ArrayList<>(byKey.values());
        linkBases(drafts, byKey, warnings);
        assignIds(drafts);
        dropAmbiguousHuggingfaceIds(drafts, warnings);
        warnAboutSharedRepositories(drafts, warnings);
        List<CatalogEntry> entries = drafts.stream().map(EntryDraft::toEntry).toList();
        List<CatalogProblem> problems = validator.check(entries);
        if (!problems.isEmpty()) {
            // What a row holds can break the catalogue's rules (a name of 301 characters): the document is refused.
            throw new TableImportException("the tables hold what no catalogue entry may: " + problems.stream()
                    .limit(10).map(CatalogProblem::toString).collect(java.util.stream.Collectors.joining("; "))
                    + (problems.size() > 10 ? "; and " + (problems.size() - 10) + " more" : ""));
        }
        return new ImportResult(entries, warnings);
    }

    /** Resolves base names to drafts, adding a fact-less draft for each name the tables do not list. */
    private static void linkBases(List<EntryDraft> drafts, Map<String, EntryDraft> byKey, List<String> warnings) {
        int ordinal = drafts.stream().mapToInt(d -> d.ordinal).max().orElse(0);
        for (EntryDraft draft : List.copyOf(drafts)) {
            for (String baseName : draft.baseNames) {
                String prefix = draft.where + " '" + draft.name + "', baseModels: ";
                EntryDraft base = byKey.get(NameKeys.key(baseName));
                if (base == null) {
                    base = new EntryDraft(baseName, "base models", ++ordinal);
                    byKey.put(base.key, base);
                    drafts.add(base);
                    warnings.add(prefix + "'" + baseName + "' is not a row of the document; added it as an entry");
                }
                if (reaches(base, draft)) {
                    warnings.add(prefix + "'" + baseName + "' would close a lineage cycle; ignored");
                } else if (!draft.bases.contains(base)) {
                    draft.bases.add(base);
                }
            }
        }
    }

    private static boolean reaches(EntryDraft from, EntryDraft target) {
        Deque<EntryDraft> pending = new ArrayDeque<>(List.of(from));
        Set<EntryDraft> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            EntryDraft next = pending.pop();
            if (next == target) {
                return true;
            }
            if (seen.add(next)) {
                pending.addAll(next.bases);
            }
        }
        return false;
    }

    /** Slugs of the names; "entry-n" (n the row's position in the document) for names without ASCII letters. */
    private static void assignIds(List<EntryDraft> drafts) {
        Set<String> taken = new HashSet<>();
        for (EntryDraft draft : drafts) {
            String slug = NameKeys.slug(draft.name);
            String base = slug.isEmpty() ? "entry-" + draft.ordinal : slug;
            String id = base;
            for (int n = 2; !taken.add(id); n++) {
                id = base + "-" + n;
            }
            draft.id = id;
        }
    }

    // The graph makes a Hugging Face id an alias of its entry: it must not lead to two entries.
    private static void dropAmbiguousHuggingfaceIds(List<EntryDraft> drafts, List<String> warnings) {
        Map<String, EntryDraft> ids = new HashMap<>();
        drafts.forEach(d -> ids.put(d.id, d));
        Map<String, EntryDraft> owners = new HashMap<>();
        for (EntryDraft draft : drafts) {
            draft.huggingfaceIds.entrySet().removeIf(hf -> {
                EntryDraft clash = ids.get(hf.getKey());
                EntryDraft owner = owners.putIfAbsent(hf.getKey(), draft);
                String other = clash != null && clash != draft ? clash.name : owner != null ? owner.name : null;
                if (other != null) {
                    warnings.add(draft.where + " '" + draft.name + "', huggingfaceIds: '" + hf.getValue()
                            + "' already stands for '" + other + "'; left out");
                }
                return other != null;
            });
        }
    }

    // A hint for the reviewer: two rows with one repository are often one project under two names.
    private static void warnAboutSharedRepositories(List<EntryDraft> drafts, List<String> warnings) {
        Map<String, EntryDraft> owners = new HashMap<>();
        for (EntryDraft draft : drafts) {
            draft.repositories.forEach((key, fullName) -> {
                EntryDraft owner = owners.putIfAbsent(key, draft);
                if (owner != null) {
                    warnings.add("'" + owner.name + "' and '" + draft.name + "' both link github.com/" + fullName
                            + "; merge them in the catalogue if they are one project");
                }
            });
        }
    }
}
