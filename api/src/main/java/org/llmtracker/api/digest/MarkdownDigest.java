package org.llmtracker.api.digest;

import java.util.regex.Pattern;

import org.llmtracker.api.digest.DigestOutline.Item;
import org.llmtracker.api.digest.DigestOutline.Section;

/** The digest as CommonMark: what the webhook posts and {@code Accept: text/markdown} answers. */
final class MarkdownDigest {

    /** Slack cuts a message at 40,000 characters: the Markdown never grows past it, whatever the week holds. */
    static final int MAX_CHARS = 40_000;

    // Characters that would otherwise turn upstream text into links, emphasis, HTML or headings.
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|!~&])");

    private MarkdownDigest() {
    }

    /**
     * The outline within {@link #MAX_CHARS}: when a week's names are so long that the sections'
     * items do not fit, each section shows fewer (its total and its link to the whole list stay).
     *
     * @param lead a line put first (the link to the whole digest), or null
     */
    static String render(DigestOutline outline, String lead) {
        DigestOutline shown = outline;
        String md = write(shown, lead);
        while (md.length() > MAX_CHARS && shown.mostItems() > 0) {
            shown = shown.first(shown.mostItems() - 1);
            md = write(shown, lead);
        }
        return md.length() <= MAX_CHARS ? md : md.substring(0, MAX_CHARS - 1) + "…";
    }

    static String render(DigestOutline outline) {
        return render(outline, null);
    }

    private static String write(DigestOutline outline, String lead) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(outline.title())).append("\n\n").append(escape(outline.period())).append("\n");
        if (lead != null) {
            md.append('\n').append(lead).append('\n');
        }
        md.append('\n').append(escape(outline.summary())).append('\n');
        for (Section section : outline.sections()) {
            md.append("\n## ").append(escape(section.title())).append("\n\n");
            if (section.total() == 0) {
                md.append('_').append(escape(section.whenEmpty())).append("_\n");
                continue;
            }
            if (!section.note().isEmpty()) {
                md.append('_').append(escape(section.note())).append("_\n\n");
            }
            section.items().forEach(item -> item(md, item, ""));
            if (section.allUrl() != null && section.total() > section.items().size()) {
                md.append('\n').append(link(section.allLabel(), section.allUrl())).append('\n');
            }
        }
        return md.toString();
    }

    private static void item(StringBuilder md, Item item, String indent) {
        md.append(indent).append("- ");
        if (item.url() != null) {
            md.append(link(item.label(), item.url()));
        } else {
            md.append("**").append(escape(item.label())).append("**");
        }
        if (!item.detail().isEmpty()) {
            md.append(" — ").append(escape(item.detail()));
        }
        md.append('\n');
        item.children().forEach(child -> item(md, child, indent + "  "));
    }

    static String link(String label, String url) {
        return "[" + escape(label) + "](<" + url.replace(">", "%3E").replace("\r", "%0D").replace("\n", "%0A") + ">)";
    }

    static String escape(String text) {
        // Any line break (\r alone is one in CommonMark) would let upstream text start a heading or a list.
        return SPECIAL.matcher(text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ')).replaceAll("\\\\$1");
    }
}
