package io.signalbox.readiness.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.catalog.reporting.DomainFacts;
import io.signalbox.catalog.reporting.DomainFacts.Facts;
import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.Score;
import io.signalbox.readiness.evidence.DomainEvidence.CriterionEvidence;
import io.signalbox.readiness.evidence.EvidenceRules.Measured;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The thresholds of docs/readiness-evidence.md, at and around each boundary, without a database. */
class EvidenceRulesTest {

    @Test
    void businessOwnershipIsGreenOnlyForANamedOwnerWhoIsNotTheTechnicalContact() {
        assertThat(level(Criterion.BUSINESS_OWNERSHIP, people("Owner <owner@example.com>", "tech@example.com")))
                .isEqualTo(Score.GREEN);
        assertThat(level(Criterion.BUSINESS_OWNERSHIP, people("Ana Costa <ana@example.com>", "ANA@example.com")))
                .isEqualTo(Score.RED);
        assertThat(level(Criterion.BUSINESS_OWNERSHIP, people("Ana  Costa", "ana.costa@example.com")))
                .isEqualTo(Score.RED);
        assertThat(level(Criterion.BUSINESS_OWNERSHIP, people("José Pérez", "jose perez")))
                .isEqualTo(Score.RED);
        assertThat(level(Criterion.BUSINESS_OWNERSHIP, people("TBD", "tech@example.com")))
                .isEqualTo(Score.RED);
        assertThat(level(Criterion.BUSINESS_OWNERSHIP, people("n/a", "tech@example.com")))
                .isEqualTo(Score.RED);
    }

    @Test
    void samePersonComparesAddressesAndNames() {
        assertThat(DomainFacts.samePerson("Ana <Ana@Example.com>", "ana@example.com"))
                .isTrue();
        assertThat(DomainFacts.samePerson("Ana Costa <a@example.com>", "Ana Costa <b@example.com>"))
                .isTrue();
        assertThat(DomainFacts.samePerson("Ana Costa <ana@example.com>", "Bo Berg <bo@example.com>"))
                .isFalse();
        assertThat(DomainFacts.samePerson("Ana Costa", "Bo Berg")).isFalse();
    }

    @Test
    void consumerAwarenessNeedsEightyPercentAndNoUndeclaredConsumerForGreen() {
        assertThat(level(Criterion.CONSUMER_AWARENESS, consumers(10, 8, 0))).isEqualTo(Score.GREEN);
        assertThat(level(Criterion.CONSUMER_AWARENESS, consumers(10, 10, 1))).isEqualTo(Score.AMBER);
        assertThat(level(Criterion.CONSUMER_AWARENESS, consumers(10, 7, 0))).isEqualTo(Score.AMBER);
        assertThat(level(Criterion.CONSUMER_AWARENESS, consumers(10, 5, 0))).isEqualTo(Score.AMBER);
        assertThat(level(Criterion.CONSUMER_AWARENESS, consumers(10, 4, 0))).isEqualTo(Score.RED);
    }

    @Test
    void dataKnowledgeIsTheWorseOfItsTwoShares() {
        assertThat(level(Criterion.DATA_KNOWLEDGE, knowledge(10, 8, 100, 80))).isEqualTo(Score.GREEN);
        assertThat(level(Criterion.DATA_KNOWLEDGE, knowledge(10, 8, 100, 79))).isEqualTo(Score.AMBER);
        assertThat(level(Criterion.DATA_KNOWLEDGE, knowledge(10, 4, 100, 100))).isEqualTo(Score.RED);
        // No columns at all: the inputs share alone is judged.
        assertThat(level(Criterion.DATA_KNOWLEDGE, knowledge(10, 9, 0, 0))).isEqualTo(Score.GREEN);
    }

    @Test
    void changeAuthorityJudgesTheOwnersShareOfRecentPublications() {
        assertThat(level(Criterion.CHANGE_AUTHORITY, publications(5, 4))).isEqualTo(Score.GREEN);
        assertThat(level(Criterion.CHANGE_AUTHORITY, publications(5, 3))).isEqualTo(Score.AMBER);
        assertThat(level(Criterion.CHANGE_AUTHORITY, publications(5, 2))).isEqualTo(Score.RED);
        // Products, but nothing published in the window: authority not shown.
        assertThat(level(Criterion.CHANGE_AUTHORITY, publications(0, 0))).isEqualTo(Score.AMBER);
    }

    @Test
    void capacityIsTheWorseOfTheLoadPerOwnerAndTheOverduePlanItems() {
        assertThat(level(Criterion.CAPACITY, load(20, 2), overdue(0))).isEqualTo(Score.GREEN);
        assertThat(level(Criterion.CAPACITY, load(21, 2), overdue(0))).isEqualTo(Score.AMBER);
        assertThat(level(Criterion.CAPACITY, load(41, 2), overdue(0))).isEqualTo(Score.RED);
        assertThat(level(Criterion.CAPACITY, load(4, 2), overdue(2))).isEqualTo(Score.AMBER);
        assertThat(level(Criterion.CAPACITY, load(4, 2), overdue(3))).isEqualTo(Score.RED);
    }

    @Test
    void slaReadinessIsTheWorseOfTheDeclaredAndTheOnTimeShares() {
        assertThat(level(Criterion.SLA_READINESS, freshness(10, 8), new Measured(8, 5, 4, 0)))
                .isEqualTo(Score.GREEN);
        assertThat(level(Criterion.SLA_READINESS, freshness(10, 8), new Measured(8, 4, 2, 0)))
                .isEqualTo(Score.AMBER);
        assertThat(level(Criterion.SLA_READINESS, freshness(10, 8), new Measured(8, 4, 1, 0)))
                .isEqualTo(Score.RED);
        assertThat(level(Criterion.SLA_READINESS, freshness(10, 4), new Measured(4, 4, 4, 0)))
                .isEqualTo(Score.RED);
        // Declared everywhere but never measured: a promise no one checks.
        assertThat(level(Criterion.SLA_READINESS, freshness(10, 10), new Measured(10, 0, 0, 0)))
                .isEqualTo(Score.AMBER);
    }

    @Test
    void aDomainWithoutProductsHasNoLevelExceptWhatItsPeopleAndPlanShow() {
        Facts empty = facts("Owner <owner@example.com>", "tech@example.com", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var criteria = EvidenceRules.judge(empty, overdue(0));
        assertThat(criteria.get(Criterion.BUSINESS_OWNERSHIP).level()).isEqualTo(Score.GREEN);
        for (Criterion criterion : List.of(
                Criterion.CONSUMER_AWARENESS,
                Criterion.DATA_KNOWLEDGE,
                Criterion.CHANGE_AUTHORITY,
                Criterion.CAPACITY,
                Criterion.SLA_READINESS)) {
            CriterionEvidence evidence = criteria.get(criterion);
            assertThat(evidence.level()).as(criterion.key()).isNull();
            assertThat(evidence.rule().toLowerCase(Locale.ROOT))
                    .as(criterion.key())
                    .contains("without products");
        }
        // Overdue plan items are capacity evidence even without products.
        assertThat(EvidenceRules.judge(empty, overdue(3))
                        .get(Criterion.CAPACITY)
                        .level())
                .isEqualTo(Score.RED);
    }

    private static Score level(Criterion criterion, Facts facts) {
        return level(criterion, facts, overdue(0));
    }

    private static Score level(Criterion criterion, Facts facts, Measured measured) {
        return EvidenceRules.judge(facts, measured).get(criterion).level();
    }

    private static Measured overdue(long items) {
        return new Measured(0, 0, 0, items);
    }

    private static Facts people(String owner, String contact) {
        return facts(owner, contact, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    }

    private static Facts consumers(long products, long withConsumers, long undeclared) {
        return new Facts(
                "d",
                "O <o@x.io>",
                "t@x.io",
                true,
                true,
                products,
                withConsumers,
                products,
                products,
                products,
                1,
                1,
                undeclared,
                undeclared,
                undeclared,
                undeclared == 0 ? 0 : 1,
                1,
                1,
                List.of());
    }

    private static Facts knowledge(long products, long withInputs, long columns, long documented) {
        return facts("O <o@x.io>", "t@x.io", products, withInputs, columns, documented, products, 1, 1, 1, products, 0);
    }

    private static Facts publications(long publications, long byOwners) {
        return facts("O <o@x.io>", "t@x.io", 3, 3, 3, 3, 3, publications, byOwners, 1, 3, 0);
    }

    private static Facts load(long products, long owners) {
        return facts("O <o@x.io>", "t@x.io", products, products, 1, 1, products, 1, 1, owners, products, 0);
    }

    private static Facts freshness(long products, long declared) {
        return facts("O <o@x.io>", "t@x.io", products, products, 1, 1, products, 1, 1, 1, declared, 0);
    }

    private static Facts facts(
            String owner,
            String contact,
            long products,
            long withInputs,
            long columns,
            long documented,
            long withConsumers,
            long publications,
            long byOwners,
            long owners,
            long withFreshness,
            long undeclared) {
        return new Facts(
                "d",
                owner,
                contact,
                DomainFacts.isNamed(owner),
                !DomainFacts.samePerson(owner, contact),
                products,
                withConsumers,
                withInputs,
                withFreshness,
                owners,
                columns,
                documented,
                undeclared,
                undeclared,
                undeclared,
                undeclared,
                publications,
                byOwners,
                List.of());
    }
}
