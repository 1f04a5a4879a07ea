package io.signalbox.catalog.publishing;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.catalog.descriptor.DescriptorFormat;
import io.signalbox.catalog.descriptor.DescriptorReader;
import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.model.Domain;
import io.signalbox.catalog.publishing.PublicationService.Publication;
import io.signalbox.identity.Caller;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.FormTokens;
import io.signalbox.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Publishing from the browser: paste a descriptor or choose its file, check it against the council's rules, publish.
 * A refusal is shown on the same page, with the descriptor kept, each broken rule, where, and what to change.
 * Anyone signed in may check a descriptor; only the domain's owners publish.
 */
@Path("/domains/{key}/publish")
@Produces(MediaType.TEXT_HTML)
public class PublishPages {

    @Inject
    PublicationService publications;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    @ConfigProperty(name = "signalbox.descriptor.max-bytes")
    int maxDescriptorBytes;

    /** What the page shows after a check or a refused publication. */
    public record Outcome(
            String headline,
            boolean refused,
            List<FieldProblem> problems,
            List<PublicationGate.Finding> violations,
            List<PublicationGate.Finding> warnings,
            List<PublicationGate.SchemaChange> schemaChanges,
            String comparedWith,
            Integer ruleSetVersion) {

        static Outcome unreadable(String headline, List<FieldProblem> problems) {
            return new Outcome(headline, true, problems, List.of(), List.of(), List.of(), null, null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance publish(
                String domainKey, String domainName, boolean mayPublish, String descriptor, Outcome outcome);
    }

    @GET
    public TemplateInstance page(@PathParam("key") String key) {
        Domain domain = Domain.existing(key);
        return Templates.publish(key, domain.name, caller.owns(key), "", null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(
            @PathParam("key") String key,
            @RestForm(FormTokens.FIELD) String token,
            @RestForm("action") String action,
            @RestForm("descriptor") String pasted,
            @RestForm("file") FileUpload file) {
        formTokens.verify(token);
        Domain domain = Domain.existing(key);
        boolean publish = "publish".equals(action);
        if (publish) {
            caller.refuseUnlessOwnerOf(key, "publish its data products");
        }
        boolean mayPublish = caller.owns(key);
        byte[] bytes = fromFile(file);
        String text = bytes != null ? new String(bytes, StandardCharsets.UTF_8) : pasted == null ? "" : pasted;
        if (bytes == null) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > maxDescriptorBytes) {
                throw ProblemException.tooLarge("is larger than " + maxDescriptorBytes / 1024
                        + " KiB; a descriptor is far smaller: split the schema or remove embedded data");
            }
        }
        if (text.isBlank()) {
            return page(
                    422,
                    key,
                    domain,
                    mayPublish,
                    text,
                    Outcome.unreadable(
                            "There is nothing to check yet",
                            List.of(new FieldProblem(
                                    "descriptor", "paste the descriptor into the box, or choose its file"))));
        }
        try {
            ProductDescriptor descriptor = DescriptorReader.read(bytes, formatOf(file, text));
            if (!descriptor.domainKey().equals(key)) {
                return page(
                        422,
                        key,
                        domain,
                        mayPublish,
                        text,
                        Outcome.unreadable(
                                "This descriptor belongs to another domain",
                                List.of(new FieldProblem(
                                        "domain",
                                        "the descriptor says domain: " + descriptor.domainKey()
                                                + "; publish it from that domain's page, or change it to " + key))));
            }
            if (publish) {
                Publication publication = publications.publish(descriptor, caller.name());
                return Response.seeOther(URI.create("/products/" + publication.product().key + "#governance"))
                        .build();
            }
            PublicationGate.Verdict verdict = publications.validate(descriptor);
            String headline = verdict.passes()
                    ? descriptor.productKey() + " " + descriptor.version()
                            + " meets every blocking rule: ready to publish"
                    : descriptor.productKey() + " " + descriptor.version() + " would be refused: "
                            + count(verdict.blocking().size());
            return page(
                    verdict.passes() ? 200 : 422,
                    key,
                    domain,
                    mayPublish,
                    text,
                    new Outcome(
                            headline,
                            !verdict.passes(),
                            List.of(),
                            verdict.blocking(),
                            verdict.warnings(),
                            verdict.schemaChanges(),
                            verdict.comparedWith(),
                            verdict.ruleSetVersion()));
        } catch (ProblemException refused) {
            if (refused.status() == 403 || refused.status() == 404) {
                throw refused;
            }
            return page(refused.status(), key, domain, mayPublish, text, outcomeOf(refused, publish));
        }
    }

    /** A refusal from the reader, the version rules or the gate, in the page's terms. */
    @SuppressWarnings("unchecked")
    private static Outcome outcomeOf(ProblemException refused, boolean publish) {
        Object violations = refused.extensions().get("violations");
        if (violations instanceof List<?> found) {
            List<PublicationGate.Finding> blocking = (List<PublicationGate.Finding>) found;
            return new Outcome(
                    (publish ? "Nothing was published: " : "This descriptor would be refused: ")
                            + count(blocking.size()),
                    true,
                    List.of(),
                    blocking,
                    (List<PublicationGate.Finding>) refused.extensions().getOrDefault("warnings", List.of()),
                    (List<PublicationGate.SchemaChange>) refused.extensions().getOrDefault("schemaChanges", List.of()),
                    null,
                    (Integer) refused.extensions().get("ruleSetVersion"));
        }
        return Outcome.unreadable(
                (publish ? "Nothing was published: " : "") + refused.title().toLowerCase(Locale.ROOT),
                refused.problems().isEmpty()
                        ? List.of(new FieldProblem("descriptor", refused.detail()))
                        : refused.problems());
    }

    private static String count(int rules) {
        return rules == 1 ? "1 thing to change" : rules + " things to change";
    }

    private Response page(int status, String key, Domain domain, boolean mayPublish, String text, Outcome outcome) {
        return Response.status(status)
                .entity(Templates.publish(key, domain.name, mayPublish, text, outcome))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .build();
    }

    private byte[] fromFile(FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return null;
        }
        if (file.size() > maxDescriptorBytes) {
            throw ProblemException.tooLarge("is larger than " + maxDescriptorBytes / 1024
                    + " KiB; a descriptor is far smaller: split the schema or remove embedded data");
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded descriptor", e);
        }
    }

    /** JSON when the file says so or the text starts like JSON; YAML otherwise (YAML also reads most JSON). */
    private static DescriptorFormat formatOf(FileUpload file, String text) {
        String name =
                file == null || file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        String start = text.stripLeading();
        return name.endsWith(".json") || start.startsWith("[") || start.startsWith("{")
                ? DescriptorFormat.JSON
                : DescriptorFormat.YAML;
    }
}
