package io.signalbox.governance.rules;

import io.signalbox.catalog.descriptor.ClassificationVocabulary;
import io.signalbox.catalog.model.Classification;
import io.signalbox.catalog.publishing.CouncilVocabulary;
import io.signalbox.identity.AuditLog;
import io.signalbox.platform.ConcurrentWrites;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The council's classification vocabulary: the four levels, fixed, and the aliases the council keeps for them (names
 * other tools write, such as datacontract-cli's {@code sensitive}). Council members define and remove aliases; every
 * change is audited. The catalog reads descriptors with the current vocabulary ({@link CouncilVocabulary}).
 */
@ApplicationScoped
public class ClassificationVocabularyService implements CouncilVocabulary {

    /** Lowercase letters and digits, with dots, underscores and hyphens inside; at most 40 characters. */
    static final Pattern ALIAS = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,38}[a-z0-9])?");

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** An alias as shown and returned: the name, the level it is read as, who defined it and when. */
    public record AliasView(String alias, String classification, Instant createdAt, String createdBy) {}

    /** The vocabulary as shown: the levels from least to most sensitive, and the aliases by name. */
    public record VocabularyView(List<String> levels, List<AliasView> aliases) {}

    /** What a change to an alias did: whether it was new, and the alias as it now stands. */
    public record AliasChange(boolean created, AliasView alias) {}

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClassificationVocabulary classifications() {
        return new ClassificationVocabulary(ClassificationAlias.listByAlias().stream()
                .collect(Collectors.toMap(a -> a.alias, a -> a.classification)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VocabularyView vocabulary() {
        return new VocabularyView(
                Arrays.stream(Classification.values())
                        .map(Classification::label)
                        .toList(),
                ClassificationAlias.listByAlias().stream()
                        .map(ClassificationVocabularyService::view)
                        .toList());
    }

    /**
     * Defines {@code alias} as a name for {@code classification} (a level), or points an existing alias at another
     * level. The alias is matched without regard to case, so it is kept lowercase.
     *
     * @throws Refusal.Invalid naming {@code alias} or {@code classification} when either is not acceptable
     * @throws Refusal.Conflict when another council member defined the same alias at the same moment
     */
    @Transactional
    public AliasChange define(String alias, String classification, String actor) {
        String name = alias == null ? "" : alias.strip().toLowerCase(Locale.ROOT);
        Optional<Classification> level =
                classification == null ? Optional.empty() : Classification.fromLabel(classification);
        List<FieldProblem> problems = new ArrayList<>();
        if (!ALIAS.matcher(name).matches()) {
            problems.add(new FieldProblem(
                    "alias",
                    "must be 1 to 40 letters or digits, with dots, underscores or hyphens inside, such as"
                            + " sensitive"));
        } else if (Classification.fromLabel(name).isPresent()) {
            problems.add(new FieldProblem(
                    "alias", "'" + name + "' is a classification level itself; an alias is another name for one"));
        }
        if (level.isEmpty()) {
            problems.add(new FieldProblem(
                    "classification", "must be one of the levels: public, internal, confidential or restricted"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The alias is not valid", problems);
        }
        Optional<ClassificationAlias> existing = ClassificationAlias.findByIdOptional(name);
        if (existing.isPresent()) {
            ClassificationAlias kept = existing.get();
            if (kept.classification == level.get()) {
                return new AliasChange(false, view(kept));
            }
            String before = name + " → " + kept.classification.label();
            kept.classification = level.get();
            kept.createdAt = clock.instant();
            kept.createdBy = actor;
            audit.record(new AuditLog.Change(
                    actor,
                    "classification-alias.changed",
                    "classification-alias",
                    name,
                    null,
                    before,
                    name + " → " + kept.classification.label()));
            return new AliasChange(false, view(kept));
        }
        ClassificationAlias created = new ClassificationAlias();
        created.alias = name;
        created.classification = level.get();
        created.createdAt = clock.instant();
        created.createdBy = actor;
        ConcurrentWrites.writeOrConflict(
                created::persist,
                "the alias '" + name + "' was defined by someone else at the same time; reload the vocabulary",
                "alias");
        audit.record(new AuditLog.Change(
                actor,
                "classification-alias.defined",
                "classification-alias",
                name,
                null,
                null,
                name + " → " + created.classification.label()));
        return new AliasChange(true, view(created));
    }

    /**
     * Removes an alias: descriptors that use it are refused from now on, naming the vocabulary.
     *
     * @throws Refusal.NotFound when the council keeps no such alias
     */
    @Transactional
    public void remove(String alias, String actor) {
        String name = alias == null ? "" : alias.strip().toLowerCase(Locale.ROOT);
        ClassificationAlias kept = ClassificationAlias.<ClassificationAlias>findByIdOptional(name)
                .orElseThrow(() -> Refusal.notFound("The council keeps no classification alias '" + name + "'."));
        String before = name + " → " + kept.classification.label();
        kept.delete();
        audit.record(new AuditLog.Change(
                actor, "classification-alias.removed", "classification-alias", name, null, before, null));
    }

    private static AliasView view(ClassificationAlias alias) {
        return new AliasView(alias.alias, alias.classification.label(), alias.createdAt, alias.createdBy);
    }
}
