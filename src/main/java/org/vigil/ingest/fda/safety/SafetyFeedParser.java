package org.vigil.ingest.fda.safety;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the FDA's Drupal RSS 2.0 feeds. Quirks handled: {@code <pubDate>} holding an HTML
 * {@code <time datetime="2019-05-03T19:21:28Z">Fri, 05/03/2019 - 15:21</time>} element instead of RFC 822 text,
 * {@code xml:base} on the root, and {@code link}/{@code guid} wrapped in newlines and indentation.
 * Hostile input is refused, never expanded: any DOCTYPE (so no external entities, no entity-expansion bombs), and
 * any single item larger than the configured limit.
 */
final class SafetyFeedParser {

    /** The feed was refused as unsafe or unreadable; the message says why and is shown in the run. */
    static final class FeedRefusedException extends Exception {
        FeedRefusedException(String message) {
            super(message);
        }
    }

    private SafetyFeedParser() {
    }

    static List<FeedItem> parse(byte[] xml, long maxItemChars) throws FeedRefusedException {
        Document doc = read(xml);
        Element root = doc.getDocumentElement();
        String base = root.getAttributeNS(XMLConstants.XML_NS_URI, "base");
        List<FeedItem> items = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName("item");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element item = (Element) nodes.item(i);
            String title = text(item, "title");
            String description = text(item, "description");
            long size = (title == null ? 0 : title.length()) + (description == null ? 0 : description.length());
            if (size > maxItemChars) {
                throw new FeedRefusedException("feed refused: item " + (i + 1) + " is " + size
                        + " characters, more than the limit of " + maxItemChars);
            }
            String link = resolve(base, text(item, "link"));
            items.add(new FeedItem(collapse(title), link, collapse(description), published(item),
                    text(item, "guid")));
        }
        return items;
    }

    private static Document read(byte[] xml) throws FeedRefusedException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new FeedRefusedException("feed refused: it declares a DOCTYPE (DTDs and entities are not allowed)");
            }
            throw new FeedRefusedException("feed is not well-formed XML: " + abbreviate(message));
        } catch (ParserConfigurationException | IOException e) {
            throw new FeedRefusedException("feed cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** {@code <pubDate>}: the {@code time/@datetime} Drupal puts inside it, else RFC 822 text, else ISO 8601. */
    private static Instant published(Element item) {
        Element pub = child(item, "pubDate");
        if (pub == null) {
            return null;
        }
        NodeList times = pub.getElementsByTagName("time");
        if (times.getLength() > 0) {
            Instant t = parseDate(((Element) times.item(0)).getAttribute("datetime"));
            if (t != null) {
                return t;
            }
        }
        return parseDate(pub.getTextContent());
    }

    static Instant parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String resolve(String base, String link) {
        if (link == null) {
            return null;
        }
        try {
            return base == null || base.isBlank() ? link : URI.create(base.strip()).resolve(link).toString();
        } catch (IllegalArgumentException e) {
            return link;
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            return null;
        }
        String s = e.getTextContent().strip();
        return s.isEmpty() ? null : s;
    }

    private static String collapse(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
