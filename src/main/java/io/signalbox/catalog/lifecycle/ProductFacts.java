package io.signalbox.catalog.lifecycle;

import java.util.List;

/**
 * What another feature needs to know about a product to tell its consumers about it: the catalog's answer to "who
 * depends on this product, and who owns it?".
 *
 * @param currentMajor the major number of the current version
 * @param majors every major line published, ascending
 * @param status the product's lifecycle status ({@code published}, {@code deprecated}, {@code retired}, …)
 * @param consumers the consumers declared by the current version (for a line, by the line's latest version)
 */
public record ProductFacts(
        long id,
        String key,
        String domainKey,
        String title,
        String ownerName,
        String ownerEmail,
        String currentVersion,
        int currentMajor,
        List<Integer> majors,
        String status,
        List<Consumer> consumers) {

    /**
     * A consumer declared in the descriptor ({@code team}, {@code domain}, {@code contact}: an email address or
     * anything else the owner wrote, for example a channel name).
     */
    public record Consumer(String team, String domain, String contact) {}

    /** A product whose current version declares this one as an input port, with its owner. */
    public record Downstream(
            long productId, String productKey, String domainKey, String ownerName, String ownerEmail) {}
}
