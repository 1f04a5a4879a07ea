package io.signalbox.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * One place that turns failures into answers: {@code application/problem+json} (RFC 9457) under /api, a friendly
 * page elsewhere. Stack traces, SQL and configuration never reach the caller; unexpected errors are logged with a
 * reference the caller can quote.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String PROBLEM_JSON = "application/problem+json";

    /** The one place where a kind of refusal becomes a status. */
    public static int statusOf(Refusal refusal) {
        if (refusal instanceof Refusal.Malformed) {
            return 400;
        } else if (refusal instanceof Refusal.Invalid) {
            return 422;
        } else if (refusal instanceof Refusal.Conflict) {
            return 409;
        } else if (refusal instanceof Refusal.NotFound) {
            return 404;
        } else if (refusal instanceof Refusal.Forbidden) {
            return 403;
        } else if (refusal instanceof Refusal.TooLarge) {
            return 413;
        }
        throw new IllegalStateException("A kind of refusal without a status: " + refusal.getClass());
    }

    /** The last segment of the problem type URI, stable for clients that branch on it. */
    static String typeOf(Refusal refusal) {
        if (refusal instanceof Refusal.Invalid invalid) {
            return invalid.problemType();
        }
        return switch (statusOf(refusal)) {
            case 400 -> "malformed-request";
            case 409 -> "conflict";
            case 404 -> "not-found";
            case 403 -> "forbidden";
            case 413 -> "payload-too-large";
            default -> "refused";
        };
    }

    @ServerExceptionMapper
    public Response refused(Refusal e, UriInfo uri) {
        int status = statusOf(e);
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status)
                    .type(PROBLEM_JSON)
                    .entity(problemJson(status, typeOf(e), e.title(), e.detail(), e.problems(), e.problemMembers()))
                    .build();
        }
        return answer(uri, status, typeOf(e), e.title(), e.detail(), e.problems());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = "body";
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("^Duplicate field '(.+?)'")
                .matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            field = duplicate.group(1);
        } else if (e instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        String reason = jsonReason(e);
        List<FieldProblem> problems = List.of(new FieldProblem(field, reason));
        if (e instanceof StrictJson.OutOfRangeDate) {
            // Well-formed, but beyond what can be stored: a rule broken, not a body unread.
            return answer(uri, 422, "invalid-content", "The request is not valid", field + ": " + reason, problems);
        }
        return answer(
                uri, 400, "malformed-request", "The request body could not be read", field + ": " + reason, problems);
    }

    // Jackson's own subtypes get their own mappers because Quarkus registers built-in ones for them, and the most
    // specific mapper wins: these keep every JSON mistake a problem document.
    /** Jackson's messages name Java classes; callers get the mistake in their own terms instead. */
    private static String jsonReason(JsonProcessingException e) {
        if (e instanceof JsonParseException && e.getOriginalMessage().startsWith("Duplicate field")) {
            return "is given twice; send each field once";
        }
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            return "has content after the JSON value; send one JSON value";
        }
        if (e instanceof StrictJson.OutOfRangeDate) {
            return e.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this resource";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
                && invalid.getValue() instanceof String text
                && HostileText.isUnstorable(text)) {
            return invalid.getOriginalMessage();
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target == null) {
                return "has the wrong shape";
            }
            if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
                return "must be a whole number";
            }
            if (target == String.class) {
                return "must be text";
            }
            if (target == Boolean.class || target == boolean.class) {
                return "must be true or false";
            }
            if (target == java.time.Instant.class || target == java.time.OffsetDateTime.class) {
                return "must be a date and time with its offset (ISO 8601), such as 2026-11-30T06:00:00Z";
            }
            if (target == java.time.LocalDate.class) {
                return "must be a date (ISO 8601), such as 2026-11-30";
            }
            return "must be an object with the resource's fields";
        }
        if (e instanceof JsonParseException) {
            return e.getLocation() == null
                    ? "is not well-formed JSON"
                    : "is not well-formed JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
        }
        return "could not be read";
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // The JSON body reader wraps what the parser refused (a key given twice, broken syntax): same answer.
            return malformedJson(json, uri);
        }
        if (e.getCause() instanceof Refusal refusal) {
            // A parameter converter can only throw a WebApplicationException (see WholeNumberParameters).
            return refused(refusal, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = switch (status) {
            case 404 -> "Not found";
            case 405 -> "This method is not allowed here";
            case 406 -> "No acceptable representation";
            case 415 -> "Unsupported media type";
            case 401 -> "Sign-in required";
            case 403 -> "Not allowed";
            default -> "The request could not be handled";
        };
        String detail = status == 404
                ? "There is nothing at this address. It may have moved, or the link may be mistyped."
                : e.getMessage() == null ? title : e.getMessage();
        return answer(uri, status, "http-" + status, title, detail, List.of());
    }

    /** A multipart body cut before its closing boundary is the client's incomplete request, not our failure. */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, UriInfo uri) {
        if (!String.valueOf(e.getMessage()).contains("parsing multipart request")) {
            return unexpected(e, uri);
        }
        String reason = "ends before the form's closing boundary; send the whole form again";
        return answer(
                uri,
                400,
                "malformed-request",
                "The request body could not be read",
                "body: " + reason,
                List.of(new FieldProblem("body", reason)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutages.explains(e)) {
            return DatabaseOutages.answer(e, uri); // passing, not a bug: 503 with Retry-After
        }
        // The request id is the reference: it is in the answer's X-Request-Id header and in every log line.
        String requestId = RequestIds.current();
        String reference = requestId == null ? UUID.randomUUID().toString() : requestId;
        LOG.errorf(e, "Unexpected error %s on %s", reference, uri.getPath());
        return answer(
                uri,
                500,
                "internal-error",
                "Something went wrong on our side",
                "The error was logged with reference " + reference + "; quote it when you ask for help.",
                List.of());
    }

    private static Response answer(
            UriInfo uri, int status, String type, String title, String detail, List<FieldProblem> problems) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status)
                    .type(PROBLEM_JSON)
                    .entity(problemJson(status, type, title, detail, problems))
                    .build();
        }
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(ErrorPages.render(status, title, detail, problems))
                .build();
    }

    static String problemJson(int status, String type, String title, String detail, List<FieldProblem> problems) {
        return problemJson(status, type, title, detail, problems, Map.of());
    }

    static String problemJson(
            int status,
            String type,
            String title,
            String detail,
            List<FieldProblem> problems,
            Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://signalbox.dev/problems/" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("errors", problems);
        body.putAll(extensions);
        String requestId = RequestIds.current();
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
    }
}
