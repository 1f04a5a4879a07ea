package io.signalbox.deprecation.feed;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a deprecation feed: one step of a notice's life (a row of {@code deprecation_event}) with the fields
 * of its notice as they are now (reason, successor, sunset, state), read in one query by {@link FeedQueries}.
 *
 * @param kind {@code issued}, {@code extended}, {@code rescinded} or {@code retired}
 * @param summary what the step recorded ({@code sunset 2027-03-01, the whole product}, {@code sunset moved from
 *     2027-03-01 to 2027-04-01}, {@code rescinded: …}, …)
 * @param majorVersion the notice's major line, or null for the whole product
 * @param noticeSunset the notice's sunset now (an extension moves it)
 * @param lockVersion the notice's optimistic-lock version: it grows with every change to the notice
 */
public record FeedEntry(
        long eventId,
        long noticeId,
        String productKey,
        String domainKey,
        String kind,
        Instant at,
        String actor,
        String summary,
        Integer majorVersion,
        String state,
        String reason,
        String successorKey,
        String successorVersion,
        String noSuccessorReason,
        LocalDate noticeSunset,
        String rescindReason,
        int lockVersion) {}
