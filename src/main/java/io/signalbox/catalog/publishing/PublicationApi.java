package io.signalbox.catalog.publishing;

import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.publishing.PublicationService.Publication;
import io.signalbox.identity.Caller;
import io.signalbox.web.FieldProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Publishing through the JSON API, one request: {@code curl --data-binary @product.yaml .../api/products} (YAML or
 * JSON body) or {@code curl -F product=@product.yaml -F contract=@contract.yaml .../api/products} (form files). 201
 * with the new version's address, 200 when the same version was already published identically; refusals are problem
 * documents (422 with the council's violations, 409 for conflicts, 403 for non-owners, 413 beyond the size limit).
 */
@Path("/api/products")
@Produces(MediaType.APPLICATION_JSON)
public class PublicationApi {

    @Inject
    PublicationService publications;

    @Inject
    PublishingRights rights;

    @Inject
    DescriptorUploads uploads;

    @Inject
    Caller caller;

    /**
     * What a publication answers: the product, the version, whether it was new, where to read it, what the reader
     * and the lifecycle accepted but tell about ({@code descriptorWarnings}: field path and message, e.g. a text
     * boolean, a deprecation notice that keeps the product deprecated), and what the publisher may want to do next.
     */
    public record PublicationAnswer(
            String key,
            String version,
            boolean created,
            String url,
            String api,
            List<FieldProblem> descriptorWarnings,
            Next next) {}

    /**
     * What to do after this publication: {@code deprecatePrevious} when it opened a new major line and the line it
     * leaves behind has no deprecation notice yet (null otherwise).
     */
    public record Next(DeprecationOffer deprecatePrevious) {}

    /**
     * An offer to deprecate major line {@code majorVersion}: {@code href} is the page with the notice's form, filled in
     * for that line.
     */
    public record DeprecationOffer(int majorVersion, String href) {

        /** The offer for line {@code major} of product {@code key}; null when {@code major} is null. */
        public static DeprecationOffer of(String key, Integer major) {
            return major == null
                    ? null
                    : new DeprecationOffer(major, "/products/" + key + "/deprecation/new?major=" + major);
        }
    }

    /** What a dry run found: the same evaluation a publication gets, with nothing written. */
    public record ValidationAnswer(
            boolean passes,
            String product,
            String version,
            int ruleSetVersion,
            String comparedWith,
            List<PublicationGate.Finding> violations,
            List<PublicationGate.Finding> warnings,
            List<PublicationGate.SchemaChange> schemaChanges,
            List<FieldProblem> descriptorWarnings) {}

    @POST
    @Consumes({
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        "text/x-yaml",
        "application/json",
        "text/plain",
        "application/octet-stream",
        "*/*"
    })
    public Response publish(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return publishAs(uploads.fromBody(body, contentType));
    }

    /** Publishes a product whose ODPS file and ODCS contract files are sent as separate form files. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response publishFiles(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        return publishAs(uploads.fromFiles(files));
    }

    /**
     * Checks a descriptor against the council's rules without publishing it, for domain repositories' CI: 200 when
     * it would publish (with its warnings), 422 with the same violations a publication would get when it would not.
     */
    @POST
    @Path("/validate")
    @Consumes({
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        "text/x-yaml",
        "application/json",
        "text/plain",
        "application/octet-stream",
        "*/*"
    })
    public ValidationAnswer validate(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return validated(uploads.fromBody(body, contentType));
    }

    /** The dry run for an ODPS file and its contracts sent as separate form files. */
    @POST
    @Path("/validate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ValidationAnswer validateFiles(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        return validated(uploads.fromFiles(files));
    }

    private ValidationAnswer validated(ProductDescriptor descriptor) {
        PublicationService.Validation validation = publications.validate(descriptor);
        PublicationGate.Verdict verdict = validation.verdict();
        return new ValidationAnswer(
                true,
                descriptor.productKey(),
                descriptor.version().toString(),
                verdict.ruleSetVersion(),
                verdict.comparedWith(),
                verdict.blocking(),
                verdict.warnings(),
                verdict.schemaChanges(),
                warnings(descriptor.warnings(), validation.lifecycleWarnings()));
    }

    /** The reader's warnings, then the lifecycle's. */
    static List<FieldProblem> warnings(List<FieldProblem> reader, List<FieldProblem> lifecycle) {
        if (lifecycle.isEmpty()) {
            return reader;
        }
        List<FieldProblem> all = new java.util.ArrayList<>(reader);
        all.addAll(lifecycle);
        return List.copyOf(all);
    }

    private Response publishAs(ProductDescriptor descriptor) {
        rights.refuseUnlessMayPublish(descriptor.domainKey());
        Publication publication = publications.publish(descriptor, caller.name());
        PublicationAnswer answer = new PublicationAnswer(
                publication.product().key,
                publication.version().version,
                publication.created(),
                "/products/" + publication.product().key,
                "/api/products/" + publication.product().key + "/versions/" + publication.version().version,
                warnings(descriptor.warnings(), publication.lifecycleWarnings()),
                new Next(DeprecationOffer.of(publication.product().key, publication.previousMajorToDeprecate())));
        if (!publication.created()) {
            return Response.ok(answer).build();
        }
        return Response.created(URI.create(answer.api())).entity(answer).build();
    }
}
