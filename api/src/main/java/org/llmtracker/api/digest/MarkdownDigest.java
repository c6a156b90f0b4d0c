package org.llmtracker.api.digest;

import java.util.regex.Pattern;

import org.llmtracker.api.digest.DigestOutline.Item;
import org.llmtracker.api.digest.DigestOutline.Section;

/** The digest as CommonMark: what the webhook posts and {@code Accept: text/markdown} answers. */
final class MarkdownDigest {

    // Characters that would otherwise turn upstream text into links, emphasis, HTML or headings.
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|!~&])");

    private MarkdownDigest() {
    }

    static String render(DigestOutline outline) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(outline.title())).append("\n\n").append(escape(outline.period())).append("\n");
        for (Section section : outline.sections()) {
            md.append("\n## ").append(escape(section.title())).append("\n\n");
            if (section.items().isEmpty()) {
                md.append('_').append(escape(section.whenEmpty())).append("_\n");
            }
            section.items().forEach(item -> item(md, item, ""));
        }
        return md.toString();
    }

    private static void item(StringBuilder md, Item item, String indent) {
        md.append(indent).append("- ");
        if (item.url() != null) {
            md.append('[').append(escape(item.label())).append("](<").append(item.url().replace(">", "%3E").replace("\r", "%0D").replace("\n", "%0A")).append(">)");
        } else {
            md.append("**").append(escape(item.label())).append("**");
        }
        if (!item.detail().isEmpty()) {
            md.append(" — ").append(escape(item.detail()));
        }
        md.append('\n');
        item.children().forEach(child -> item(md, child, indent + "  "));
    }

    static String escape(String text) {
        // Any line break (\r alone is one in CommonMark) would let upstream text start a heading or a list.
        return SPECIAL.matcher(text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ')).replaceAll("\\\\$1");
    }
}
