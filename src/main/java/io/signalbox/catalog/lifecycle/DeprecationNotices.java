package io.signalbox.catalog.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The port through which the catalog learns whether a product, or one of its major lines, is under a deprecation
 * notice: the publication gate, the product page's banner and tombstone, and the API's RFC 9745 / RFC 8594 headers ask
 * it. The catalog owns it; the deprecation feature answers it, so the dependency points from deprecation to the
 * catalog.
 */
public interface DeprecationNotices {

    /**
     * The notice that covers major line {@code major} of a product: a notice for that line, else one for the whole
     * product; active or retired (a rescinded notice covers nothing). Empty when none covers it.
     */
    Optional<Notice> noticeFor(String productKey, int major);

    /**
     * A deprecation notice as the catalog shows it.
     *
     * @param majorVersion the major line it covers; null when it covers the whole product
     * @param state {@code active} (issued, before the sunset) or {@code retired} (the sunset passed)
     * @param sunset the day the product or line stops, in UTC
     * @param sunsetAt the instant it is retired (the start of {@code sunset} in UTC)
     * @param successorKey the product to use instead; null when there is none
     * @param successorVersion the version of the successor to use; null for its current version
     * @param noSuccessorReason why there is no successor; null when there is one
     * @param migrationGuide the migration guide in Markdown (rendered without raw HTML); may be empty
     */
    record Notice(
            long id,
            String productKey,
            Integer majorVersion,
            String state,
            LocalDate sunset,
            Instant sunsetAt,
            Instant issuedAt,
            String issuedBy,
            String reason,
            String successorKey,
            String successorVersion,
            String noSuccessorReason,
            String migrationGuide) {

        public boolean active() {
            return "active".equals(state);
        }

        public boolean retired() {
            return "retired".equals(state);
        }
    }
}
