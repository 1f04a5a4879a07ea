package io.signalbox.catalog.publishing;

import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.lifecycle.DeprecationNotices;
import io.signalbox.catalog.lifecycle.DeprecationNotices.Notice;
import io.signalbox.catalog.model.DataProduct;
import io.signalbox.catalog.model.LifecycleStatus;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a product's lifecycle allows a publication, before the council's rules are asked: a deprecation notice, not a
 * descriptor, makes a product (or one major line) deprecated, and its sunset, not a descriptor, retires it. So a
 * descriptor saying {@code status: deprecated}, {@code retired} or ODPS {@code deprecated: true} is accepted only
 * while an active notice covers its line; a retired product or line takes no new version; and while a notice is active
 * the product stays deprecated whatever the new version says. The notices are read through the catalog's
 * {@link DeprecationNotices} port, which the deprecation feature answers.
 */
@ApplicationScoped
public class LifecycleGate {

    static final String TITLE = "The product's lifecycle does not allow this publication";

    @Inject
    DeprecationNotices notices;

    /**
     * What the lifecycle says about a publication it allows.
     *
     * @param warnings told to the publisher beside the reader's ({@code descriptorWarnings})
     * @param notice the active notice covering the version's line, if any: the product then stays deprecated
     */
    public record Passage(List<FieldProblem> warnings, Optional<Notice> notice) {

        /** The status the product takes when this version becomes its current one. */
        public LifecycleStatus statusFor(ProductDescriptor descriptor) {
            return notice.isPresent() ? LifecycleStatus.DEPRECATED : descriptor.status();
        }
    }

    /**
     * Judges a descriptor's lifecycle against the product it is a version of ({@code existing}; empty for a new
     * product).
     *
     * @throws Refusal.Invalid naming {@code product.status} or {@code product.deprecated} when the descriptor says
     *     deprecated or retired without an active notice (or says retired while one runs), and {@code product.version}
     *     or {@code product.id} when the line or the product is retired; each message says what to do instead
     */
    public Passage check(ProductDescriptor descriptor, Optional<DataProduct> existing) {
        if (existing.isEmpty()) {
            if (descriptor.claimsEndOfLife()) {
                throw Refusal.invalid(TITLE, newProductProblems(descriptor));
            }
            return new Passage(List.of(), Optional.empty());
        }
        DataProduct product = existing.get();
        int major = descriptor.version().major();
        Optional<Notice> notice = notices.noticeFor(product.key, major);
        if (notice.isPresent() && notice.get().retired()) {
            throw retired(product.key, notice.get(), major);
        }
        if (product.status == LifecycleStatus.RETIRED && !retiredLineLeftBehind(product, major)) {
            throw Refusal.invalid(
                    TITLE,
                    "product.id",
                    product.key + " is retired; a retired product never becomes active again, so it takes no new"
                            + " version: publish the data as a new product (a new id and slug)");
        }
        Optional<Notice> active = notice.filter(Notice::active);
        if (descriptor.claimsEndOfLife() && (active.isEmpty() || descriptor.status() == LifecycleStatus.RETIRED)) {
            throw Refusal.invalid(TITLE, endOfLifeProblems(descriptor, product.key, active));
        }
        if (active.isPresent() && !descriptor.claimsEndOfLife()) {
            return new Passage(
                    List.of(new FieldProblem(
                            "product.status",
                            "says " + descriptor.status().label() + ", but " + scope(active.get())
                                    + " is under a deprecation notice until its sunset on "
                                    + active.get().sunset()
                                    + ": the notice governs, so it stays deprecated; to make it active again,"
                                    + " rescind the notice (DELETE /api/products/" + product.key + "/deprecation)")),
                    active);
        }
        return new Passage(List.of(), active);
    }

    /**
     * Whether the product is retired only because the line it was on was retired, and this version opens or continues
     * another line: a product whose major line 1 was retired lives on in line 2.
     */
    private boolean retiredLineLeftBehind(DataProduct product, int major) {
        int currentMajor = product.currentVersion.major;
        return notices.noticeFor(product.key, currentMajor)
                .filter(n -> n.retired() && n.majorVersion() != null && n.majorVersion() != major)
                .isPresent();
    }

    private static Refusal.Invalid retired(String key, Notice notice, int major) {
        if (notice.majorVersion() == null) {
            return Refusal.invalid(
                    TITLE,
                    "product.id",
                    key + " was retired on " + notice.sunset() + " at the end of its deprecation notice; a retired"
                            + " product never becomes active again, so it takes no new version: publish the data as a"
                            + " new product (a new id and slug)" + successorHint(notice));
        }
        return Refusal.invalid(
                TITLE,
                "product.version",
                "major line " + major + " of " + key + " was retired on " + notice.sunset() + " at the end of its"
                        + " deprecation notice and takes no new version: publish a new major line (" + (major + 1)
                        + ".0.0 or above) or a new product" + successorHint(notice));
    }

    private static String successorHint(Notice notice) {
        return notice.successorKey() == null ? "" : "; its successor is " + notice.successorKey();
    }

    /** A new product's first version says deprecated or retired: it has no notice, and no consumer to tell yet. */
    private static List<FieldProblem> newProductProblems(ProductDescriptor descriptor) {
        String fix = "a new product starts active: publish it with status: active; to deprecate it later, issue a"
                + " deprecation notice (POST /api/products/" + descriptor.productKey() + "/deprecation or the"
                + " 'Deprecate' button on the product page), at least 90 days before the sunset";
        List<FieldProblem> problems = new ArrayList<>();
        if (descriptor.status() == LifecycleStatus.DEPRECATED || descriptor.status() == LifecycleStatus.RETIRED) {
            problems.add(new FieldProblem(
                    "product.status",
                    "says " + descriptor.status().label() + " for a product never published: " + fix));
        }
        if (descriptor.markedDeprecated()) {
            problems.add(new FieldProblem(
                    "product.deprecated", "says deprecated: true for a product never published: remove it; " + fix));
        }
        return problems;
    }

    /** Each field that claims an end of life the notices do not back, with the fix. */
    private static List<FieldProblem> endOfLifeProblems(
            ProductDescriptor descriptor, String key, Optional<Notice> active) {
        List<FieldProblem> problems = new ArrayList<>();
        String fix = "issue a deprecation notice first: POST /api/products/" + key + "/deprecation or the 'Deprecate'"
                + " button on the product page, at least 90 days before the sunset";
        if (descriptor.status() == LifecycleStatus.RETIRED) {
            problems.add(new FieldProblem(
                    "product.status",
                    active.isPresent()
                            ? "says retired, but " + scope(active.get()) + " is retired by its deprecation notice at"
                                    + " the sunset on " + active.get().sunset() + ", not by a publication: publish"
                                    + " with status: deprecated until then"
                            : "says retired, but a product (or major line) is retired only at the sunset of a"
                                    + " deprecation notice, so that its consumers are told first: publish with"
                                    + " status: active and " + fix));
        } else if (descriptor.status() == LifecycleStatus.DEPRECATED) {
            problems.add(new FieldProblem(
                    "product.status",
                    "says deprecated, but no active deprecation notice covers " + key + " (major line "
                            + descriptor.version().major() + "): " + fix));
        }
        if (descriptor.markedDeprecated() && active.isEmpty()) {
            problems.add(new FieldProblem(
                    "product.deprecated",
                    "says deprecated: true, but no active deprecation notice covers " + key + " (major line "
                            + descriptor.version().major() + "): remove it, or " + fix));
        }
        return problems;
    }

    private static String scope(Notice notice) {
        return notice.majorVersion() == null ? "the product" : "major line " + notice.majorVersion();
    }
}
