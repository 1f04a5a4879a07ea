package io.signalbox.readiness.evidence;

import io.signalbox.catalog.reporting.DomainFacts.Facts;
import io.signalbox.readiness.Criterion;
import io.signalbox.readiness.Score;
import io.signalbox.readiness.evidence.DomainEvidence.CriterionEvidence;
import io.signalbox.readiness.evidence.DomainEvidence.Fact;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the catalog's facts become an evidence level per criterion (docs/readiness-evidence.md, where every threshold
 * below is written out): pure arithmetic over counts, so every rule is tested without a database. A share is judged
 * green at {@value #GREEN_SHARE} or more, amber at {@value #AMBER_SHARE} or more, red below; where a criterion has two
 * measures, its level is the worse of the two. A level is null when nothing can be judged (no products).
 */
public final class EvidenceRules {

    /** A share at or above this is green. */
    public static final double GREEN_SHARE = 0.8;
    /** A share at or above this (and below green) is amber. */
    public static final double AMBER_SHARE = 0.5;
    /** Products per named owner at or below this are green. */
    public static final double GREEN_PRODUCTS_PER_OWNER = 10;
    /** Products per named owner at or below this (and above green) are amber. */
    public static final double AMBER_PRODUCTS_PER_OWNER = 20;
    /** Overdue plan items at or above this are red (one or more is amber). */
    public static final long RED_OVERDUE_PLAN_ITEMS = 3;
    /** The window of change authority: publications in the last this many days. */
    public static final int PUBLICATION_WINDOW_DAYS = 90;

    private EvidenceRules() {}

    /**
     * What the facts measured from outside the catalog add: the freshness governance measured and the domain's
     * overdue plan items.
     *
     * @param readableFreshness products whose declared freshness {@link io.signalbox.governance.compliance.FreshnessWindow} reads
     * @param measured those with at least one measurement
     * @param onTime those whose latest measurement's last refresh is within the declared freshness
     * @param overduePlanItems open plan items of the domain's latest submitted assessment past their target date
     */
    public record Measured(long readableFreshness, long measured, long onTime, long overduePlanItems) {}

    /** The evidence for each criterion, in {@link Criterion} order. */
    public static Map<Criterion, CriterionEvidence> judge(Facts facts, Measured measured) {
        Map<Criterion, CriterionEvidence> criteria = new EnumMap<>(Criterion.class);
        criteria.put(Criterion.BUSINESS_OWNERSHIP, businessOwnership(facts));
        criteria.put(Criterion.CONSUMER_AWARENESS, consumerAwareness(facts));
        criteria.put(Criterion.DATA_KNOWLEDGE, dataKnowledge(facts));
        criteria.put(Criterion.CHANGE_AUTHORITY, changeAuthority(facts));
        criteria.put(Criterion.CAPACITY, capacity(facts, measured));
        criteria.put(Criterion.SLA_READINESS, slaReadiness(facts, measured));
        return criteria;
    }

    static CriterionEvidence businessOwnership(Facts facts) {
        List<Fact> list = List.of(
                new Fact("businessOwner", "Business owner", null, facts.businessOwner()),
                new Fact("technicalContact", "Technical contact", null, facts.technicalContact()),
                new Fact(
                        "businessOwnerNamed",
                        "A business owner is named",
                        flag(facts.businessOwnerNamed()),
                        yesNo(facts.businessOwnerNamed())),
                new Fact(
                        "ownerDistinctFromContact",
                        "The business owner is not the technical contact",
                        flag(facts.ownerDistinctFromContact()),
                        yesNo(facts.ownerDistinctFromContact())));
        Score level = facts.businessOwnerNamed() && facts.ownerDistinctFromContact() ? Score.GREEN : Score.RED;
        return new CriterionEvidence(
                Criterion.BUSINESS_OWNERSHIP,
                level,
                list,
                "Green when a business owner is named and is not the technical contact (not the same e-mail address,"
                        + " nor the same name); red when the business owner is missing (blank or a placeholder such"
                        + " as TBD) or is the same person as the technical contact.");
    }

    static CriterionEvidence consumerAwareness(Facts facts) {
        Double share = share(facts.productsWithConsumers(), facts.products());
        List<Fact> list = List.of(
                count("products", "Products (current, not retired)", facts.products()),
                shareFact(
                        "productsWithDeclaredConsumers",
                        "Products with at least one declared consumer",
                        facts.productsWithConsumers(),
                        facts.products()),
                count(
                        "undeclaredConsumers",
                        "Products of other domains reading this domain's products without being declared consumers",
                        facts.undeclaredConsumers()),
                count(
                        "undeclaredConsumerDomains",
                        "Domains of those undeclared consumers",
                        facts.undeclaredConsumerDomains()),
                count(
                        "readsByOtherDomains",
                        "Reads of this domain's products by other domains",
                        facts.readsByOthers()));
        Score level;
        if (share == null) {
            level = null;
        } else if (share >= GREEN_SHARE && facts.undeclaredConsumers() == 0) {
            level = Score.GREEN;
        } else if (share >= AMBER_SHARE) {
            level = Score.AMBER;
        } else {
            level = Score.RED;
        }
        return new CriterionEvidence(
                Criterion.CONSUMER_AWARENESS,
                level,
                list,
                "Green when at least " + percent(GREEN_SHARE) + " of the products declare a consumer and no"
                        + " undeclared consumer was found; amber when at least " + percent(AMBER_SHARE)
                        + " declare one; red below. No level without products.");
    }

    static CriterionEvidence dataKnowledge(Facts facts) {
        Double columns = share(facts.documentedColumns(), facts.columns());
        Double inputs = share(facts.productsWithInputs(), facts.products());
        List<Fact> list = List.of(
                shareFact(
                        "documentedColumns",
                        "Columns with both a description and a classification",
                        facts.documentedColumns(),
                        facts.columns()),
                shareFact(
                        "productsWithDeclaredInputs",
                        "Products that declare their inputs (input ports)",
                        facts.productsWithInputs(),
                        facts.products()));
        Score level = inputs == null ? null : worse(shareLevel(columns), shareLevel(inputs));
        return new CriterionEvidence(
                Criterion.DATA_KNOWLEDGE,
                level,
                list,
                "The worse of the two shares, each green at " + percent(GREEN_SHARE) + " or more, amber at "
                        + percent(AMBER_SHARE) + " or more, red below; a share with nothing to count (no columns) is"
                        + " left out. No level without products.");
    }

    static CriterionEvidence changeAuthority(Facts facts) {
        Double share = share(facts.publicationsByOwners(), facts.publications());
        List<Fact> list = List.of(
                count(
                        "publications",
                        "Versions published in the last " + PUBLICATION_WINDOW_DAYS + " days",
                        facts.publications()),
                shareFact(
                        "publicationsByOwners",
                        "Of those, published by the domain's own people",
                        facts.publicationsByOwners(),
                        facts.publications()));
        Score level;
        if (share != null) {
            level = shareLevel(share);
        } else {
            level = facts.products() == 0 ? null : Score.AMBER;
        }
        return new CriterionEvidence(
                Criterion.CHANGE_AUTHORITY,
                level,
                list,
                "The share of the last " + PUBLICATION_WINDOW_DAYS + " days' publications made by the domain's own"
                        + " people (holders of a portal ownership grant, the business owner and technical contact by"
                        + " e-mail address, the named owners of its products): green at " + percent(GREEN_SHARE)
                        + " or more, amber at " + percent(AMBER_SHARE) + " or more, red below. Amber when the domain"
                        + " has products but published nothing in the window (no change shows the authority);"
                        + " no level without products or publications.");
    }

    static CriterionEvidence capacity(Facts facts, Measured measured) {
        Double perOwner = facts.namedOwners() == 0 ? null : (double) facts.products() / facts.namedOwners();
        List<Fact> list = List.of(
                new Fact(
                        "productsPerNamedOwner",
                        "Products per named product owner",
                        perOwner,
                        perOwner == null
                                ? "no named owner"
                                : facts.products() + " products / " + facts.namedOwners() + " owners = "
                                        + String.format(Locale.ROOT, "%.1f", perOwner)),
                count("namedOwners", "Named product owners (distinct e-mail addresses)", facts.namedOwners()),
                count(
                        "overduePlanItems",
                        "Open plan items of the latest submitted assessment past their target date",
                        measured.overduePlanItems()));
        Score load = perOwner == null
                ? null
                : perOwner <= GREEN_PRODUCTS_PER_OWNER
                        ? Score.GREEN
                        : perOwner <= AMBER_PRODUCTS_PER_OWNER ? Score.AMBER : Score.RED;
        Score overdue = measured.overduePlanItems() == 0
                ? Score.GREEN
                : measured.overduePlanItems() >= RED_OVERDUE_PLAN_ITEMS ? Score.RED : Score.AMBER;
        Score level;
        if (facts.products() > 0) {
            level = worse(load, overdue);
        } else {
            level = overdue == Score.GREEN ? null : overdue;
        }
        return new CriterionEvidence(
                Criterion.CAPACITY,
                level,
                list,
                "The worse of the load and the plan: products per named owner green up to "
                        + (int) GREEN_PRODUCTS_PER_OWNER + ", amber up to " + (int) AMBER_PRODUCTS_PER_OWNER
                        + ", red above; overdue plan items green at none, amber at 1 or 2, red at "
                        + RED_OVERDUE_PLAN_ITEMS + " or more. Without products only overdue plan items can be"
                        + " judged (no level when there are none).");
    }

    static CriterionEvidence slaReadiness(Facts facts, Measured measured) {
        Double declared = share(facts.productsWithFreshness(), facts.products());
        Double onTime = share(measured.onTime(), measured.measured());
        long unreadable = facts.productsWithFreshness() - measured.readableFreshness();
        List<Fact> list = List.of(
                shareFact(
                        "productsWithDeclaredFreshness",
                        "Products that declare a freshness",
                        facts.productsWithFreshness(),
                        facts.products()),
                shareFact(
                        "measuredOnTime",
                        "Of those measured, last refreshed within their declared freshness",
                        measured.onTime(),
                        measured.measured()),
                count("measuredProducts", "Products with a declared freshness and a measurement", measured.measured()),
                count("unreadableFreshness", "Declared freshness that cannot be read as a duration", unreadable));
        Score level = declared == null
                ? null
                : worse(shareLevel(declared), onTime == null ? Score.AMBER : shareLevel(onTime));
        return new CriterionEvidence(
                Criterion.SLA_READINESS,
                level,
                list,
                "The worse of the declared share and the measured on-time share, each green at "
                        + percent(GREEN_SHARE) + " or more, amber at " + percent(AMBER_SHARE)
                        + " or more, red below; nothing measured counts as amber (a promise no one measures)."
                        + " No level without products.");
    }

    private static Score shareLevel(Double share) {
        if (share == null) {
            return null;
        }
        return share >= GREEN_SHARE ? Score.GREEN : share >= AMBER_SHARE ? Score.AMBER : Score.RED;
    }

    /** The worse of two levels; null stands for "not judged" and gives way to the other. */
    private static Score worse(Score one, Score other) {
        if (one == null) {
            return other;
        }
        if (other == null) {
            return one;
        }
        return one.ordinal() >= other.ordinal() ? one : other;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Fact shareFact(String name, String label, long part, long whole) {
        Double share = share(part, whole);
        return new Fact(
                name,
                label,
                share,
                share == null ? "nothing to count" : part + " of " + whole + " (" + percent(share) + ")");
    }

    private static Fact count(String name, String label, long value) {
        return new Fact(name, label, (double) value, String.valueOf(value));
    }

    private static Double flag(boolean value) {
        return value ? 1.0 : 0.0;
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}
