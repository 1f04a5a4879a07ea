package io.signalbox.catalog.domain;

import io.signalbox.catalog.ProductChangeSignals;
import io.signalbox.catalog.descriptor.DescriptorReader;
import io.signalbox.catalog.map.ReservedDomainKeys;
import io.signalbox.catalog.model.Domain;
import io.signalbox.identity.AuditLog;
import io.signalbox.identity.DomainDirectory;
import io.signalbox.platform.ConcurrentWrites;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Registers domains and keeps their description and accountable people current. */
@ApplicationScoped
public class DomainService implements DomainDirectory {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    ProductChangeSignals signals;

    /** A registered domain as other features refer to it: its database id, its key and its name. */
    public record DomainRef(long id, String key, String name) {}

    /**
     * The registered domain {@code key}.
     *
     * @throws Refusal.NotFound when no domain has that key
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DomainRef existing(String key) {
        Domain domain = Domain.existing(key);
        return new DomainRef(domain.id, domain.key, domain.name);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public String nameOf(String key) {
        return Domain.existing(key).name;
    }

    /**
     * The key of the domain with database id {@code id}, for features that stored the id before domains were named
     * by key everywhere.
     *
     * @throws Refusal.NotFound when no domain has that id
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String keyOf(long id) {
        Domain domain = Domain.findById(id);
        if (domain == null) {
            throw Refusal.notFound("No domain with id " + id + " is registered.");
        }
        return domain.key;
    }

    /** The fields of a domain as a caller sends them. */
    public record DomainDraft(
            String name,
            String description,
            String businessOwner,
            String technicalContact,
            Integer expectedLockVersion) {}

    public record Registration(Domain domain, boolean created) {}

    @Transactional
    public Registration register(String key, DomainDraft draft, String actor) {
        refuseUnlessValid(key, draft);
        var now = clock.instant();
        var existing = Domain.findByKey(key);
        Domain domain = existing.orElseGet(Domain::new);
        if (existing.isPresent()
                && draft.expectedLockVersion() != null
                && draft.expectedLockVersion() != domain.lockVersion) {
            throw Refusal.conflict(
                    "domain '" + key + "' was changed by someone else (lockVersion is now " + domain.lockVersion
                            + "); reload it and apply your change again",
                    "lockVersion");
        }
        String before = existing.isPresent() ? summary(domain) : null;
        boolean unchanged = existing.isPresent() && sameFields(domain, draft);
        domain.key = key;
        domain.name = draft.name().strip();
        domain.description =
                draft.description() == null ? "" : draft.description().strip();
        domain.businessOwner = draft.businessOwner().strip();
        domain.technicalContact = draft.technicalContact().strip();
        String after = summary(domain);
        boolean changed = existing.isEmpty() || !unchanged;
        if (changed) {
            domain.updatedAt = now;
        }
        if (existing.isEmpty()) {
            domain.createdAt = now;
            ConcurrentWrites.writeOrConflict(
                    domain::persist, "domain '" + key + "' was registered at the same time; try again", "key");
        }
        ConcurrentWrites.flushOrConflict(
                "domain '" + key + "' was registered or changed at the same time; try again", "key");
        if (changed) {
            audit.record(new AuditLog.Change(
                    actor,
                    existing.isEmpty() ? "domain.registered" : "domain.updated",
                    "domain",
                    key,
                    key,
                    before,
                    after));
            if (existing.isPresent()) {
                signals.domainChanged(key);
            }
        }
        return new Registration(domain, existing.isEmpty());
    }

    private static boolean sameFields(Domain domain, DomainDraft draft) {
        return domain.name.equals(draft.name().strip())
                && domain.description.equals(
                        draft.description() == null ? "" : draft.description().strip())
                && domain.businessOwner.equals(draft.businessOwner().strip())
                && domain.technicalContact.equals(draft.technicalContact().strip());
    }

    private static String summary(Domain domain) {
        return "name: " + domain.name + "; business owner: " + domain.businessOwner + "; technical contact: "
                + domain.technicalContact + "; description: "
                + (domain.description.length() > 200 ? domain.description.substring(0, 200) + "…" : domain.description);
    }

    private static void refuseUnlessValid(String key, DomainDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (key == null || !DescriptorReader.DOMAIN_KEY.matcher(key).matches()) {
            problems.add(new FieldProblem(
                    "key",
                    "must be 2 to 40 lowercase letters, digits or hyphens, starting with a letter, such as network"));
        } else {
            // /domains/map is the domain map, not a domain's page (docs/domain-map.md)
            ReservedDomainKeys.problemWith(key).ifPresent(problems::add);
        }
        requireText(problems, "name", draft.name(), 120);
        requireText(problems, "businessOwner", draft.businessOwner(), 200);
        requireText(problems, "technicalContact", draft.technicalContact(), 200);
        if (draft.description() != null && draft.description().length() > 20_000) {
            problems.add(new FieldProblem("description", "is longer than 20000 characters"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The domain is not valid", problems);
        }
    }

    private static void requireText(List<FieldProblem> problems, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.strip().length() > maxLength) {
            problems.add(new FieldProblem(field, "is longer than " + maxLength + " characters"));
        }
    }
}
