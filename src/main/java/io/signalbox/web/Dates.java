package io.signalbox.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one way pages show time. An instant is shown in UTC with its zone, {@code 2026-11-30 14:05 UTC}, inside a
 * {@code <time datetime="2026-11-30T14:05:07Z">} element carrying the instant (ISO 8601, whole seconds); a calendar
 * date (a decision's day, a week's end) is shown as {@code 2026-11-30} with no time and no zone. Templates write
 * {@code {value.time}} for both; there is deliberately no other extension, so a page cannot show a bare instant.
 *
 * <p>UTC rather than the reader's zone because pages are rendered on the server and work without JavaScript: the
 * company's one clock, the same on every page and in every API answer ({@code Z}).
 */
@TemplateExtension
public final class Dates {

    private static final DateTimeFormatter UTC_MINUTES =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Dates() {}

    /**
     * An instant as people read it on a page or in an audit entry: {@code 2026-11-30 14:05 UTC} (minutes, always
     * UTC, always saying so); {@code ""} for {@code null}.
     */
    public static String utc(Instant instant) {
        return instant == null ? "" : UTC_MINUTES.format(instant);
    }

    /**
     * An instant for machines, such as a {@code <time datetime>} attribute: ISO 8601 in UTC to the whole second,
     * {@code 2026-11-30T14:05:07Z} (HTML allows at most three fraction digits; PostgreSQL keeps six, which no reader
     * needs); {@code ""} for {@code null}.
     */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * {@code {instant.time}} in a template: {@code <time datetime="2026-11-30T14:05:07Z">2026-11-30 14:05
     * UTC</time>}, nothing for {@code null}. Raw output is safe: every character comes from the formatters above.
     */
    static RawString time(Instant instant) {
        return new RawString(
                instant == null ? "" : "<time datetime=\"" + iso(instant) + "\">" + utc(instant) + "</time>");
    }

    /**
     * {@code {date.time}} in a template, for a calendar date: {@code <time datetime="2026-11-30">2026-11-30</time>},
     * with no time and no zone because a date has neither; nothing for {@code null}.
     */
    static RawString time(LocalDate date) {
        return new RawString(date == null ? "" : "<time datetime=\"" + date + "\">" + date + "</time>");
    }
}
