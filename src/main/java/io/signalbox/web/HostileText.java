package io.signalbox.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Text no person types and PostgreSQL cannot store: a NUL character, or half of a UTF-16 surrogate pair (what a
 * percent-encoded lone surrogate decodes to). Refused at the door with 400 naming the path or the parameter, so no
 * route answers 500 for it and nothing is stored with a character silently replaced. JSON bodies are checked by
 * {@link StrictJson}.
 */
public class HostileText {

    @ServerRequestFilter(preMatching = true)
    public void refuseUnstorableText(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (isUnstorable(path)) {
            throw Refusal.malformed(
                    "The address cannot be read",
                    List.of(new FieldProblem("path", "holds a control or broken character; remove it")));
        }
        MultivaluedMap<String, String> parameters = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (isUnstorable(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(HostileText::isUnstorable)) {
                throw Refusal.malformed(
                        "The address cannot be read",
                        List.of(new FieldProblem(
                                parameter.getKey(), "holds a control or broken character; remove it")));
            }
        }
    }

    /** A NUL, or a surrogate that is not half of a pair. */
    public static boolean isUnstorable(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
