package io.signalbox.governance.rules;

import io.signalbox.governance.canonical.CanonicalModel;
import io.signalbox.governance.canonical.CanonicalModel.Attribute;
import io.signalbox.governance.canonical.CanonicalModel.Entity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the council starts with (migrations/V4__governance.sql), held in memory so that a check can be unit-tested
 * without the database: the four canonical entities with their attributes, and each rule's default parameters.
 */
public final class Council {

    private Council() {}

    /** The canonical entities as seeded, in the order {@link CanonicalModel#load()} reads them (by name). */
    public static CanonicalModel model() {
        Map<String, Entity> entities = new LinkedHashMap<>();
        for (Entity entity : List.of(customer(), order(), product(), service())) {
            entities.put(entity.name(), entity);
        }
        return new CanonicalModel(entities);
    }

    /** The parameters a rule has before the council changes any. */
    public static Map<String, Object> parameters(String ruleId) {
        return switch (ruleId) {
            case "personal-data-protected" -> Map.of("classifications", List.of("confidential", "restricted"));
            case "canonical-completeness" -> Map.of("minimumPercent", 99);
            default -> Map.of();
        };
    }

    private static Entity service() {
        return entity(
                "Service",
                "service_id",
                "^SVC-[0-9]{10}$",
                "SVC-0000012345",
                "lifecycle_state",
                List.of("planned", "active", "suspended", "terminated"),
                attribute("service_id", "string", "The service's identifier, the join key every domain shares", true),
                attribute("service_name", "string", "The label people use for the service", false),
                attribute(
                        "service_type",
                        "string",
                        "The kind of capability, from the product catalogue's list of service types",
                        true),
                attribute(
                        "lifecycle_state",
                        "string",
                        "Where the service is in its life, in the shared vocabulary",
                        true),
                attribute("access_node", "string", "The network element that terminates the service (topology)", false),
                attribute(
                        "monthly_price",
                        "number",
                        "The recurring price of the service as sold (commercial terms)",
                        false),
                attribute(
                        "rated_event_link",
                        "string",
                        "The key that links rated usage events to the service (rated-event linkage)",
                        false));
    }

    private static Entity customer() {
        return entity(
                "Customer",
                "customer_id",
                "^CUS-[0-9]{8}$",
                "CUS-00012345",
                "customer_state",
                List.of("prospect", "active", "suspended", "closed"),
                attribute("customer_id", "string", "The customer's identifier, the join key every domain shares", true),
                attribute("customer_name", "string", "The customer's legal or display name", false),
                attribute(
                        "segment",
                        "string",
                        "The commercial segment: consumer, small business, enterprise or wholesale",
                        false),
                attribute(
                        "customer_state",
                        "string",
                        "Where the customer relationship is, in the shared vocabulary",
                        true));
    }

    private static Entity product() {
        return entity(
                "Product",
                "product_id",
                "^PRD-[0-9]{6}$",
                "PRD-001234",
                "product_state",
                List.of("planned", "active", "withdrawn"),
                attribute("product_id", "string", "The offering's identifier in the product catalogue", true),
                attribute("product_name", "string", "The offering's commercial name", false),
                attribute(
                        "product_state", "string", "Whether the offering can be sold, in the shared vocabulary", true));
    }

    private static Entity order() {
        return entity(
                "Order",
                "order_id",
                "^ORD-[0-9]{10}$",
                "ORD-0000012345",
                "order_state",
                List.of("acknowledged", "in-progress", "completed", "failed", "cancelled"),
                attribute("order_id", "string", "The order's identifier, from capture to fulfilment", true),
                attribute("order_date", "timestamp", "When the customer placed the order", false),
                attribute("order_state", "string", "Where the order is, in the shared vocabulary", true));
    }

    /** A canonical entity as the council could define it; for tests that need one the seed does not have. */
    public static Entity entity(
            String name,
            String identifierAttribute,
            String identifierFormat,
            String identifierExample,
            String lifecycleAttribute,
            List<String> lifecycleVocabulary,
            Attribute... attributes) {
        Map<String, Attribute> byName = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            byName.put(attribute.name(), attribute);
        }
        return new Entity(
                name,
                identifierAttribute,
                Pattern.compile(identifierFormat),
                identifierExample,
                lifecycleAttribute,
                List.copyOf(lifecycleVocabulary),
                byName);
    }

    public static Attribute attribute(String name, String dataType, String meaning, boolean mandatory) {
        return new Attribute(name, dataType, meaning, "council", mandatory);
    }
}
