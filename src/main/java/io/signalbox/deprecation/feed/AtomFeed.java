package io.signalbox.deprecation.feed;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a deprecation feed as an Atom 1.0 document (RFC 4287) with {@link XMLStreamWriter}, so every value is
 * escaped by the writer and none is pasted into markup. Text that XML 1.0 cannot carry at all (control characters
 * other than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF) is replaced by U+FFFD, so a
 * stored value the door let through can never make the whole feed unreadable.
 *
 * <p>Ids are tag URIs (RFC 4151) minted under the public URL's host, {@code tag:<host>,2026:signalbox:…}: the feed's
 * from its path, an entry's from its event id, so both stay the same however often the feed is read, and a reader
 * that saw an entry once never shows it again as new.
 */
public final class AtomFeed {

    /** The media type of every feed (RFC 4287 §7). */
    public static final String MEDIA_TYPE = "application/atom+xml; charset=utf-8";

    /** The most entries a feed carries: the newest events, so a feed stays the same size as the catalog grows. */
    public static final int MAX_ENTRIES = 50;

    /**
     * A feed without entries still needs its {@code updated} (RFC 4287 §4.1.1): the Unix epoch, which never changes
     * while the feed stays empty, so readers see nothing new.
     */
    public static final Instant EMPTY_FEED_UPDATED = Instant.EPOCH;

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    /** The year the tag URIs were minted in (RFC 4151 §2.1): fixed, never the current year. */
    private static final String TAG_YEAR = "2026";

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final String base;
    private final String tag;

    /** @param publicUrl the portal's absolute address ({@code signalbox.public-url}), such as https://catalog.example */
    public AtomFeed(String publicUrl) {
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        String host = URI.create(base).getHost();
        this.tag =
                "tag:" + (host == null ? "localhost" : host.toLowerCase(Locale.ROOT)) + "," + TAG_YEAR + ":signalbox:";
    }

    /** The feed's {@code updated}: its newest entry's time, or {@link #EMPTY_FEED_UPDATED} when it has none. */
    public static Instant updated(List<FeedEntry> entries) {
        return entries.stream()
                .map(FeedEntry::at)
                .max(Instant::compareTo)
                .map(at -> at.truncatedTo(ChronoUnit.SECONDS))
                .orElse(EMPTY_FEED_UPDATED);
    }

    /** The feed's id, a tag URI from its path ({@code tag:host,2026:signalbox:feeds/domains/billing}). */
    public String feedId(FeedScope scope) {
        return tag + "feeds/" + scope.name();
    }

    /** An entry's id, a tag URI from its event id ({@code tag:host,2026:signalbox:deprecation-event:42}). */
    public String entryId(FeedEntry entry) {
        return tag + "deprecation-event:" + entry.eventId();
    }

    /** The notice page an entry links to. */
    public String noticeLink(FeedEntry entry) {
        return base + "/products/" + entry.productKey() + "/deprecation?notice=" + entry.noticeId();
    }

    /**
     * The document, UTF-8 encoded: entries in the order given (the newest first).
     *
     * @throws IllegalStateException when the XML writer fails, which writing to memory does not
     */
    public byte[] write(FeedScope scope, List<FeedEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048 + entries.size() * 1024);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", feedId(scope));
            typed(xml, "title", scope.title());
            text(xml, "updated", rfc3339(updated(entries)));
            link(xml, "self", "application/atom+xml", base + scope.selfPath());
            link(xml, "alternate", "text/html", base + scope.alternatePath());
            xml.writeStartElement(ATOM, "author");
            text(xml, "name", "Signalbox");
            text(xml, "uri", base + "/");
            xml.writeEndElement();
            for (FeedEntry entry : entries) {
                entry(xml, entry);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the Atom feed " + scope.name(), e);
        }
        return out.toByteArray();
    }

    private void entry(XMLStreamWriter xml, FeedEntry entry) throws XMLStreamException {
        xml.writeStartElement(ATOM, "entry");
        text(xml, "id", entryId(entry));
        typed(xml, "title", title(entry));
        String at = rfc3339(entry.at().truncatedTo(ChronoUnit.SECONDS));
        text(xml, "updated", at);
        text(xml, "published", at);
        link(xml, "alternate", "text/html", noticeLink(entry));
        xml.writeEmptyElement(ATOM, "category");
        xml.writeAttribute("term", xmlSafe(entry.kind()));
        xml.writeAttribute("label", categoryLabel(entry.kind()));
        typed(xml, "content", content(entry));
        xml.writeEndElement();
    }

    /**
     * An entry's title in plain words: "billing.invoices: deprecated, stops on 1 March 2027", "…: sunset moved to 1
     * April 2027", "…: deprecation withdrawn", "…: retired"; a major line reads "billing.invoices 2.x: …".
     */
    public static String title(FeedEntry entry) {
        String subject = entry.productKey() + (entry.majorVersion() == null ? "" : " " + entry.majorVersion() + ".x");
        return subject
                + switch (entry.kind()) {
                    case "issued" -> ": deprecated, stops on " + DAY.format(sunsetAfter(entry));
                    case "extended" -> ": sunset moved to " + DAY.format(sunsetAfter(entry));
                    case "rescinded" -> ": deprecation withdrawn";
                    case "retired" -> ": retired";
                    default -> ": " + entry.kind();
                };
    }

    /**
     * The entry's text: what happened, the notice's reason, successor and sunset as they are now, who recorded the
     * step, and where the notice (with its migration guide) is.
     */
    String content(FeedEntry entry) {
        StringBuilder text = new StringBuilder();
        String scope = entry.majorVersion() == null
                ? "the whole of " + entry.productKey()
                : "major line " + entry.majorVersion() + " of " + entry.productKey();
        text.append(
                switch (entry.kind()) {
                    case "issued" -> "Deprecated: " + scope + " stops on " + DAY.format(sunsetAfter(entry)) + ".";
                    case "extended" -> "The sunset of " + scope + " moved to " + DAY.format(sunsetAfter(entry)) + ".";
                    case "rescinded" -> "The deprecation notice of " + scope + " was withdrawn.";
                    case "retired" ->
                        scope.substring(0, 1).toUpperCase(Locale.ROOT) + scope.substring(1)
                                + " was retired at its sunset.";
                    default -> entry.summary();
                });
        if ("rescinded".equals(entry.kind()) && entry.rescindReason() != null) {
            text.append("\nWhy: ").append(entry.rescindReason());
        }
        text.append("\n\nReason: ").append(entry.reason());
        if (entry.successorKey() != null) {
            text.append("\nSuccessor: ")
                    .append(entry.successorKey())
                    .append(entry.successorVersion() == null ? "" : "@" + entry.successorVersion())
                    .append(" (")
                    .append(base)
                    .append("/products/")
                    .append(entry.successorKey())
                    .append(")");
        } else {
            text.append("\nSuccessor: none. ").append(entry.noSuccessorReason());
        }
        text.append("\nSunset: ")
                .append(DAY.format(entry.noticeSunset()))
                .append(
                        switch (entry.state()) {
                            case "active" -> " (the notice is active)";
                            case "retired" -> " (retired)";
                            case "rescinded" -> " (the notice was withdrawn)";
                            default -> "";
                        });
        text.append("\nRecorded by: ").append(entry.actor());
        text.append("\nThe notice and its migration guide: ").append(noticeLink(entry));
        return text.toString();
    }

    private static String categoryLabel(String kind) {
        return switch (kind) {
            case "issued" -> "Deprecated";
            case "extended" -> "Sunset moved";
            case "rescinded" -> "Deprecation withdrawn";
            case "retired" -> "Retired";
            default -> xmlSafe(kind);
        };
    }

    /**
     * The sunset as it stood after an {@code issued} or {@code extended} step: the last date its summary records
     * ("sunset 2027-03-01, …", "sunset moved from 2027-03-01 to 2027-04-01"), so an old entry keeps the day it
     * announced after later extensions; the notice's sunset now when the summary names none.
     */
    static LocalDate sunsetAfter(FeedEntry entry) {
        Matcher day = ISO_DAY.matcher(entry.summary() == null ? "" : entry.summary());
        String last = null;
        while (day.find()) {
            last = day.group();
        }
        if (last != null) {
            try {
                return LocalDate.parse(last);
            } catch (DateTimeParseException notADay) {
                // a summary naming something date-like that is no day (2027-13-45): the notice's own sunset is true
            }
        }
        return entry.noticeSunset();
    }

    /** RFC 3339 in UTC with {@code Z}, as Atom's date constructs require (RFC 4287 §3.3). */
    static String rfc3339(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /**
     * {@code text} with every character XML 1.0 cannot carry (§2.2: not tab, line feed, carriage return,
     * U+0020-U+D7FF, U+E000-U+FFFD or a whole surrogate pair) replaced by U+FFFD; null becomes empty.
     */
    public static String xmlSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || pair;
            if (!allowed && safe == null) {
                safe = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (safe != null) {
                if (pair) {
                    safe.append(c).append(text.charAt(i + 1));
                } else {
                    safe.append(allowed ? c : '\uFFFD');
                }
            }
            if (pair) {
                i++;
            }
        }
        return safe == null ? text : safe.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(ATOM, element);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    /** A text construct (RFC 4287 §3.1) of type text: plain characters, escaped by the writer. */
    private static void typed(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(ATOM, element);
        xml.writeAttribute("type", "text");
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", xmlSafe(href));
    }
}
