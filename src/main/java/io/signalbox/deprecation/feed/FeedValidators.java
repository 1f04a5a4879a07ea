package io.signalbox.deprecation.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A feed's validators for conditional GET (RFC 9110 §8.8, §13): a weak entity tag and the last-modified time, and
 * whether a request's {@code If-None-Match} or {@code If-Modified-Since} lets the portal answer 304.
 *
 * <p>The tag names the newest event, the number of entries and the sum of their notices' lock versions. Events are
 * only ever added, so the newest event fixes which entries the feed holds; every change to a notice raises its lock
 * version, so the sum changes when an entry's reason, successor or sunset does. It is weak because it promises the
 * same content, not the same bytes (a new public URL or a new wording of the entries keeps it).
 *
 * @param etag the {@code ETag} header value, such as {@code W/"d42-3-7"}
 * @param lastModified the newest entry's time in whole seconds, {@link AtomFeed#EMPTY_FEED_UPDATED} for an empty feed
 */
public record FeedValidators(String etag, Instant lastModified) {

    /** IMF-fixdate (RFC 9110 §5.6.7), the form an HTTP date is sent in. */
    static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** The validators of a feed holding {@code entries} (newest first). */
    public static FeedValidators of(List<FeedEntry> entries) {
        long newest = entries.isEmpty() ? 0 : entries.get(0).eventId();
        // Each notice counted once, however many of its steps the feed shows.
        long versions = entries.stream()
                .collect(Collectors.toMap(FeedEntry::noticeId, FeedEntry::lockVersion, (same, alsoSame) -> same))
                .values()
                .stream()
                .mapToLong(Integer::longValue)
                .sum();
        return new FeedValidators(
                "W/\"d" + newest + "-" + entries.size() + "-" + versions + "\"", AtomFeed.updated(entries));
    }

    /** The {@code Last-Modified} header value. */
    public String lastModifiedHeader() {
        return IMF_FIXDATE.format(lastModified);
    }

    /**
     * Whether the client's copy is current, so the answer is 304 Not Modified (RFC 9110 §13.1.2, §13.1.3): when
     * {@code If-None-Match} is present it alone decides (weak comparison, {@code *} matches); otherwise a valid
     * {@code If-Modified-Since} no earlier than the last modification does. An unreadable date is ignored, as the RFC
     * asks.
     */
    public boolean notModified(String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            String mine = opaque(etag);
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || opaque(tag).equals(mine)) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null && !ifModifiedSince.isBlank()) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException unreadable) {
                return false; // RFC 9110 §13.1.3: a date that is not a valid HTTP-date is ignored
            }
        }
        return false;
    }

    /** The quoted part of an entity tag, for weak comparison: {@code W/"x"} and {@code "x"} are the same tag. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
