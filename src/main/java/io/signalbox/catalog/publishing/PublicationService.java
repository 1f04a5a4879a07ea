package io.signalbox.catalog.publishing;

import io.signalbox.catalog.ProductsChanged;
import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.catalog.model.ConcurrentWrites;
import io.signalbox.catalog.model.DataProduct;
import io.signalbox.catalog.model.Domain;
import io.signalbox.catalog.model.LifecycleStatus;
import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.catalog.model.SchemaColumn;
import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.identity.AuditLog;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes data products: each publication becomes a new immutable version, in one transaction, or nothing is
 * written at all.
 */
@ApplicationScoped
public class PublicationService {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** What a publication did: {@code created} is false when the same version was already published identically. */
    public record Publication(DataProduct product, ProductVersion version, boolean created) {}

    @Inject
    Event<ProductsChanged> changes;

    @Inject
    PublicationGate gate;

    /**
     * Evaluates a descriptor exactly as {@link #publish} would, and writes nothing: the dry run domain repositories
     * call from their own CI. Problems a publication would be refused for before the rules (an unknown domain, a
     * version already taken) are refused the same way.
     */
    @Transactional
    public PublicationGate.Verdict validate(ProductDescriptor descriptor) {
        Domain domain = registeredDomain(descriptor);
        Optional<DataProduct> existing = existingProduct(descriptor, domain);
        if (existing.isEmpty()) {
            return gate.evaluate(descriptor, Optional.empty());
        }
        DataProduct product = existing.get();
        refuseIdentityChanges(product, descriptor);
        Optional<ProductVersion> sameNumber =
                ProductVersion.find(product, descriptor.version().toString());
        if (sameNumber.isEmpty() || !sameNumber.get().contentHash.equals(descriptor.contentHash())) {
            refuseTakenNumber(product, sameNumber, descriptor);
            refuseUnlessNewestOfItsLine(product, descriptor.version());
        }
        return gate.evaluate(descriptor, predecessor(product, descriptor.version()));
    }

    @Transactional
    public Publication publish(ProductDescriptor descriptor, String publishedBy) {
        Domain domain = registeredDomain(descriptor);
        Instant now = clock.instant();
        Optional<DataProduct> existing = existingProduct(descriptor, domain);
        if (existing.isPresent()) {
            return publishNextVersion(existing.get(), descriptor, publishedBy, now);
        }
        PublicationGate.Verdict verdict = gate.evaluate(descriptor, Optional.empty());
        refuseIfBlocked(verdict, descriptor);
        DataProduct product = new DataProduct();
        product.key = descriptor.productKey();
        product.domain = domain;
        product.slug = descriptor.slug();
        product.externalId = descriptor.externalId();
        product.status = descriptor.status();
        product.createdAt = now;
        product.updatedAt = now;
        ConcurrentWrites.writeOrConflict(
                product::persist,
                "data product " + product.key + " was published by someone else at the same time; "
                        + "publish again to add your version",
                "product.id");
        ProductVersion version = newVersion(product, descriptor, publishedBy, now, verdict);
        product.currentVersion = version;
        ConcurrentWrites.flushOrConflict(
                "data product " + product.key + " was published at the same time; try again", "product.version");
        recordPublication(product, version, null, publishedBy);
        return new Publication(product, version, true);
    }

    private Publication publishNextVersion(
            DataProduct product, ProductDescriptor descriptor, String publishedBy, Instant now) {
        refuseIdentityChanges(product, descriptor);
        Optional<ProductVersion> sameNumber =
                ProductVersion.find(product, descriptor.version().toString());
        if (sameNumber.isPresent() && sameNumber.get().contentHash.equals(descriptor.contentHash())) {
            return new Publication(product, sameNumber.get(), false);
        }
        refuseTakenNumber(product, sameNumber, descriptor);
        refuseUnlessNewestOfItsLine(product, descriptor.version());
        PublicationGate.Verdict verdict = gate.evaluate(descriptor, predecessor(product, descriptor.version()));
        refuseIfBlocked(verdict, descriptor);
        boolean becomesCurrent = descriptor.version().compareTo(product.currentVersion.semanticVersion()) > 0;
        String before = summary(product.currentVersion, product.status);
        ProductVersion version = newVersion(product, descriptor, publishedBy, now, verdict);
        if (becomesCurrent) {
            product.currentVersion = version;
            product.status = descriptor.status();
        }
        product.updatedAt = now;
        ConcurrentWrites.flushOrConflict(
                "another version of " + product.key + " was published at the same time; "
                        + "check the product's versions and publish again",
                "product.version");
        recordPublication(product, version, before, publishedBy);
        return new Publication(product, version, true);
    }

    private static Domain registeredDomain(ProductDescriptor descriptor) {
        return Domain.findByKey(descriptor.domainKey())
                .orElseThrow(() -> ProblemException.unprocessable(
                        "The descriptor is not valid",
                        List.of(new FieldProblem(
                                "product.domain",
                                "no domain '" + descriptor.domainKey() + "' is registered; known domains: "
                                        + String.join(
                                                ", ",
                                                Domain.listByKey().stream()
                                                        .map(d -> d.key)
                                                        .toList())))));
    }

    /** The product this descriptor publishes a version of, if it was published before (in this domain). */
    private static Optional<DataProduct> existingProduct(ProductDescriptor descriptor, Domain domain) {
        Optional<DataProduct> existing = DataProduct.findByExternalId(descriptor.externalId())
                .or(() -> DataProduct.findByKey(descriptor.productKey()));
        if (existing.isPresent() && !existing.get().domain.id.equals(domain.id)) {
            throw ProblemException.conflict(
                    "the data product with id " + descriptor.externalId() + " is published as "
                            + existing.get().key + " by domain " + existing.get().domain.key
                            + "; a product does not move between domains: give the new one its own id",
                    "product.id");
        }
        return existing;
    }

    private static void refuseIdentityChanges(DataProduct product, ProductDescriptor descriptor) {
        if (!product.externalId.equals(descriptor.externalId())) {
            throw ProblemException.conflict(
                    "the key " + product.key + " already belongs to the data product with id " + product.externalId
                            + "; keep that id to publish a new version, or choose another slug",
                    "product.id");
        }
        if (!product.key.equals(descriptor.productKey())) {
            // The external id is the identity; a changed name or slug does not move the product to a new key.
            refuseMovedSlug(product, descriptor);
        }
    }

    private static void refuseTakenNumber(
            DataProduct product, Optional<ProductVersion> sameNumber, ProductDescriptor descriptor) {
        if (sameNumber.isPresent() && !sameNumber.get().contentHash.equals(descriptor.contentHash())) {
            throw ProblemException.conflict(
                    "version " + descriptor.version() + " of " + product.key
                            + " is already published with different content; published versions never change, "
                            + "so give this publication a new version number",
                    "product.version");
        }
    }

    /**
     * The version a new one is judged against: the newest earlier version of its major line, or, opening a new major
     * line, the current version (a new major may break, but its changes are still shown).
     */
    private static Optional<ProductVersion> predecessor(DataProduct product, SemanticVersion proposed) {
        Optional<SemanticVersion> newestOfLine = ProductVersion.numbersOf(product).stream()
                .filter(v -> v.major() == proposed.major() && v.compareTo(proposed) < 0)
                .max(SemanticVersion::compareTo);
        if (newestOfLine.isPresent()) {
            return ProductVersion.find(product, newestOfLine.get().toString());
        }
        return Optional.ofNullable(product.currentVersion);
    }

    /** Blocking findings refuse the publication with every reason at once, before anything is written. */
    public static void refuseIfBlocked(PublicationGate.Verdict verdict, ProductDescriptor descriptor) {
        if (verdict.passes()) {
            return;
        }
        List<PublicationGate.Finding> blocking = verdict.blocking();
        throw new ProblemException(
                422,
                "governance-rules",
                "The publication breaks the council's rules",
                descriptor.productKey() + " " + descriptor.version() + " breaks " + blocking.size()
                        + (blocking.size() == 1 ? " rule" : " rules") + "; nothing was published. See violations.",
                blocking.stream()
                        .map(f -> new FieldProblem(f.field(), f.problem() + " (" + f.rule() + "): " + f.fix()))
                        .toList(),
                Map.of(
                        "ruleSetVersion", verdict.ruleSetVersion(),
                        "violations", blocking,
                        "warnings", verdict.warnings(),
                        "schemaChanges", verdict.schemaChanges()));
    }

    /**
     * Versions only grow within a major line, so consumers never see history rewritten. A fix to an older major line
     * that is still in use (1.4.1 after 2.0.0) is allowed; it is recorded but does not become current.
     */
    private static void refuseUnlessNewestOfItsLine(DataProduct product, SemanticVersion proposed) {
        List<SemanticVersion> published = ProductVersion.numbersOf(product);
        Optional<SemanticVersion> newestOfLine =
                published.stream().filter(v -> v.major() == proposed.major()).max(SemanticVersion::compareTo);
        SemanticVersion newest = product.currentVersion.semanticVersion();
        String problem = null;
        if (newestOfLine.isPresent() && proposed.compareTo(newestOfLine.get()) <= 0) {
            problem = proposed + " is not newer than " + newestOfLine.get() + ", the latest published "
                    + proposed.major() + ".x version; use a higher version number";
        } else if (newestOfLine.isEmpty() && proposed.major() < newest.major()) {
            problem = "no " + proposed.major() + ".x version was ever published, and the current version is " + newest
                    + "; start a new major line above " + newest.major();
        }
        if (problem != null) {
            throw ProblemException.unprocessable(
                    "The descriptor is not valid", List.of(new FieldProblem("product.version", problem)));
        }
    }

    private void recordPublication(DataProduct product, ProductVersion version, String before, String publishedBy) {
        String after = summary(version, version.declaredStatus)
                + (product.currentVersion == version ? "" : "; current stays " + product.currentVersion.version);
        audit.record(new AuditLog.Change(
                publishedBy, "product.published", "product", product.key, product.domain.key, before, after));
        gate.published(product);
        changes.fire(ProductsChanged.products(product.id));
    }

    private static String summary(ProductVersion version, LifecycleStatus status) {
        return "version " + version.version + " (" + status.label() + "), " + version.columns.size() + " columns, "
                + (version.classification == null ? "unclassified" : version.classification.label());
    }

    private static void refuseMovedSlug(DataProduct product, ProductDescriptor descriptor) {
        throw ProblemException.unprocessable(
                "The descriptor is not valid",
                List.of(new FieldProblem(
                        "product.customProperties",
                        "this product (id " + product.externalId + ") is published as " + product.key
                                + "; its key cannot change to " + descriptor.productKey()
                                + ": set the slug custom property to '" + product.slug + "'")));
    }

    private ProductVersion newVersion(
            DataProduct product,
            ProductDescriptor descriptor,
            String publishedBy,
            Instant now,
            PublicationGate.Verdict verdict) {
        ProductVersion version = new ProductVersion();
        version.product = product;
        version.version = descriptor.version().toString();
        version.major = descriptor.version().major();
        version.minor = descriptor.version().minor();
        version.patch = descriptor.version().patch();
        version.title = descriptor.title();
        version.purpose = descriptor.purpose();
        version.limitations = descriptor.limitations();
        version.usage = descriptor.usage();
        version.declaredStatus = descriptor.status();
        version.classification = descriptor.classification();
        version.ownerName = descriptor.ownerName();
        version.ownerEmail = descriptor.ownerEmail();
        version.teamName = descriptor.teamName();
        version.team = new ArrayList<>(descriptor.team());
        version.support = new ArrayList<>(descriptor.support());
        version.tags = new ArrayList<>(descriptor.tags());
        version.outputPorts = new ArrayList<>(descriptor.outputPorts());
        version.inputPorts = new ArrayList<>(descriptor.inputPorts());
        version.consumers = new ArrayList<>(descriptor.consumers());
        version.lifecycleMapping = new ArrayList<>(descriptor.lifecycleMapping());
        version.slaFreshness = descriptor.slaFreshness();
        version.slaAvailability = descriptor.slaAvailability();
        version.sla = new ArrayList<>(descriptor.sla());
        version.changelog = descriptor.changelog();
        version.contentHash = descriptor.contentHash();
        version.descriptor = descriptor.text();
        version.descriptorFormat = descriptor.format().label();
        version.publishedAt = now;
        version.publishedBy = publishedBy;
        version.ruleSetVersion = verdict.ruleSetVersion();
        int position = 0;
        for (ColumnSpec spec : descriptor.columns()) {
            SchemaColumn column = new SchemaColumn();
            column.version = version;
            column.position = position++;
            column.objectName = spec.objectName();
            column.name = spec.name();
            column.logicalType = spec.logicalType();
            column.physicalType = spec.physicalType();
            column.description = spec.description();
            column.required = spec.required();
            column.primaryKey = spec.primaryKey();
            column.classification = spec.classification();
            column.pii = spec.pii();
            column.accessNote = spec.accessNote();
            column.canonicalAttribute = spec.canonicalAttribute();
            column.tags = new ArrayList<>(spec.tags());
            version.columns.add(column);
        }
        ConcurrentWrites.writeOrConflict(
                version::persist,
                "version " + version.version + " of " + product.key + " was published at the same time",
                "product.version");
        gate.recordPublished(version, verdict);
        return version;
    }
}
