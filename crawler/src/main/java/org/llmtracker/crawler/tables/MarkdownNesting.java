package org.llmtracker.crawler.tables;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses Markdown nested deeper than any table document needs, before it is parsed: the
 * parser and renderer recurse once per level of block quote or list, so 100,000 nested
 * {@code >} would overflow the stack. A line may open at most {@link #MAX_DEPTH} containers
 * ({@code >}, {@code -}, {@code *}, {@code +}, {@code 1.}) and be indented at most
 * {@link #MAX_INDENT} columns (indentation nests lists across lines).
 *
 * <p>It also refuses more than {@link #MAX_ANGLE_BRACKETS} {@code <} in the whole document: the
 * parser's inline HTML, comment and processing-instruction scans are quadratic in an unclosed run
 * of them within one block ({@code <a } 40,000 times took 3.2 s, 160,000 times 43.6 s, and
 * {@code <!-- } 10,000 times 5.7 s on a busy machine), while a table document holds a few links
 * and line breaks (the seed none). Under the bound the worst case is a fraction of a second.
 */
final class MarkdownNesting {

    static final int MAX_DEPTH = 32;
    static final int MAX_INDENT = 4 * MAX_DEPTH;
    static final int MAX_ANGLE_BRACKETS = 2_000;

    private static final Pattern CONTAINER = Pattern.compile("\\G[ \\t]{0,3}(?:>|[-+*](?=[ \\t]|$)|\\d{1,9}[.)](?=[ \\t]|$))[ \\t]?");

    private MarkdownNesting() {
    }

    static void check(String markdown) {
        int angles = 0;
        for (int i = 0; i < markdown.length(); i++) {
            if (markdown.charAt(i) == '<' && ++angles > MAX_ANGLE_BRACKETS) {
                long line = markdown.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
                throw new TableImportException("line " + line + ": the document holds more than " + MAX_ANGLE_BRACKETS
                        + " '<'; a table document needs a few (send HTML tables as text/html)");
            }
        }
        int line = 1;
        int start = 0;
        while (start <= markdown.length()) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) {
                end = markdown.length();
            }
            check(markdown, start, end, line);
            start = end + 1;
            line++;
        }
    }

    private static void check(String text, int start, int end, int line) {
        int indent = 0;
        for (int i = start; i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t'); i++) {
            indent += text.charAt(i) == '\t' ? 4 : 1;
        }
        if (indent > MAX_INDENT) {
            throw new TableImportException("line " + line + " is indented " + indent + " columns; at most " + MAX_INDENT);
        }
        Matcher containers = CONTAINER.matcher(text).region(start, end);
        int depth = 0;
        while (containers.find()) {
            if (++depth > MAX_DEPTH) {
                throw new TableImportException("line " + line + " nests more than " + MAX_DEPTH
                        + " block quotes or lists; a table document needs none of that");
            }
        }
    }
}
