package io.signalbox.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.signalbox.catalog.descriptor.DescriptorFormat;
import io.signalbox.catalog.descriptor.DescriptorParser;
import io.signalbox.catalog.descriptor.DescriptorReader;
import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.publishing.PublicationGate;
import io.signalbox.governance.rules.SchemaDiff;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The demo catalog is what a newcomer sees first: every descriptor in it must meet the council's blocking rules, and
 * its later versions must not break their major line. (The demo is loaded by the running portal, not by tests.)
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class DemoCatalogGovernanceTest {

    @Inject
    PublicationGate gate;

    @Test
    @Transactional
    void everyDemoDescriptorMeetsTheBlockingRules() throws IOException {
        List<String> refusals = new ArrayList<>();
        for (ProductDescriptor descriptor : demoDescriptors()) {
            PublicationGate.Verdict verdict = gate.evaluate(descriptor, Optional.empty());
            verdict.blocking()
                    .forEach(f -> refusals.add(descriptor.productKey() + " " + descriptor.version() + ": " + f.rule()
                            + " @ " + f.field() + ": " + f.problem()));
        }
        assertThat(refusals).isEmpty();
    }

    @Test
    void laterDemoVersionsDoNotBreakTheirMajorLine() throws IOException {
        Map<String, ProductDescriptor> previous = new LinkedHashMap<>();
        List<String> breaks = new ArrayList<>();
        for (ProductDescriptor descriptor : demoDescriptors()) {
            ProductDescriptor before = previous.put(descriptor.productKey(), descriptor);
            if (before == null
                    || before.version().major() != descriptor.version().major()) {
                continue;
            }
            SchemaDiff.compare(SchemaDiff.ofDescriptor(before.columns()), SchemaDiff.ofDescriptor(descriptor.columns()))
                    .stream()
                    .filter(SchemaDiff.Change::breaking)
                    .forEach(c -> breaks.add(descriptor.productKey() + " " + descriptor.version() + ": "
                            + c.kind().label() + " " + c.column()));
        }
        assertThat(breaks).isEmpty();
    }

    @Test
    void demoMeasurementsReportOnlyWhatTheDemoProductsMap() throws IOException {
        Map<String, ProductDescriptor> latest = new LinkedHashMap<>();
        demoDescriptors().forEach(d -> latest.put(d.productKey(), d));
        List<Map<String, Object>> measurements = (List<Map<String, Object>>)
                DescriptorParser.parse(resource("demo/measurements.yaml"), DescriptorFormat.YAML)
                        .get(0)
                        .get("measurements");
        assertThat(measurements).hasSizeGreaterThan(10);
        for (Map<String, Object> measurement : measurements) {
            ProductDescriptor product = latest.get((String) measurement.get("product"));
            assertThat(product).as((String) measurement.get("product")).isNotNull();
            Map<String, Object> completeness = (Map<String, Object>) measurement.getOrDefault("completeness", Map.of());
            assertThat(product.columns().stream()
                            .map(c -> c.canonicalAttribute())
                            .toList())
                    .as(product.productKey())
                    .containsAll(completeness.keySet());
        }
    }

    private static List<ProductDescriptor> demoDescriptors() throws IOException {
        List<ProductDescriptor> descriptors = new ArrayList<>();
        for (String line : new String(resource("demo/catalog.txt"), StandardCharsets.UTF_8).split("\n")) {
            String path = line.strip();
            if (!path.isEmpty() && !path.startsWith("#")) {
                descriptors.add(DescriptorReader.read(resource("demo/" + path), DescriptorFormat.YAML));
            }
        }
        assertThat(descriptors).hasSizeGreaterThan(20);
        return descriptors;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DemoCatalogGovernanceTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
