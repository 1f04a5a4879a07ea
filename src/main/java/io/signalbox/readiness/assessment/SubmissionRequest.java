package io.signalbox.readiness.assessment;

/**
 * The body of {@code POST /api/domains/{key}/readiness/draft/submission}.
 *
 * @param lockVersion the open draft's lockVersion as read: what is submitted is what the caller saw (409 when stale)
 */
public record SubmissionRequest(Integer lockVersion) {}
