package io.signalbox.deprecation.feed;

/**
 * Which deprecation events a feed carries and how it names itself: every notice, a domain's, or a product's.
 *
 * @param name the path of the feed below {@code /feeds/} without {@code .atom} ({@code deprecations},
 *     {@code domains/billing}, {@code products/billing.invoices}): its id and self link are built from it
 * @param title the feed's title, in plain words
 * @param alternatePath the portal page the feed mirrors ({@code /}, {@code /domains/{key}},
 *     {@code /products/{key}/deprecation}), relative to the public URL
 * @param domainKey the domain whose events it carries, or null
 * @param productKey the product whose events it carries, or null (both null: every event)
 */
public record FeedScope(String name, String title, String alternatePath, String domainKey, String productKey) {

    /** Every notice of the catalog. */
    public static FeedScope all() {
        return new FeedScope("deprecations", "Deprecation notices", "/", null, null);
    }

    /** The notices of one domain's products. */
    public static FeedScope domain(String domainKey) {
        return new FeedScope(
                "domains/" + domainKey,
                "Deprecation notices in domain " + domainKey,
                "/domains/" + domainKey,
                domainKey,
                null);
    }

    /** The notices of one product ({@code title} its current title). */
    public static FeedScope product(String productKey, String title) {
        return new FeedScope(
                "products/" + productKey,
                "Deprecation notices of " + title + " (" + productKey + ")",
                "/products/" + productKey + "/deprecation",
                null,
                productKey);
    }

    /** The feed's own path, {@code /feeds/….atom}. */
    public String selfPath() {
        return "/feeds/" + name + ".atom";
    }
}
