package org.llmtracker.api.digest;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.llmtracker.api.i18n.Texts;
import org.llmtracker.graph.digest.Digest;

/** An Atom 1.0 feed (RFC 4287) of stored digests, newest first; the XML writer escapes all text. */
final class AtomFeed {

    static final String NS = "http://www.w3.org/2005/Atom";
    static final String FEED_ID = "urn:llm-tracker:digests";

    private AtomFeed() {
    }

    /** @param baseUrl the application's address, without a trailing slash; @param empty the feed's updated with no entries */
    static String render(List<Digest> digests, String baseUrl, Instant empty, Texts texts) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "feed");
            xml.writeDefaultNamespace(NS);
            text(xml, "id", FEED_ID);
            text(xml, "title", texts.get("feed.title"));
            text(xml, "updated", stamp(digests.isEmpty() ? empty : digests.get(0).builtAt()));
            link(xml, "self", baseUrl + "/api/digests/feed.atom", "application/atom+xml");
            link(xml, "alternate", baseUrl + "/api/digests/latest", "text/html");
            xml.writeStartElement(NS, "author");
            text(xml, "name", "llm-tracker");
            xml.writeEndElement();
            for (Digest digest : digests) {
                entry(xml, digest, baseUrl, texts);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the Atom feed", e);
        }
        return out.toString();
    }

    static String entryId(String week) {
        return "urn:llm-tracker:digest:" + week;
    }

    private static void entry(XMLStreamWriter xml, Digest digest, String baseUrl, Texts texts) throws XMLStreamException {
        DigestOutline outline = DigestOutline.of(digest, texts, baseUrl);
        xml.writeStartElement(NS, "entry");
        text(xml, "id", entryId(digest.week()));
        text(xml, "title", outline.title());
        text(xml, "updated", stamp(digest.builtAt()));
        link(xml, "alternate", baseUrl + "/api/digests/" + digest.week(), "text/html");
        text(xml, "summary", outline.period() + ": " + outline.summary());
        xml.writeStartElement(NS, "content");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(HtmlDigest.bounded(outline));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(NS, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(NS, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String stamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
