package org.llmtracker.crawler.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmtracker.graph.catalog.CatalogEntry;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads catalogue YAML into validated entries. Nothing is returned unless the whole catalogue is
 * valid; otherwise a {@link CatalogException} lists every problem, naming the source, the entry and
 * the field, so a broken catalogue never reaches the graph half-loaded.
 */
public final class CatalogLoader {

    /** The catalogue shipped in the crawler jar, the default of {@code tracker.catalog.location}. */
    public static final String SHIPPED_RESOURCE = "catalog/catalog.yaml";

    private static final Pattern PARSER_MARK = Pattern.compile("in reader, line (\\d+), column (\\d+)");
    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate (?:property|field) \"([^\"]*)\"");

    // A repeated key would otherwise silently keep the last value.
    private final YAMLMapper mapper = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private final CatalogValidator validator = new CatalogValidator();

    public List<CatalogEntry> load(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return load(in, path.toString());
        } catch (IOException e) {
            throw new CatalogException(path.toString(),
                    List.of(CatalogProblem.ofDocument("cannot read the file: " + e)), e);
        }
    }

    /** @param source how messages name the input, such as a file name or a URL */
    public List<CatalogEntry> load(InputStream in, String source) {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new CatalogException(source, List.of(CatalogProblem.ofDocument(malformed(e))), e);
        }
        return validate(root, source);
    }

    public List<CatalogEntry> parse(String yaml, String source) {
        return load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), source);
    }

    public List<CatalogEntry> loadShipped() {
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED_RESOURCE + " is missing from the classpath");
            }
            return load(in, "classpath:" + SHIPPED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<CatalogEntry> validate(JsonNode root, String source) {
        RawCatalogReader.Result read = RawCatalogReader.read(root);
        Validation<List<CatalogEntry>> validation = validator.validateCatalog(read.entries());
        List<CatalogProblem> problems = new ArrayList<>(read.problems());
        for (CatalogProblem problem : validation.problems()) {
            if (read.problems().stream().noneMatch(r -> covers(r, problem))) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(source, problems);
        }
        return validation.value();
    }

    /**
     * Whether a reading problem already explains a rule problem: a value of the wrong type is read as
     * absent, and the rules would then add "required" for the same field.
     */
    private static boolean covers(CatalogProblem read, CatalogProblem rule) {
        if (read.entryId() == null || !read.entryId().equals(rule.entryId())) {
            return false;
        }
        return read.field() == null || (rule.field() != null && (rule.field().equals(read.field())
                || rule.field().startsWith(read.field() + ".") || rule.field().startsWith(read.field() + "[")));
    }

    private static String malformed(JacksonException e) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        TokenStreamLocation at = e.getLocation();
        int line = at == null ? -1 : at.getLineNr();
        int column = at == null ? -1 : at.getColumnNr();
        // The YAML parser marks the offending spot itself, more precisely than the token location.
        Matcher mark = PARSER_MARK.matcher(original);
        while (mark.find()) {
            line = Integer.parseInt(mark.group(1));
            column = Integer.parseInt(mark.group(2));
        }
        String where = line < 0 ? "" : " at line " + line + ", column " + column;
        return "malformed YAML" + where + ": " + reason(original);
    }

    /**
     * The parser's explanation without its quoted excerpts and marks, what went wrong first and its
     * context ("while parsing a block collection") after.
     */
    private static String reason(String original) {
        Matcher duplicate = DUPLICATE_KEY.matcher(original);
        if (duplicate.find()) {
            return "field '" + duplicate.group(1) + "' is given twice";
        }
        // Excerpts and "in reader, line n" marks are indented; the explanation lines are not.
        List<String> explanation = original.lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).map(String::strip)
                .toList();
        if (explanation.isEmpty()) {
            return original.strip();
        }
        String context = explanation.get(0).startsWith("while ") && explanation.size() > 1 ? explanation.get(0) : null;
        String problem = String.join("; ", context == null ? explanation : explanation.subList(1, explanation.size()));
        return context == null ? problem : problem + " (" + context + ")";
    }
}
