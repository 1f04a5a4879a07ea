package io.signalbox.governance.canonical;

import io.signalbox.catalog.descriptor.DescriptorReader;
import io.signalbox.identity.AuditLog;
import io.signalbox.platform.ConcurrentWrites;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The council's changes to the common information model. An entity changes only under an accepted decision record,
 * and every change is a new revision with a snapshot, so anyone can see what it looked like and why it changed.
 */
@ApplicationScoped
public class CanonicalModelService {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,99}");
    private static final Pattern STATE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    public record DecisionDraft(
            String title, String context, String decision, String consequences, String status, LocalDate decidedOn) {}

    public record AttributeDraft(
            String name, String dataType, String meaning, String systemOfRecord, Boolean mandatory) {}

    /** The whole new shape of an entity, the decision record it follows, and the lockVersion read (409 if stale). */
    public record EntityChange(
            String description,
            String identifierFormat,
            String identifierExample,
            List<String> lifecycleVocabulary,
            List<AttributeDraft> attributes,
            Long decision,
            Integer lockVersion) {}

    @Transactional
    public DecisionRecord recordDecision(String entityName, DecisionDraft draft, String actor) {
        CanonicalEntity entity = existing(entityName);
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "title", draft.title(), 200);
        required(problems, "context", draft.context(), 20_000);
        required(problems, "decision", draft.decision(), 20_000);
        required(problems, "consequences", draft.consequences(), 20_000);
        String status = draft.status() == null ? "accepted" : draft.status();
        if (!DecisionRecord.STATUSES.contains(status)) {
            problems.add(new FieldProblem("status", "must be one of " + String.join(", ", DecisionRecord.STATUSES)));
        }
        refuseIf(problems, "The decision record is not valid");
        DecisionRecord record = new DecisionRecord();
        record.entityId = entity.id;
        record.title = draft.title().strip();
        record.context = draft.context().strip();
        record.decision = draft.decision().strip();
        record.consequences = draft.consequences().strip();
        record.status = status;
        record.decidedOn =
                draft.decidedOn() == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : draft.decidedOn();
        record.createdAt = clock.instant();
        record.createdBy = actor;
        ConcurrentWrites.writeOrConflict(
                record::persist,
                "another decision about " + entity.name + " was recorded at the same time; reload and record again",
                "title");
        audit.record(new AuditLog.Change(
                actor,
                "decision.recorded",
                "entity",
                entity.name,
                null,
                null,
                record.reference() + " " + record.title + " (" + status + ")"));
        return record;
    }

    @Transactional
    public CanonicalEntity change(String entityName, EntityChange change, String actor) {
        CanonicalEntity entity = existing(entityName);
        List<FieldProblem> problems = new ArrayList<>();
        DecisionRecord decision = change.decision() == null ? null : DecisionRecord.findById(change.decision());
        if (change.decision() == null) {
            problems.add(new FieldProblem(
                    "decision",
                    "is required: record the decision first (context, decision, consequences) and link it"));
        } else if (decision == null || !decision.entityId.equals(entity.id)) {
            problems.add(new FieldProblem(
                    "decision", "ADR-" + change.decision() + " is not a decision record of " + entity.name));
        } else if (!"accepted".equals(decision.status)) {
            problems.add(new FieldProblem(
                    "decision",
                    decision.reference() + " is " + decision.status + "; only an accepted decision changes"
                            + " an entity"));
        }
        if (change.lockVersion() == null) {
            problems.add(new FieldProblem("lockVersion", "is required: send the lockVersion you read"));
        }
        validateShape(entity, change, problems);
        refuseIf(problems, "The change to " + entity.name + " is not valid");
        if (change.lockVersion() != entity.lockVersion) {
            throw Refusal.conflict(
                    entity.name + " was changed by someone else (lockVersion is now " + entity.lockVersion
                            + "); reload it and apply your change again",
                    "lockVersion");
        }
        String before = describe(entity);
        if (change.description() != null && !change.description().isBlank()) {
            entity.description = change.description().strip();
        }
        entity.identifierFormat = change.identifierFormat();
        entity.identifierExample = change.identifierExample();
        entity.lifecycleVocabulary = new ArrayList<>(change.lifecycleVocabulary());
        Map<String, CanonicalAttribute> existing = new LinkedHashMap<>();
        entity.attributes.forEach(a -> existing.put(a.name, a));
        entity.attributes.clear();
        em.flush(); // removed attributes go before re-added ones hit the (entity, name) unique key
        int position = 0;
        for (AttributeDraft draft : change.attributes()) {
            CanonicalAttribute attribute = new CanonicalAttribute();
            attribute.entity = entity;
            attribute.position = position++;
            attribute.name = draft.name();
            attribute.dataType = draft.dataType();
            attribute.meaning = draft.meaning().strip();
            attribute.systemOfRecord = draft.systemOfRecord();
            attribute.mandatory = Boolean.TRUE.equals(draft.mandatory());
            entity.attributes.add(attribute);
        }
        entity.revision++;
        entity.updatedAt = clock.instant();
        entity.updatedBy = actor;
        ConcurrentWrites.flushOrConflict(
                entity.name + " was changed by someone else at the same time; reload it and apply your change again",
                "lockVersion");
        String after = describe(entity);
        CanonicalEntityRevision revision = new CanonicalEntityRevision();
        revision.entityId = entity.id;
        revision.revision = entity.revision;
        revision.changedAt = entity.updatedAt;
        revision.changedBy = actor;
        revision.decisionId = decision.id;
        revision.summary = summary(existing, entity);
        revision.snapshot = snapshot(entity);
        revision.persist();
        audit.record(new AuditLog.Change(actor, "entity.changed", "entity", entity.name, null, before, after));
        return entity;
    }

    private static void validateShape(CanonicalEntity entity, EntityChange change, List<FieldProblem> problems) {
        Pattern format = null;
        if (change.identifierFormat() == null || change.identifierFormat().isBlank()) {
            problems.add(
                    new FieldProblem("identifierFormat", "is required: a regular expression such as ^SVC-[0-9]{10}$"));
        } else {
            try {
                format = Pattern.compile(change.identifierFormat());
            } catch (PatternSyntaxException e) {
                problems.add(new FieldProblem(
                        "identifierFormat", "is not a valid regular expression: " + e.getDescription()));
            }
        }
        if (change.identifierExample() == null || change.identifierExample().isBlank()) {
            problems.add(new FieldProblem("identifierExample", "is required: an identifier in the format"));
        } else if (format != null && !format.matcher(change.identifierExample()).matches()) {
            problems.add(new FieldProblem("identifierExample", "does not match identifierFormat"));
        }
        List<String> vocabulary = change.lifecycleVocabulary() == null ? List.of() : change.lifecycleVocabulary();
        if (vocabulary.isEmpty()) {
            problems.add(new FieldProblem("lifecycleVocabulary", "needs at least one state"));
        }
        for (int i = 0; i < vocabulary.size(); i++) {
            if (vocabulary.get(i) == null || !STATE.matcher(vocabulary.get(i)).matches()) {
                problems.add(new FieldProblem(
                        "lifecycleVocabulary[" + i + "]", "must be a lower-case word such as in-service"));
            }
        }
        List<AttributeDraft> attributes = change.attributes() == null ? List.of() : change.attributes();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeDraft a = attributes.get(i);
            String at = "attributes[" + i + "]";
            if (a.name() == null || !NAME.matcher(a.name()).matches()) {
                problems.add(new FieldProblem(at + ".name", "must be a lower-case name such as service_type"));
            } else if (!names.add(a.name())) {
                problems.add(new FieldProblem(at + ".name", a.name() + " is listed twice"));
            }
            if (a.dataType() == null || !DescriptorReader.LOGICAL_TYPES.contains(a.dataType())) {
                problems.add(new FieldProblem(
                        at + ".dataType",
                        "must be an ODCS logical type: "
                                + String.join(
                                        ", ",
                                        DescriptorReader.LOGICAL_TYPES.stream()
                                                .sorted()
                                                .toList())));
            }
            if (a.meaning() == null || a.meaning().isBlank()) {
                problems.add(new FieldProblem(at + ".meaning", "is required: what the attribute means, in words"));
            }
            // A domain key, registered or not yet: the council may name the owner before the domain joins.
            if (a.systemOfRecord() == null
                    || !DescriptorReader.DOMAIN_KEY.matcher(a.systemOfRecord()).matches()) {
                problems.add(new FieldProblem(
                        at + ".systemOfRecord",
                        "must be the key of the domain whose data is the truth, such as network"));
            }
        }
        if (!names.contains(entity.identifierAttribute)) {
            problems.add(new FieldProblem(
                    "attributes",
                    "must keep the identifier " + entity.identifierAttribute + ": every domain joins on it"));
        }
        if (entity.lifecycleAttribute != null && !names.contains(entity.lifecycleAttribute)) {
            problems.add(
                    new FieldProblem("attributes", "must keep the lifecycle attribute " + entity.lifecycleAttribute));
        }
    }

    /** What changed, in words: added, removed and retyped attributes, identifier format, lifecycle. */
    private static String summary(Map<String, CanonicalAttribute> before, CanonicalEntity after) {
        List<String> parts = new ArrayList<>();
        Set<String> now = new HashSet<>();
        for (CanonicalAttribute a : after.attributes) {
            now.add(a.name);
            CanonicalAttribute was = before.get(a.name);
            if (was == null) {
                parts.add("added " + a.name);
            } else if (!was.dataType.equals(a.dataType)) {
                parts.add(a.name + " " + was.dataType + " → " + a.dataType);
            } else if (!was.systemOfRecord.equals(a.systemOfRecord)) {
                parts.add(a.name + " now owned by " + a.systemOfRecord);
            }
        }
        before.keySet().stream().filter(n -> !now.contains(n)).forEach(n -> parts.add("removed " + n));
        return parts.isEmpty() ? "identifier, lifecycle or descriptions" : String.join("; ", parts);
    }

    private static Map<String, Object> snapshot(CanonicalEntity e) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("identifierAttribute", e.identifierAttribute);
        snapshot.put("identifierFormat", e.identifierFormat);
        snapshot.put("lifecycleVocabulary", List.copyOf(e.lifecycleVocabulary));
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (CanonicalAttribute a : e.attributes) {
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("name", a.name);
            attribute.put("dataType", a.dataType);
            attribute.put("systemOfRecord", a.systemOfRecord);
            attribute.put("mandatory", a.mandatory);
            attributes.add(attribute);
        }
        snapshot.put("attributes", attributes);
        return snapshot;
    }

    private static String describe(CanonicalEntity e) {
        return "revision " + e.revision + ": " + e.attributes.size() + " attributes, identifier " + e.identifierFormat
                + ", lifecycle " + String.join("/", e.lifecycleVocabulary);
    }

    static CanonicalEntity existing(String name) {
        return CanonicalEntity.findByName(name)
                .orElseThrow(() -> Refusal.notFound("There is no canonical entity '" + name + "'."));
    }

    private static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "is longer than " + max + " characters"));
        }
    }

    private static void refuseIf(List<FieldProblem> problems, String title) {
        if (!problems.isEmpty()) {
            throw Refusal.invalid(title, problems);
        }
    }
}
