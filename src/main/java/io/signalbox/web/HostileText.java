package io.signalbox.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Text no person types and PostgreSQL cannot store or pages cannot show: a NUL or another control character (C0
 * controls other than tab, line feed and carriage return, and DEL: invisible on a page, an escape sequence in a
 * terminal reading the audit log), half of a UTF-16 surrogate pair, or the replacement character U+FFFD (what a
 * percent-encoded lone surrogate decodes to). Refused at the door with 400 naming the path, the parameter or the form
 * field, so no route answers 500 for it and nothing is stored with a character silently replaced or hidden. JSON
 * bodies are checked by {@link StrictJson}; descriptors by their parser.
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

    /**
     * Form fields, URL-encoded or multipart, once the body is read (files are left to the descriptor parser, which
     * names the line). Runs before the resource, so before the form token check: the field is named either way.
     */
    @ServerRequestFilter(readBody = true)
    public void refuseUnstorableFormFields(ResteasyReactiveContainerRequestContext request) {
        if (!(request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context)
                || context.getFormData() == null) {
            return;
        }
        FormData form = context.getFormData();
        for (String name : form) {
            boolean unstorable = isUnstorable(name)
                    || form.get(name).stream().anyMatch(value -> !value.isFileItem() && isUnstorable(value.getValue()));
            if (unstorable) {
                throw Refusal.malformed(
                        "The form cannot be read",
                        List.of(new FieldProblem(name, "holds a control or broken character; remove it")));
            }
        }
    }

    /**
     * A NUL or other control character, C0 or C1 (tab, line feed and carriage return are text), half a surrogate pair,
     * or the replacement character that stands for bytes that were not UTF-8.
     */
    public static boolean isUnstorable(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // U+FFFD is what a server's decoder writes for bytes that were not UTF-8 (a lone surrogate sent as
            // %ED%A0%80, say): the text was broken on the way, and storing it would store the damage.
            // C1 controls (U+0080-U+009F) are what UTF-8 bytes become when a form is read as ISO-8859-1 (a client
            // that says so, as some HTTP libraries do by default): the same damage, seen through another charset.
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == '\uFFFD') {
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
