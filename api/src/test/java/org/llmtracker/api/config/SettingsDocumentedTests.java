package org.llmtracker.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings table (docs/configuration.md) and the settings types (every
 * {@code @ConfigurationProperties} record of the application) say the same thing: every
 * {@code tracker.*} key the application binds has a row, every row names a key that exists, and
 * every default the code declares is the one the table shows.
 */
class SettingsDocumentedTests {

    private static final Pattern TICKED = Pattern.compile("`([^`]*)`");

    /** Key -> the code's default ({@code null} when it declares none). */
    private static Map<String, String> bound;
    private static List<Row> rows;

    @BeforeAll
    static void read() throws IOException {
        bound = new LinkedHashMap<>();
        SettingsTypes.byPrefix().forEach((prefix, type) -> collect(prefix, type, bound));
        rows = rows(Files.readString(Path.of("..", "docs", "configuration.md")));
    }

    @Test
    void everyBoundKeyHasARowAndEveryRowABoundKey() {
        TreeSet<String> documented = new TreeSet<>();
        rows.forEach(row -> documented.addAll(row.keys()));

        assertThat(documented).as("keys in the settings table of docs/configuration.md").containsAll(bound.keySet());
        assertThat(bound.keySet()).as("keys the settings types bind").containsAll(documented);
    }

    @Test
    void theReadmeShowsTheDefaultsTheCodeDeclares() {
        for (Row row : rows) {
            for (int i = 0; i < row.keys().size(); i++) {
                String key = row.keys().get(i);
                String declared = bound.get(key);
                if (declared == null || declared.isEmpty()) {
                    continue;
                }
                List<String> shown = row.defaults();
                if (shown.size() == row.keys().size()) {
                    assertThat(shown.get(i)).as("documented default of %s", key).isEqualTo(declared);
                } else {
                    assertThat(shown).as("documented defaults of the row with %s", key).contains(declared);
                }
            }
        }
    }

    private static void collect(String prefix, Class<?> type, Map<String, String> keys) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + "." + kebab(component.getName());
            Class<?> value = component.getType();
            if (value.isRecord()) {
                collect(key, value, keys);
            } else {
                DefaultValue annotation = component.getAnnotation(DefaultValue.class);
                keys.put(key, annotation == null ? null : String.join(",", annotation.value()));
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The rows of the page's tables whose first cell names {@code tracker.*} keys. */
    private static List<Row> rows(String page) {
        List<Row> found = new ArrayList<>();
        for (String line : page.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|");
            List<String> keys = new ArrayList<>();
            String previous = null;
            for (String token : ticked(cells[1])) {
                String key = token.startsWith(".") && previous != null
                        ? previous.substring(0, previous.lastIndexOf('.')) + token : token;
                previous = key;
                if (key.startsWith("tracker.")) {
                    keys.add(key);
                }
            }
            if (!keys.isEmpty()) {
                found.add(new Row(keys, ticked(cells[2])));
            }
        }
        return found;
    }

    private static List<String> ticked(String cell) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            tokens.add(m.group(1));
        }
        return tokens;
    }

    private record Row(List<String> keys, List<String> defaults) {
    }
}
