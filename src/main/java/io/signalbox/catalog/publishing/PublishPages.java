package io.signalbox.catalog.publishing;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.publishing.PublicationService.Publication;
import io.signalbox.identity.Caller;
import io.signalbox.identity.DomainDirectory;
import io.signalbox.web.ErrorMappers;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.FormTokens;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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
    PublishingRights rights;

    @Inject
    DomainDirectory domains;

    @Inject
    DescriptorUploads uploads;

    @Inject
    Caller caller;

    @Inject
    FormTokens formTokens;

    /** What the page shows after a check or a refused publication. */
    public record Outcome(
            String headline,
            boolean refused,
            List<FieldProblem> problems,
            List<PublicationGate.Finding> violations,
            List<PublicationGate.Finding> warnings,
            List<PublicationGate.SchemaChange> schemaChanges,
            String comparedWith,
            Integer ruleSetVersion,
            List<FieldProblem> descriptorWarnings,
            String productUrl,
            PublicationApi.DeprecationOffer deprecatePrevious) {

        static Outcome unreadable(String headline, List<FieldProblem> problems) {
            return new Outcome(
                    headline, true, problems, List.of(), List.of(), List.of(), null, null, List.of(), null, null);
        }

        /**
         * A publication that went ahead with warnings (the reader's, the lifecycle's) or with an offer to deprecate the
         * major line it leaves behind: shown here, since the product page has neither.
         */
        static Outcome published(Publication publication, List<FieldProblem> descriptorWarnings) {
            String key = publication.product().key;
            String published = key + " " + publication.version().version + " is published";
            return new Outcome(
                    descriptorWarnings.isEmpty()
                            ? published
                            : published + "; the descriptor was read with "
                                    + (descriptorWarnings.size() == 1
                                            ? "1 warning"
                                            : descriptorWarnings.size() + " warnings"),
                    false,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    descriptorWarnings,
                    "/products/" + key,
                    PublicationApi.DeprecationOffer.of(key, publication.previousMajorToDeprecate()));
        }

        static Outcome of(String headline, PublicationGate.Verdict verdict, List<FieldProblem> descriptorWarnings) {
            return new Outcome(
                    headline,
                    !verdict.passes(),
                    List.of(),
                    verdict.blocking(),
                    verdict.warnings(),
                    verdict.schemaChanges(),
                    verdict.comparedWith(),
                    verdict.ruleSetVersion(),
                    descriptorWarnings,
                    null,
                    null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance publish(
                String domainKey, String domainName, boolean mayPublish, String descriptor, Outcome outcome);
    }

    @GET
    public TemplateInstance page(@PathParam("key") String key) {
        String domainName = domains.nameOf(key);
        return Templates.publish(key, domainName, rights.mayPublish(key), "", null);
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
        String domainName = domains.nameOf(key);
        boolean publish = "publish".equals(action);
        if (publish) {
            rights.refuseUnlessMayPublish(key);
        }
        DescriptorUploads.Pasted sent = uploads.fromForm(file, pasted);
        Shown shown = new Shown(key, domainName, rights.mayPublish(key), sent.text());
        if (sent.isBlank()) {
            return shown.answer(
                    422,
                    Outcome.unreadable(
                            "There is nothing to check yet",
                            List.of(new FieldProblem(
                                    "descriptor", "paste the descriptor into the box, or choose its file"))));
        }
        try {
            ProductDescriptor descriptor = sent.read();
            if (!descriptor.domainKey().equals(key)) {
                return shown.answer(
                        422,
                        Outcome.unreadable(
                                "This descriptor belongs to another domain",
                                List.of(new FieldProblem(
                                        "domain",
                                        "the descriptor says domain: " + descriptor.domainKey()
                                                + "; publish it from that domain's page, or change it to " + key))));
            }
            if (publish) {
                Publication publication = publications.publish(descriptor, caller.name());
                List<FieldProblem> warnings =
                        PublicationApi.warnings(descriptor.warnings(), publication.lifecycleWarnings());
                if (!warnings.isEmpty() || publication.previousMajorToDeprecate() != null) {
                    return shown.answer(publication.created() ? 201 : 200, Outcome.published(publication, warnings));
                }
                return Response.seeOther(URI.create("/products/" + publication.product().key + "#governance"))
                        .build();
            }
            PublicationService.Validation validation = publications.validate(descriptor);
            return shown.answer(
                    200,
                    Outcome.of(
                            descriptor.productKey() + " " + descriptor.version()
                                    + " meets every blocking rule: ready to publish",
                            validation.verdict(),
                            PublicationApi.warnings(descriptor.warnings(), validation.lifecycleWarnings())));
        } catch (PublicationRefused refused) {
            return shown.answer(
                    422,
                    Outcome.of(
                            (publish
                                            ? "Nothing was published: "
                                            : refused.productKey() + " " + refused.version() + " would be refused: ")
                                    + PublicationRefused.count(refused.verdict().blocking()),
                            refused.verdict(),
                            List.of()));
        } catch (Refusal.Malformed | Refusal.Invalid | Refusal.Conflict refused) {
            // The reader's and the version line's refusals, shown beside the descriptor so it can be corrected.
            return shown.answer(
                    ErrorMappers.statusOf(refused),
                    Outcome.unreadable(
                            (publish ? "Nothing was published: " : "")
                                    + refused.title().toLowerCase(Locale.ROOT),
                            refused.problems().isEmpty()
                                    ? List.of(new FieldProblem("descriptor", refused.detail()))
                                    : refused.problems()));
        }
    }

    /** What the page shows again after a post: the domain, whether the person may publish, the text they sent. */
    private record Shown(String key, String domainName, boolean mayPublish, String text) {

        Response answer(int status, Outcome outcome) {
            return Response.status(status)
                    .entity(Templates.publish(key, domainName, mayPublish, text, outcome))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                    .build();
        }
    }
}
