package org.llmtracker.api.digest;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import org.llmtracker.api.digest.DigestOutline.Item;
import org.llmtracker.api.digest.DigestOutline.Section;

/** The digest as HTML. Every piece of text and every URL came from upstream, so all of it is escaped. */
public final class HtmlDigest {

    private HtmlDigest() {
    }

    /** A whole page, for browsers and the output folder. */
    static String page(DigestOutline outline) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + htmlEscape(outline.title())
                + "</title></head>\n<body>\n" + body(outline) + "</body></html>\n";
    }

    /** The body alone, for feed entries and the web page. */
    public static String body(DigestOutline outline) {
        StringBuilder html = new StringBuilder();
        html.append("<h1>").append(htmlEscape(outline.title())).append("</h1>\n<p>").append(htmlEscape(outline.period())).append("</p>\n");
        for (Section section : outline.sections()) {
            html.append("<h2>").append(htmlEscape(section.title())).append("</h2>\n");
            if (section.items().isEmpty()) {
                html.append("<p><em>").append(htmlEscape(section.whenEmpty())).append("</em></p>\n");
            } else {
                html.append("<ul>\n");
                section.items().forEach(item -> item(html, item));
                html.append("</ul>\n");
            }
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
