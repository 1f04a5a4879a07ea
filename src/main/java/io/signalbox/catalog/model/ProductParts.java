package io.signalbox.catalog.model;

/**
 * The small value objects a product version carries. They are stored as JSON beside the version because they are
 * always read and written with it, never queried on their own.
 */
public final class ProductParts {

    private ProductParts() {}

    public record TeamMember(String username, String name, String role) {}

    public record SupportChannel(String channel, String url, String tool, String scope) {}

    public record OutputPort(
            String name, String description, String kind, String version, String contractId, String location) {}

    public record InputPort(String name, String version, String contractId, String sourceProduct) {}

    public record DeclaredConsumer(String team, String domain, String purpose, String contact) {}

    public record LifecycleMapping(String internal, String canonical) {}

    public record SlaProperty(String property, String value, String unit) {}
}
