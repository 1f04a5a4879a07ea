package io.signalbox.governance.glossary;

import io.signalbox.catalog.domain.DomainService;
import io.signalbox.catalog.domain.DomainService.DomainRef;
import io.signalbox.governance.canonical.CanonicalEntity;
import io.signalbox.governance.canonical.EntityViews;
import io.signalbox.governance.canonical.GlossaryLinks;
import io.signalbox.identity.AuditLog;
import io.signalbox.identity.Caller;
import io.signalbox.platform.ConcurrentWrites;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.HostileText;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each domain's dictionary of its own terms, kept by its owners (and the council), linked to the canonical model. */
@ApplicationScoped
public class GlossaryService implements GlossaryLinks {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DomainService domains;

    /** Page sizes of a domain's glossary: default and maximum. */
    public static final int DEFAULT_SIZE = 50, MAX_SIZE = 200;

    /**
     * One page of a domain's terms, alphabetically (case-insensitive; a term is unique in its domain in lower case; the
     * cursor is the last term).
     *
     * @param path where the next page is read, with the page's other query parameters
     * @throws Refusal.NotFound when the domain is not registered
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TermView> terms(String domainKey, PageRequest page, String path, Map<String, List<String>> query) {
        DomainRef domain = domains.existing(domainKey);
        List<TermView> rows =
                GlossaryTerm.ofDomain(domain.id(), page.first() ? "" : page.after(0), page.limitWithLookahead())
                        .stream()
                        .map(t -> view(t, domain.key()))
                        .toList();
        return Paging.page(rows, page, t -> List.of(t.term()), path, query);
    }

    /** How many terms the domain {@code domainKey} defines. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long termCount(String domainKey) {
        return GlossaryTerm.countOfDomain(domains.existing(domainKey).id());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EntityViews.LinkedTerm> linkedTo(String entity, int limit) {
        // Terms of many domains, each domain's key read once rather than once per term.
        Map<Long, String> keys = new HashMap<>();
        return GlossaryTerm.linkedTo(entity, limit).stream()
                .map(t -> new EntityViews.LinkedTerm(
                        keys.computeIfAbsent(t.domainId, domains::keyOf),
                        t.term,
                        t.definition,
                        t.canonical,
                        t.lockVersion))
                .toList();
    }

    /** A term as pages show it; {@code domainKey} is the key of the term's domain. */
    public static TermView view(GlossaryTerm term, String domainKey) {
        return new TermView(domainKey, term.term, term.definition, term.canonical, term.lockVersion);
    }

    /**
     * A domain's owners keep its glossary; the council may too, to link terms to the canonical model.
     *
     * @throws Refusal.NotFound when the domain is not registered
     * @throws Refusal.Forbidden for anyone else
     */
    public void refuseUnlessKeeper(Caller caller, String domainKey) {
        domains.existing(domainKey);
        if (!caller.owns(domainKey) && !caller.isCouncil()) {
            throw Refusal.forbidden(
                    "Only owners of domain '" + domainKey + "' and the governance council may change its glossary.");
        }
    }

    /** A term's definition as its domain writes it; {@code canonical} is "Service" or "Service.service_type", or empty. */
    public record TermDraft(String definition, String canonical, Integer lockVersion) {}

    public record Defined(GlossaryTerm term, boolean created) {}

    @Transactional
    public Defined define(String domainKey, String term, TermDraft draft, String actor) {
        DomainRef domain = domains.existing(domainKey);
        String name = term == null ? "" : term.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new FieldProblem("term", "must be 1 to 100 characters"));
        } else if (HostileText.isUnstorable(name) || name.chars().anyMatch(Character::isISOControl)) {
            // The web layer refuses these at the door; the glossary keeps its own rule for every other caller.
            problems.add(new FieldProblem("term", "must be one line of text without control characters"));
        }
        if (draft.definition() == null || draft.definition().isBlank()) {
            problems.add(new FieldProblem("definition", "is required: what the term means in " + domain.name()));
        } else if (draft.definition().length() > 4_000) {
            problems.add(new FieldProblem("definition", "is longer than 4 000 characters"));
        } else if (HostileText.isUnstorable(draft.definition())) {
            problems.add(new FieldProblem("definition", "holds a control or broken character; remove it"));
        }
        String canonical = draft.canonical() == null || draft.canonical().isBlank()
                ? null
                : draft.canonical().strip();
        if (canonical != null && !exists(canonical)) {
            problems.add(new FieldProblem(
                    "canonical",
                    "'" + canonical + "' is neither a canonical entity nor one of its attributes; write Service or"
                            + " Service.service_type, or leave it empty"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The glossary term is not valid", problems);
        }
        Optional<GlossaryTerm> existing = GlossaryTerm.find(domain.id(), name);
        if (existing.isPresent() && draft.lockVersion() != null && draft.lockVersion() != existing.get().lockVersion) {
            throw Refusal.conflict(
                    "'" + name + "' was changed by someone else (lockVersion is now " + existing.get().lockVersion
                            + "); reload it and apply your change again",
                    "lockVersion");
        }
        GlossaryTerm entry = existing.orElseGet(GlossaryTerm::new);
        String before = existing.map(GlossaryService::summary).orElse(null);
        entry.domainId = domain.id();
        entry.term = name;
        entry.definition = draft.definition().strip();
        entry.canonical = canonical;
        entry.updatedAt = clock.instant();
        entry.updatedBy = actor;
        // Two people defining one new term at once: the unique (domain, term) key refuses the second insert (made
        // at persist, for identity ids); two redefining one term: its lock version refuses the second update.
        String raced = "'" + name + "' was defined by someone else at the same time; reload the glossary and apply"
                + " your change again";
        ConcurrentWrites.writeOrConflict(entry::persist, raced, "term");
        ConcurrentWrites.flushOrConflict(raced, "term");
        audit.record(new AuditLog.Change(
                actor, "glossary.defined", "term", domainKey + ":" + name, domainKey, before, summary(entry)));
        return new Defined(entry, existing.isEmpty());
    }

    @Transactional
    public void remove(String domainKey, String term, String actor) {
        DomainRef domain = domains.existing(domainKey);
        GlossaryTerm entry = GlossaryTerm.find(domain.id(), term)
                .orElseThrow(() -> Refusal.notFound(domain.name() + " defines no term '" + term + "'."));
        entry.delete();
        audit.record(new AuditLog.Change(
                actor, "glossary.removed", "term", domainKey + ":" + entry.term, domainKey, summary(entry), null));
    }

    private static boolean exists(String canonical) {
        int dot = canonical.indexOf('.');
        String entity = dot < 0 ? canonical : canonical.substring(0, dot);
        return CanonicalEntity.findByName(entity)
                .filter(e -> e.name.equals(entity))
                .map(e -> dot < 0 || e.attribute(canonical.substring(dot + 1)).isPresent())
                .orElse(false);
    }

    private static String summary(GlossaryTerm term) {
        String definition = term.definition.length() > 120 ? term.definition.substring(0, 120) + "…" : term.definition;
        return definition + (term.canonical == null ? "" : " (≈ " + term.canonical + ")");
    }
}
