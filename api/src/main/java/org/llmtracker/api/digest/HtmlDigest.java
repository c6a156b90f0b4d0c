package org.llmtracker.api.digest;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.nio.charset.StandardCharsets;

import org.llmtracker.api.digest.DigestOutline.Item;
import org.llmtracker.api.digest.DigestOutline.Section;

/** The digest as HTML. Every piece of text and every URL came from upstream, so all of it is escaped. */
public final class HtmlDigest {

    /** The page never weighs more than this, whatever the week holds. */
    public static final int MAX_BYTES = 300 * 1024;

    private HtmlDigest() {
    }

    /** A whole page, for browsers and the output folder. */
    static String page(DigestOutline outline, String lang) {
        DigestOutline shown = outline;
        String page = page(shown, lang, body(shown));
        while (page.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES && shown.mostItems() > 0) {
            shown = shown.first(shown.mostItems() - 1);
            page = page(shown, lang, body(shown));
        }
        return page;
    }

    private static String page(DigestOutline outline, String lang, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + htmlEscape(lang) + "\"><head><meta charset=\"utf-8\"><title>"
                + htmlEscape(outline.title()) + "</title></head>\n<body>\n" + body + "</body></html>\n";
    }

    /** The body alone, for feed entries and the web page, within {@link #MAX_BYTES}. */
    public static String bounded(DigestOutline outline) {
        DigestOutline shown = outline;
        String body = body(shown);
        while (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES && shown.mostItems() > 0) {
            shown = shown.first(shown.mostItems() - 1);
            body = body(shown);
        }
        return body;
    }

    static String body(DigestOutline outline) {
        StringBuilder html = new StringBuilder();
        html.append("<h1>").append(htmlEscape(outline.title())).append("</h1>\n<p>").append(htmlEscape(outline.period()))
                .append("</p>\n<p class=\"summary\">").append(htmlEscape(outline.summary())).append("</p>\n");
        for (Section section : outline.sections()) {
            html.append("<section");
            if (section.slug() != null) {
                html.append(" id=\"").append(htmlEscape(section.slug())).append("\" data-total=\"").append(section.total()).append('"');
            }
            html.append(">\n<h2>").append(htmlEscape(section.title())).append("</h2>\n");
            if (section.total() == 0) {
                html.append("<p><em>").append(htmlEscape(section.whenEmpty())).append("</em></p>\n</section>\n");
                continue;
            }
            if (!section.note().isEmpty()) {
                html.append("<p class=\"meta\">").append(htmlEscape(section.note())).append("</p>\n");
            }
            if (!section.items().isEmpty()) {
                html.append("<ul>\n");
                section.items().forEach(item -> item(html, item));
                html.append("</ul>\n");
            }
            if (section.allUrl() != null && section.total() > section.items().size()) {
                html.append("<p class=\"all\"><a href=\"").append(htmlEscape(section.allUrl())).append("\">")
                        .append(htmlEscape(section.allLabel())).append(" →</a></p>\n");
            }
            html.append("</section>\n");
        }
        return html.toString();
    }

    private static void item(StringBuilder html, Item item) {
        html.append("<li>");
        if (item.url() != null) {
            html.append("<a href=\"").append(htmlEscape(item.url())).append("\">").append(htmlEscape(item.label())).append("</a>");
        } else {
            html.append("<strong>").append(htmlEscape(item.label())).append("</strong>");
        }
        if (!item.detail().isEmpty()) {
            html.append(" — ").append(htmlEscape(item.detail()));
        }
        if (!item.children().isEmpty()) {
            html.append("\n<ul>\n");
            item.children().forEach(child -> item(html, child));
            html.append("</ul>");
        }
        html.append("</li>\n");
    }
}
