package io.signalbox.readiness.assessment;

import java.time.LocalDate;

/**
 * The council's waiver of one red criterion of a domain's latest submitted assessment
 * ({@code POST /api/domains/{key}/readiness/assessments/{id}/waivers}).
 *
 * @param criterion the red criterion's key
 * @param reason why the red may count as amber for now (at most 2 000 characters)
 * @param expiresOn the last day the waiver is in force (UTC): after today and at most one year ahead
 */
public record WaiverRequest(String criterion, String reason, LocalDate expiresOn) {}
