package org.llmtracker.graph.model;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * What a user typed into the search box, as a full-text query over the {@code model_search} index.
 *
 * <p>The words are cut exactly as the index cuts names: by the tokenizer of the index's analyzer
 * ({@code standard-no-stop-words}: Unicode word breaks, then lower case). So {@code Llama-2-7B},
 * {@code meta-llama/llama-2-7b} and {@code llama 2 7b} ask for the same words, in any case. Every
 * word is a prefix, so each keystroke narrows the answer ({@code lla} finds Llama). Chinese has no
 * spaces: the analyzer indexes each Han character as a word, and a run of them becomes a phrase,
 * so {@code 文心一} and {@code 一言} both find {@code 文心一言} (a bigram analyzer would not find a
 * name by its last character, {@code 驼} in {@code 骆驼}).
 *
 * <p>Nothing the user types reaches the query syntax: words hold only what the tokenizer keeps
 * (letters, digits and the joiners inside words), and every character Lucene's parser treats as
 * syntax is escaped, so {@code "}, {@code *}, {@code :}, {@code (}, {@code ~}, {@code \} and
 * {@code AND}/{@code OR} are text, never operators.
 *
 * @param words  the words in order, lower case
 * @param lucene the query for {@code db.index.fulltext.queryNodes}; null when the text holds no word
 */
public record SearchText(List<Word> words, String lucene) {

    /** The longest text searched; the rest is ignored (no model id is longer). */
    public static final int MAX_LENGTH = 200;

    private static final Set<String> JOINED_SCRIPTS = Set.of("<IDEOGRAPHIC>", "<HIRAGANA>", "<KATAKANA>");

    public SearchText {
        words = List.copyOf(words);
    }

    /**
     * One word of the query.
     *
     * @param text    lower case
     * @param ideographs a run of Han (or kana) characters, matched as a phrase anywhere, not as a prefix
     */
    public record Word(String text, boolean ideographs) {
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public static SearchText of(String typed) {
        String text = typed == null ? "" : typed.length() > MAX_LENGTH ? typed.substring(0, MAX_LENGTH) : typed;
        List<Word> words = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int runEnd = -1;
        try (StandardTokenizer tokenizer = new StandardTokenizer()) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            TypeAttribute type = tokenizer.addAttribute(TypeAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String word = term.toString().toLowerCase(Locale.ROOT);
                boolean joined = JOINED_SCRIPTS.contains(type.type());
                if (!run.isEmpty() && (!joined || offset.startOffset() != runEnd)) {
                    words.add(new Word(String.join("", run), true));
                    run.clear();
                }
                if (joined) {
                    run.add(word);
                    runEnd = offset.endOffset();
                } else {
                    words.add(new Word(word, false));
                }
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search text from memory", e);
        }
        if (!run.isEmpty()) {
            words.add(new Word(String.join("", run), true));
        }
        return new SearchText(words, words.isEmpty() ? null : lucene(words));
    }

    /** Every word required: a prefix for a word, a phrase of single characters for a run of ideographs. */
    private static String lucene(List<Word> words) {
        StringBuilder query = new StringBuilder();
        for (Word word : words) {
            if (!query.isEmpty()) {
                query.append(' ');
            }
            query.append('+');
            if (word.ideographs()) {
                List<String> characters = word.text().codePoints().mapToObj(Character::toString).toList();
                query.append('"').append(escape(String.join(" ", characters))).append('"');
            } else {
                query.append(escape(word.text())).append('*');
            }
        }
        return query.toString();
    }

    /** Lucene's query syntax characters, each behind a backslash (as QueryParser.escape does). */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\+-!():^[]\"{}~*?|&/".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
