package io.signalbox.web;

import java.util.List;
import java.util.Map;

/**
 * A refusal that the caller can act on. Rendered as {@code application/problem+json} (RFC 9457) for the API and as a
 * friendly page for people; see {@link ErrorMappers}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldProblem> problems;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail, List<FieldProblem> problems) {
        this(status, type, title, detail, problems, Map.of());
    }

    /** With extension members (RFC 9457 §3.2) beside the standard ones, such as the violations of a refusal. */
    public ProblemException(
            int status,
            String type,
            String title,
            String detail,
            List<FieldProblem> problems,
            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.problems = List.copyOf(problems);
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException badRequest(String title, List<FieldProblem> problems) {
        return new ProblemException(400, "malformed-request", title, summarise(problems), problems);
    }

    public static ProblemException unprocessable(String title, List<FieldProblem> problems) {
        return new ProblemException(422, "invalid-content", title, summarise(problems), problems);
    }

    public static ProblemException conflict(String detail, String field) {
        return new ProblemException(
                409,
                "conflict",
                "This conflicts with what is already stored",
                detail,
                List.of(new FieldProblem(field, detail)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Not allowed", detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of());
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(
                413,
                "payload-too-large",
                "The request body is too large",
                detail,
                List.of(new FieldProblem("body", detail)));
    }

    private static String summarise(List<FieldProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).field() + ": " + problems.get(0).message();
        }
        return problems.size() + " fields need attention; see errors.";
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
