package org.llmtracker.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Both languages say everything: the same keys, every key a template or the code names exists, and Chinese is Chinese. */
class MessagesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([\\w.]+)}");
    private static final Pattern CODE_KEY = Pattern.compile("(?:fmt\\.msg|fmt\\.count|texts\\.get|text\\.get)\\(\"([a-z][\\w.]+)\"");

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyTheTemplatesNameExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(keys).containsAll(named);
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> named = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/llmtracker/api"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_KEY.matcher(Files.readString(source));
                while (m.find()) {
                    String key = m.group(1);
                    if (key.endsWith(".")) {
                        continue; // a prefix completed at run time (digest.section. + a section's key)
                    }
                    named.add(keys.contains(key + ".one") ? key + ".one" : key);
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(keys).containsAll(named);
    }

    @Test
    void chineseMessagesAreWrittenInChinese() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages.properties");
        // Words that are the same in both (names, API, units) are few; the rest must differ and hold Han characters.
        Set<String> untranslated = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String chinese = zh.getProperty(key);
            boolean han = chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (!han && !Set.of("nav.api", "model.stars", "model.forks", "digest.unit.stars").contains(key)) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).isEmpty();
        assertThat(zh.getProperty("relation.QUANTIZED")).isEqualTo("量化");
        assertThat(Languages.of("zh-Hans")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void acceptLanguagePicksTheFirstLanguageWeWrite() {
        assertThat(Languages.fromAcceptLanguage("fr-FR, zh-CN;q=0.8, en;q=0.5")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.fromAcceptLanguage("en-GB,en;q=0.9,zh;q=0.8")).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.fromAcceptLanguage("zh-TW")).isEqualTo(Languages.CHINESE);
        assertThat(Languages.fromAcceptLanguage("de")).isNull();
        assertThat(Languages.fromAcceptLanguage(";;q=oops")).isNull();
        assertThat(Languages.of("nonsense!")).isNull();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
