package io.signalbox.deprecation.notice;

import java.time.LocalDate;

/**
 * What an owner sends to issue a notice ({@code POST /api/products/{key}/deprecation}) or to extend one ({@code PUT},
 * where only {@code sunset} is required and the other fields, when given, replace the notice's).
 *
 * @param reason why the product (or line) stops, in plain words (≤ 2000 characters)
 * @param sunset the day it stops, a date (ISO 8601, {@code 2027-03-01}); the product is retired at the start of that
 *     day in UTC
 * @param successor what to use instead: a product key ({@code billing.invoices-v2}), a product key and version
 *     ({@code billing.invoices@2.0.0}), or {@code none}
 * @param noSuccessorReason required when {@code successor} is {@code none} or absent: why there is none
 * @param migrationGuide how to move, in Markdown (≤ 20 000 characters; rendered without raw HTML)
 * @param majorVersion the major line the notice covers; absent for the whole product
 * @param lockVersion for an extension: the notice's lockVersion as read (409 when someone changed it since)
 */
public record NoticeRequest(
        String reason,
        LocalDate sunset,
        String successor,
        String noSuccessorReason,
        String migrationGuide,
        Integer majorVersion,
        Integer lockVersion) {}
