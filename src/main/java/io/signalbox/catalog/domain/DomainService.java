package io.signalbox.catalog.domain;

import io.signalbox.catalog.ProductsChanged;
import io.signalbox.catalog.descriptor.DescriptorReader;
import io.signalbox.catalog.model.ConcurrentWrites;
import io.signalbox.catalog.model.Domain;
import io.signalbox.identity.AuditLog;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Registers domains and keeps their description and accountable people current. */
@ApplicationScoped
public class DomainService {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Event<ProductsChanged> changes;

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
            throw ProblemException.conflict(
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
                changes.fire(ProductsChanged.domain(key));
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
        }
        requireText(problems, "name", draft.name(), 120);
        requireText(problems, "businessOwner", draft.businessOwner(), 200);
        requireText(problems, "technicalContact", draft.technicalContact(), 200);
        if (draft.description() != null && draft.description().length() > 20_000) {
            problems.add(new FieldProblem("description", "is longer than 20000 characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("The domain is not valid", problems);
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
