package io.signalbox.web;

import java.util.List;
import java.util.Map;

/**
 * Why a request is not carried out, told so that the caller can act: one of a small set of kinds that services,
 * entities and readers throw. They never name HTTP statuses; {@link ErrorMappers} is the one place that turns each kind
 * into a status and an {@code application/problem+json} document (RFC 9457) or a friendly page, and pages that show a
 * refusal in place catch the kind they expect.
 *
 * <ul>
 *   <li>{@link Malformed}: the request cannot be read at all (400);
 *   <li>{@link Invalid}: it can be read but breaks a rule, with the field problems (422); publishing adds its own
 *       subtype carrying the governance verdict;
 *   <li>{@link Conflict}: it contradicts what is stored, or lost a race with a concurrent change (409);
 *   <li>{@link NotFound}: what it names does not exist (404);
 *   <li>{@link Forbidden}: the caller may not do it (403);
 *   <li>{@link TooLarge}: the body is beyond the limit (413).
 * </ul>
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.Malformed,
                Refusal.Invalid,
                Refusal.Conflict,
                Refusal.NotFound,
                Refusal.Forbidden,
                Refusal.TooLarge {

    private final String title;
    private final List<FieldProblem> problems;

    private Refusal(String title, String detail, List<FieldProblem> problems) {
        super(detail, null, false, false); // a refusal is an answer, not a fault: no stack trace to collect
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    /** A short, human title ("The descriptor is not valid"). */
    public String title() {
        return title;
    }

    /** One or two sentences: what is wrong and what to do. */
    public String detail() {
        return getMessage();
    }

    /** Each field that needs attention, by path (for example {@code product.team.members[0].username}). */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** Extension members of the problem document beside the standard ones (RFC 9457 §3.2); none by default. */
    public Map<String, Object> problemMembers() {
        return Map.of();
    }

    /** The request body cannot be read as the resource's format. */
    public static Malformed malformed(String title, List<FieldProblem> problems) {
        return new Malformed(title, problems);
    }

    /** The request can be read but breaks the rules; each problem names its field. */
    public static Invalid invalid(String title, List<FieldProblem> problems) {
        return new Invalid(title, problems);
    }

    /** One field that breaks a rule. */
    public static Invalid invalid(String title, String field, String problem) {
        return new Invalid(title, List.of(new FieldProblem(field, problem)));
    }

    /** It contradicts what is stored (or a concurrent change won); {@code field} is where to look. */
    public static Conflict conflict(String detail, String field) {
        return new Conflict(detail, field);
    }

    public static NotFound notFound(String detail) {
        return new NotFound(detail);
    }

    public static Forbidden forbidden(String detail) {
        return new Forbidden(detail);
    }

    /** {@code detail} completes "the body …", for example "is larger than 512 KiB; split the schema". */
    public static TooLarge tooLarge(String detail) {
        return new TooLarge(detail);
    }

    private static String summarise(List<FieldProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).field() + ": " + problems.get(0).message();
        }
        return problems.size() + " fields need attention; see errors.";
    }

    public static final class Malformed extends Refusal {
        private Malformed(String title, List<FieldProblem> problems) {
            super(title, summarise(problems), problems);
        }
    }

    /** Open for extension so that a feature can attach what it found (for example a governance verdict). */
    public static non-sealed class Invalid extends Refusal {
        protected Invalid(String title, List<FieldProblem> problems) {
            this(title, summarise(problems), problems);
        }

        protected Invalid(String title, String detail, List<FieldProblem> problems) {
            super(title, detail, problems);
        }

        /** The problem type's last path segment; subtypes name their own. */
        public String problemType() {
            return "invalid-content";
        }
    }

    public static final class Conflict extends Refusal {
        private Conflict(String detail, String field) {
            super("This conflicts with what is already stored", detail, List.of(new FieldProblem(field, detail)));
        }
    }

    public static final class NotFound extends Refusal {
        private NotFound(String detail) {
            super("Not found", detail, List.of());
        }
    }

    public static final class Forbidden extends Refusal {
        private Forbidden(String detail) {
            super("Not allowed", detail, List.of());
        }
    }

    public static final class TooLarge extends Refusal {
        private TooLarge(String detail) {
            super("The request body is too large", detail, List.of(new FieldProblem("body", detail)));
        }
    }
}
