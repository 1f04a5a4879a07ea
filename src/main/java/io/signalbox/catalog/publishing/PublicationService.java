package io.signalbox.catalog.publishing;

import io.signalbox.catalog.ProductChangeSignals;
import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.catalog.lifecycle.DeprecationNotices;
import io.signalbox.catalog.model.DataProduct;
import io.signalbox.catalog.model.Domain;
import io.signalbox.catalog.model.LifecycleStatus;
import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.catalog.model.SchemaColumn;
import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.identity.AuditLog;
import io.signalbox.platform.ConcurrentWrites;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes data products: each publication becomes a new immutable version, in one transaction, or nothing is
 * written at all. The corridor, in order: the domain must be registered; the product is found by its ODPS id (else by
 * key); the version number is placed in its line ({@link VersionLine}); the product's lifecycle is checked
 * ({@link LifecycleGate}: deprecation notices, not descriptors, deprecate and retire); the gate judges the descriptor against the
 * version it succeeds; the version is written; {@link PublicationAccepted} is fired for the features that keep what a
 * publication leaves behind; the change is audited and signalled to the index once the transaction commits.
 */
@ApplicationScoped
public class PublicationService {

    @Inject
    Clock clock;

    @Inject
    PublicationMetrics metrics;

    @Inject
    AuditLog audit;

    @Inject
    PublicationGate gate;

    @Inject
    Event<PublicationAccepted> accepted;

    @Inject
    ProductChangeSignals signals;

    @Inject
    LifecycleGate lifecycle;

    @Inject
    DeprecationNotices notices;

    /**
     * What a publication did: {@code created} is false when the same version was already published identically;
     * {@code lifecycleWarnings} are what the lifecycle tells the publisher (a notice that governs the status);
     * {@code previousMajorToDeprecate} is the major line this version leaves behind by opening a new one, when no
     * notice covers it yet (null otherwise): the answer offers to deprecate it.
     */
    public record Publication(
            DataProduct product,
            ProductVersion version,
            boolean created,
            List<FieldProblem> lifecycleWarnings,
            Integer previousMajorToDeprecate) {}

    /** What the dry run found: the council's verdict and what the lifecycle tells the publisher. */
    public record Validation(PublicationGate.Verdict verdict, List<FieldProblem> lifecycleWarnings) {}

    /**
     * Where a descriptor would go: its domain, the product it is a version of (empty for a new product), the version
     * already published with the same number and content (a repeated publication), and the version it is judged
     * against.
     */
    private record Destination(
            Domain domain,
            Optional<DataProduct> product,
            Optional<ProductVersion> identical,
            Optional<ProductVersion> predecessor,
            boolean becomesCurrent) {}

    /**
     * Evaluates a descriptor exactly as {@link #publish} would, and writes nothing: the dry run domain repositories
     * call from their own CI. Problems a publication would be refused for before the rules (an unknown domain, a
     * version already taken) are refused the same way.
     *
     * @return the verdict, which passes (it may carry warnings), and the lifecycle's warnings
     * @throws PublicationRefused when a blocking rule is broken, with the whole verdict
     * @throws io.signalbox.web.Refusal.Invalid when the product's lifecycle does not allow it ({@link LifecycleGate})
     */
    @Transactional
    public Validation validate(ProductDescriptor descriptor) {
        Destination destination = destinationOf(descriptor);
        List<FieldProblem> warnings = destination.identical().isPresent()
                ? List.of()
                : lifecycle.check(descriptor, destination.product()).warnings();
        return new Validation(judge(descriptor, destination), warnings);
    }

    /**
     * Publishes a descriptor as {@code publishedBy}. The caller has checked the right to publish
     * ({@link PublishingRights}).
     *
     * @throws PublicationRefused when a blocking rule is broken
     * @throws io.signalbox.web.Refusal.Invalid when the domain is unknown, the version number does not fit its line,
     *     or the product's lifecycle does not allow it ({@link LifecycleGate}: deprecated without a notice, retired)
     * @throws io.signalbox.web.Refusal.Conflict when the id belongs to another product or domain, the number is taken
     *     with other content, or a concurrent publication won the race
     */
    @Transactional
    public Publication publish(ProductDescriptor descriptor, String publishedBy) {
        Destination destination = destinationOf(descriptor);
        if (destination.identical().isPresent()) {
            return new Publication(
                    destination.product().orElseThrow(), destination.identical().get(), false, List.of(), null);
        }
        LifecycleGate.Passage passage = lifecycle.check(descriptor, destination.product());
        PublicationGate.Verdict verdict;
        try {
            verdict = judge(descriptor, destination);
        } catch (PublicationRefused refused) {
            metrics.refused(refused.verdict());
            throw refused;
        }
        Instant now = clock.instant();
        DataProduct product = destination
                .product()
                .orElseGet(() -> newProduct(descriptor, passage.statusFor(descriptor), destination.domain(), now));
        String before = destination.product().isPresent() ? summary(product.currentVersion, product.status) : null;
        ProductVersion version = newVersion(product, descriptor, publishedBy, now, verdict);
        if (destination.product().isEmpty() || destination.becomesCurrent()) {
            product.currentVersion = version;
            product.status = passage.statusFor(descriptor);
        }
        product.updatedAt = now;
        ConcurrentWrites.flushOrConflict(
                destination.product().isEmpty()
                        ? "data product " + product.key + " was published at the same time; try again"
                        : "another version of " + product.key + " was published at the same time; "
                                + "check the product's versions and publish again",
                "product.version");
        accepted.fire(new PublicationAccepted(product, version, verdict));
        String after = summary(version, version.declaredStatus)
                + (product.currentVersion == version ? "" : "; current stays " + product.currentVersion.version);
        audit.record(new AuditLog.Change(
                publishedBy, "product.published", "product", product.key, product.domain.key, before, after));
        signals.productChanged(product.id);
        return new Publication(
                product, version, true, passage.warnings(), previousMajorLeftBehind(product, version, destination));
    }

    /**
     * The major line a new version leaves behind when it opens a higher one (a breaking change, Semantic Versioning
     * §8), if no deprecation notice covers that line yet; null otherwise.
     */
    private Integer previousMajorLeftBehind(DataProduct product, ProductVersion version, Destination destination) {
        if (destination.predecessor().isEmpty()) {
            return null;
        }
        int previous = destination.predecessor().get().major;
        if (version.major <= previous
                || notices.noticeFor(product.key, previous).isPresent()) {
            return null;
        }
        return previous;
    }

    /** The gate's verdict against the version this one succeeds; a blocking finding refuses with every reason. */
    private PublicationGate.Verdict judge(ProductDescriptor descriptor, Destination destination) {
        PublicationGate.Verdict verdict = gate.evaluate(descriptor, destination.predecessor());
        if (!verdict.passes()) {
            throw new PublicationRefused(descriptor, verdict);
        }
        return verdict;
    }

    /** Every check that comes before the rules, shared by the dry run and publishing. */
    private static Destination destinationOf(ProductDescriptor descriptor) {
        Domain domain = registeredDomain(descriptor);
        Optional<DataProduct> existing = existingProduct(descriptor, domain);
        if (existing.isEmpty()) {
            return new Destination(domain, existing, Optional.empty(), Optional.empty(), true);
        }
        DataProduct product = existing.get();
        refuseIdentityChanges(product, descriptor);
        // One read of the version numbers serves every check below; versions themselves are read by number.
        List<SemanticVersion> numbers = ProductVersion.numbersOf(product);
        SemanticVersion proposed = descriptor.version();
        String number = proposed.toString();
        if (numbers.stream().anyMatch(v -> v.toString().equals(number))) {
            ProductVersion same = ProductVersion.find(product, number).orElseThrow();
            if (!same.contentHash.equals(descriptor.contentHash())) {
                throw Refusal.conflict(
                        "version " + number + " of " + product.key
                                + " is already published with different content; published versions never change, "
                                + "so give this publication a new version number",
                        "product.version");
            }
            // Published before, identically: publishing again changes nothing, and the dry run judges it as it was.
            SemanticVersion predecessor =
                    VersionLine.predecessor(numbers, product.currentVersion.semanticVersion(), proposed);
            return new Destination(domain, existing, Optional.of(same), numbered(product, predecessor), false);
        }
        VersionLine.Placement placement =
                VersionLine.place(numbers, product.currentVersion.semanticVersion(), proposed);
        return new Destination(
                domain,
                existing,
                Optional.empty(),
                numbered(product, placement.predecessor()),
                placement.becomesCurrent());
    }

    /** A published version of the product by number; the current one is already loaded. */
    private static Optional<ProductVersion> numbered(DataProduct product, SemanticVersion number) {
        return number.toString().equals(product.currentVersion.version)
                ? Optional.of(product.currentVersion)
                : ProductVersion.find(product, number.toString());
    }

    private DataProduct newProduct(ProductDescriptor descriptor, LifecycleStatus status, Domain domain, Instant now) {
        DataProduct product = new DataProduct();
        product.key = descriptor.productKey();
        product.domain = domain;
        product.slug = descriptor.slug();
        product.externalId = descriptor.externalId();
        product.status = status;
        product.createdAt = now;
        product.updatedAt = now;
        ConcurrentWrites.writeOrConflict(
                product::persist,
                "data product " + product.key + " was published by someone else at the same time; "
                        + "publish again to add your version",
                "product.id");
        return product;
    }

    private static Domain registeredDomain(ProductDescriptor descriptor) {
        return Domain.findByKey(descriptor.domainKey())
                .orElseThrow(() -> Refusal.invalid(
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
            throw Refusal.conflict(
                    "the data product with id " + descriptor.externalId() + " is published as "
                            + existing.get().key + " by domain " + existing.get().domain.key
                            + "; a product does not move between domains: give the new one its own id",
                    "product.id");
        }
        return existing;
    }

    private static void refuseIdentityChanges(DataProduct product, ProductDescriptor descriptor) {
        if (!product.externalId.equals(descriptor.externalId())) {
            throw Refusal.conflict(
                    "the key " + product.key + " already belongs to the data product with id " + product.externalId
                            + "; keep that id to publish a new version, or choose another slug",
                    "product.id");
        }
        if (!product.key.equals(descriptor.productKey())) {
            // The external id is the identity; a changed name or slug does not move the product to a new key.
            refuseMovedSlug(product, descriptor);
        }
    }

    private static String summary(ProductVersion version, LifecycleStatus status) {
        return "version " + version.version + " (" + status.label() + "), " + version.columns.size() + " columns, "
                + (version.classification == null ? "unclassified" : version.classification.label());
    }

    private static void refuseMovedSlug(DataProduct product, ProductDescriptor descriptor) {
        throw Refusal.invalid(
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
            column.parentName = spec.parent();
            column.depth = spec.depth();
            column.classificationInherited = spec.classificationInherited();
            version.columns.add(column);
        }
        ConcurrentWrites.writeOrConflict(
                version::persist,
                "version " + version.version + " of " + product.key + " was published at the same time",
                "product.version");
        return version;
    }
}
