package io.signalbox.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.signalbox.catalog.lifecycle.Notices;
import io.signalbox.testing.Descriptors;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small telco catalog where the right first result for each query is known. Queries run within the fixture's domain
 * so that products published by other tests cannot change the order.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class SearchRankingTest {

    private static String domain;
    /** Customer Lifetime Value's ODPS id: external ids are unique across the catalog, so one per run. */
    private static final String LIFETIME_VALUE_ID = UUID.randomUUID().toString();

    /** Published once, by the first test that runs (rest-assured is ready only inside tests). */
    private static synchronized void publishFixtureCatalog() {
        if (domain != null) {
            return;
        }
        domain = Descriptors.newDomain();
        publish(describe(
                        "service-inventory",
                        "Network Service Inventory",
                        "active",
                        "[service, inventory, network]",
                        "Every network service with its lifecycle state, where it terminates and what it carries.",
                        column("service_id", "Service.service_id", "Canonical service identifier"),
                        column("service_name", "Service.service_name", "Human readable name of the service"),
                        column("site_id", null, "Site where the service terminates"),
                        column(
                                "lifecycle_state",
                                "Service.lifecycle_state",
                                "Planned, active, suspended or terminated"))
                .outputLocation("lakehouse.network.service_inventory"));
        publish(describe(
                        "service-inventory-snapshots",
                        "Service Inventory Snapshots",
                        "active",
                        "[service, history]",
                        "Nightly copies of the service inventory kept for audits.",
                        column("snapshot_date", null, "Day of the copy"),
                        column("service_id", "Service.service_id", "Canonical service identifier"))
                .outputLocation("lakehouse.network.service_inventory_v2"));
        product(
                "customer-accounts",
                "Customer Accounts",
                "active",
                "[customer, crm]",
                "Accounts of residential and business customers with their contact details.",
                column("customer_id", "Customer.customer_id", "Canonical customer identifier"),
                column("customer_email", null, "Where invoices and notices are sent"),
                column("account_status", null, "Open, suspended or closed"));
        publish(describe(
                        "customer-lifetime-value",
                        "Customer Lifetime Value",
                        "active",
                        "[customer, analytics]",
                        "Expected lifetime value of each customer, refreshed weekly from billing history.",
                        column("customer_id", "Customer.customer_id", "Canonical customer identifier"),
                        column("clv_amount", null, "Predicted value in euros"))
                .externalId(LIFETIME_VALUE_ID));
        publish(describe(
                        "invoice-lines",
                        "Invoice Lines",
                        "active",
                        "[billing, revenue]",
                        "Every rated invoice line with the service it charges for.",
                        column("invoice_id", null, "Invoice number"),
                        column("service_id", "Service.service_id", "Service charged"),
                        column("amount_eur", null, "Charged amount in euros"))
                .contractId("billing-rated-lines-odcs-v3"));
        product(
                "radio-cell-performance",
                "Radio Cell Performance",
                "active",
                "[radio, kpi]",
                "Hourly key performance indicators of every 4G and 5G radio cell.",
                column("cell_id", null, "Radio cell identifier"),
                column("dropped_call_rate", null, "Share of calls dropped in the hour"),
                column("throughput_mbps", null, "Average downlink throughput"));
        product(
                "legacy-cell-performance",
                "Legacy Cell Performance",
                "deprecated",
                "[radio, kpi]",
                "Daily performance indicators of 3G cells, replaced by radio cell performance.",
                column("cell_id", null, "Radio cell identifier"),
                column("availability_pct", null, "Cell availability"));
        product(
                "fibre-circuit-topology",
                "Fibre Circuit Topology",
                "active",
                "[fibre, topology]",
                "How fibre circuits connect exchanges, cabinets and customer premises.",
                column("circuit_ref", null, "Circuit reference"),
                column("exchange_code", null, "Exchange where the circuit starts"));
        product(
                "trouble-tickets",
                "Trouble Tickets",
                "active",
                "[assurance, tickets]",
                "Faults reported by customers and by monitoring, with their resolution.",
                column("ticket_id", null, "Ticket number"),
                column("severity", null, "Impact class of the fault"),
                column("resolved_at", null, "When the fault was fixed"));
        product(
                "tariff-catalogue",
                "Tariff Catalogue",
                "active",
                "[product, pricing]",
                "Commercial tariffs with their monthly fees and allowances.",
                column("tariff_code", null, "Tariff identifier"),
                column("monthly_fee", null, "Recurring fee in euros"));
        product(
                "order-fulfilment-events",
                "Order Fulfilment Events",
                "active",
                "[orders, provisioning]",
                "Each step of fulfilling an order, from acceptance to activation.",
                column("order_id", "Order.order_id", "Canonical order identifier"),
                column("fulfilment_step", null, "Step reached"));
        product(
                "copper-line-inventory",
                "Copper Line Inventory",
                "retired",
                "[copper, inventory]",
                "Copper access lines, retired after the fibre migration.",
                column("line_id", null, "Line identifier"));
        publish(describe(
                        "usage-records",
                        "Usage Records",
                        "active",
                        "[usage, rating]",
                        "Call detail and data session records before rating; includes the MSISDN of the caller.",
                        column("msisdn", null, "Subscriber phone number"),
                        column("bytes_used", null, "Data volume of the session"))
                .outputLocation("mediation.cdr-enriched.v1"));
        // Column names typed whole: a competitor uses the identifier's words more, in its title and description.
        product(
                "customer-contact-preferences",
                "Customer Contact Preferences",
                "active",
                "[customer, consent]",
                "How each customer wants to be contacted: by phone, email or post.",
                column("customer_id", "Customer.customer_id", "Canonical customer identifier"),
                column("contact_channel", null, "Preferred channel"),
                column("phone_opt_in", null, "Whether calls are welcome"));
        product(
                "field-visit-appointments",
                "Field Visit Appointments",
                "active",
                "[field, workforce]",
                "Technician visits booked at customer premises.",
                column("appointment_id", null, "Appointment number"),
                column("customer_contact_phone", null, "Number the technician calls before arriving"));
        product(
                "charge-type-reference",
                "Charge Type Reference",
                "active",
                "[billing, reference]",
                "Every type of charge a tariff can raise, with its accounting code.",
                column("charge_type_code", null, "Code of the type of charge"));
        product(
                "rated-charges",
                "Rated Charges",
                "active",
                "[billing, rating]",
                "Each rated event with the amount charged and how it was charged.",
                column("event_id", null, "Event identifier"),
                column("chargeType", null, "Recurring, one-off or usage"),
                column("amount", null, "Amount in euros"));
        // Exact words before forgiven ones: "free" is not "fee", "shock" is not "stock".
        product(
                "promotion-redemptions",
                "Promotion Redemptions",
                "active",
                "[marketing, vouchers]",
                "Vouchers and free minutes redeemed in each campaign.",
                column("campaign_code", null, "Campaign identifier"));
        product(
                "roaming-fee-schedule",
                "Roaming Fee Schedule",
                "active",
                "[roaming, pricing]",
                "What partner networks charge per minute and megabyte abroad.",
                column("fee_eur", null, "Amount per unit"),
                column("fee_type", null, "Per minute, per megabyte or per message"));
        product(
                "spend-alerts",
                "Spend Alerts",
                "active",
                "[alerts, care]",
                "Warnings sent before a bill shock, when spending crosses a threshold.",
                column("alert_id", null, "Alert identifier"),
                column("threshold_eur", null, "Threshold crossed"));
        product(
                "handset-stock",
                "Handset Stock",
                "active",
                "[devices, logistics]",
                "Handsets and SIM cards held in each shop and warehouse.",
                column("sku", null, "Stock keeping unit"),
                column("stock_qty", null, "Units held"));
    }

    private static String column(String name, String canonical, String description) {
        return name + "|" + (canonical == null ? "" : canonical) + "|" + description;
    }

    /**
     * Publishes a product in {@code status}; a deprecated or retired one is published active and then put under a
     * deprecation notice (retired at once for {@code retired}), the only way a product reaches those states.
     */
    private static void product(
            String slug, String title, String status, String tags, String purpose, String... columns) {
        boolean endOfLife = status.equals("deprecated") || status.equals("retired");
        Descriptors product = describe(slug, title, endOfLife ? "active" : status, tags, purpose, columns);
        publish(product);
        if (endOfLife) {
            long notice = Notices.forProduct(product.key()).issue();
            if (status.equals("retired")) {
                Notices.retire(notice);
            }
        }
    }

    private static Descriptors describe(
            String slug, String title, String status, String tags, String purpose, String... columns) {
        Descriptors product = Descriptors.product(domain)
                .slug(slug)
                .title(title)
                .status(status)
                .purpose(purpose)
                .productField("tags", tags)
                .withoutColumns();
        for (String column : columns) {
            String[] parts = column.split("\\|", -1);
            product.column(
                    parts[0], "string", false, "internal", false, parts[1].isEmpty() ? null : parts[1], parts[2]);
        }
        return product;
    }

    private static void publish(Descriptors product) {
        product.publish().then().log().ifValidationFails().statusCode(201);
    }

    private ValidatableResponse search(String query, String... filters) {
        publishFixtureCatalog();
        var request = given().queryParam("q", query).queryParam("domain", domain);
        for (int i = 0; i < filters.length; i += 2) {
            request = request.queryParam(filters[i], filters[i + 1]);
        }
        return request.get("/api/search").then().statusCode(200);
    }

    private List<String> titles(String query, String... filters) {
        return search(query, filters).extract().path("hits.title");
    }

    @ParameterizedTest(name = "\"{0}\" puts {1} first")
    @CsvSource(
            delimiter = '|',
            value = {
                // exact names, ignoring case and punctuation
                "Network Service Inventory|Network Service Inventory",
                "network service-inventory!|Network Service Inventory",
                "NETWORK_SERVICE_INVENTORY|Network Service Inventory",
                "service-inventory|Network Service Inventory",
                "Service Inventory Snapshots|Service Inventory Snapshots",
                // exact slugs and titles typed without separators: no word of the text matches, only the exact name
                "ServiceInventory|Network Service Inventory",
                "serviceinventory|Network Service Inventory",
                "serviceInventorySnapshots|Service Inventory Snapshots",
                "CustomerAccounts|Customer Accounts",
                "networkserviceinventory|Network Service Inventory",
                // title words, stemming
                "invoices|Invoice Lines",
                "tariffs|Tariff Catalogue",
                "fulfilling orders|Order Fulfilment Events",
                // misspellings
                "invocie lines|Invoice Lines",
                "troubel tikets|Trouble Tickets",
                "topolgy|Fibre Circuit Topology",
                "custmer acounts|Customer Accounts",
                // column names
                "dropped_call_rate|Radio Cell Performance",
                "customer_email|Customer Accounts",
                "monthly fee|Tariff Catalogue",
                "bytes used|Usage Records",
                // phrases
                "\"lifetime value\"|Customer Lifetime Value",
                "\"radio cell\"|Radio Cell Performance",
                // prefix of the word being typed
                "fulfil|Order Fulfilment Events",
                "topo|Fibre Circuit Topology",
                // synonyms: subscriber → customer, circuit → service, bill → invoice
                "subscriber accounts|Customer Accounts",
                "bill lines|Invoice Lines",
                // deprecated below live ones of similar relevance
                "cell performance|Radio Cell Performance",
                // canonical entities and descriptions
                "Order.order_id|Order Fulfilment Events",
                "faults resolution|Trouble Tickets",
                // a column name typed whole ranks the product that has it above ones using its words more
                "customer_contact_phone|Field Visit Appointments",
                "customerContactPhone|Field Visit Appointments",
                "chargeType|Rated Charges",
                "charge_type|Rated Charges",
                "charge type code|Charge Type Reference",
                // a word found as written, in any field, ranks above words reached through a typo
                "free|Promotion Redemptions",
                "shock|Spend Alerts",
            })
    void theExpectedProductComesFirst(String query, String expectedFirst) {
        List<String> titles = titles(query);
        assertThat(titles).as("results for %s", query).isNotEmpty();
        assertThat(titles.get(0)).as("first result for %s in %s", query, titles).isEqualTo(expectedFirst);
    }

    /**
     * Identifiers shown on a product page find it, whole or in parts, and every word matches (the results are not the
     * relaxed "some of your words" ones): output ports' locations (a table, a topic) and contract ids.
     */
    @ParameterizedTest(name = "the identifier \"{0}\" puts {1} first")
    @CsvSource(
            delimiter = '|',
            value = {
                "lakehouse.network.service_inventory_v2|Service Inventory Snapshots",
                "lakehouse.network.service_inventory|Network Service Inventory",
                "service_inventory_v2|Service Inventory Snapshots",
                "mediation.cdr-enriched.v1|Usage Records",
                "cdr enriched|Usage Records",
                "billing-rated-lines-odcs-v3|Invoice Lines",
                "odcs v3|Invoice Lines",
            })
    void anIdentifierOnTheProductPageFindsTheProduct(String query, String expectedFirst) {
        JsonPath results = search(query).extract().jsonPath();
        List<String> titles = results.getList("hits.title", String.class);
        assertThat(titles).as("results for %s", query).isNotEmpty();
        assertThat(titles.get(0)).as("first result for %s in %s", query, titles).isEqualTo(expectedFirst);
        assertThat(results.getBoolean("relaxed"))
                .as("every word of %s matched", query)
                .isFalse();
    }

    @Test
    void theExternalIdFindsTheProductWholeOrInAnyCase() {
        for (String query : List.of(LIFETIME_VALUE_ID, LIFETIME_VALUE_ID.toUpperCase(Locale.ROOT))) {
            JsonPath results = search(query).extract().jsonPath();
            assertThat(results.getList("hits.title", String.class))
                    .as("results for %s", query)
                    .containsExactly("Customer Lifetime Value");
            assertThat(results.getBoolean("relaxed")).isFalse();
        }
    }

    @ParameterizedTest(name = "the key typed as <domain>{0} puts Network Service Inventory first")
    @ValueSource(strings = {".service-inventory", ".ServiceInventory", "serviceinventory", ".SERVICE_INVENTORY"})
    void theWholeKeyTypedWithOrWithoutSeparatorsPutsItsProductFirst(String typedAfterDomain) {
        publishFixtureCatalog();
        String query = domain + typedAfterDomain;
        List<String> keys = search(query).extract().path("hits.key");
        assertThat(keys).as("results for %s", query).isNotEmpty();
        assertThat(keys.get(0)).as("first result for %s in %s", query, keys).isEqualTo(domain + ".service-inventory");
    }

    /**
     * A person who types a product's key means that product, even when another one uses the key's words more: here
     * the competitor has both words in its title, tags, description and columns, the product only in its key.
     */
    @Test
    void theExactKeyOutranksAProductThatUsesItsWordsMore() {
        String ownDomain = Descriptors.newDomain();
        Descriptors.product(ownDomain)
                .slug("service-inventory")
                .title("Network Element Register")
                .purpose("Network elements and the capabilities configured on them.")
                .productField("tags", "[network, elements]")
                .withoutColumns()
                .column("element_id", "string", true, "internal", false, null, "Element identifier")
                .publish()
                .then()
                .statusCode(201);
        Descriptors.product(ownDomain)
                .slug("reconciliation")
                .title("Service Inventory Reconciliation")
                .purpose("Reconciles the service inventory against the billed inventory, service by service.")
                .productField("tags", "[service, inventory, reconciliation]")
                .withoutColumns()
                .column("service_id", "string", true, "internal", false, "Service.service_id", "Service in inventory")
                .column("inventory_state", "string", false, "internal", false, null, "State in the service inventory")
                .publish()
                .then()
                .statusCode(201);

        for (String query : List.of("service-inventory", "service inventory", "ServiceInventory")) {
            List<String> keys = given().queryParam("q", query)
                    .queryParam("domain", ownDomain)
                    .get("/api/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("hits.key");
            assertThat(keys).as("results for %s", query).isNotEmpty();
            assertThat(keys.get(0))
                    .as("first result for %s in %s", query, keys)
                    .isEqualTo(ownDomain + ".service-inventory");
        }
    }
}
