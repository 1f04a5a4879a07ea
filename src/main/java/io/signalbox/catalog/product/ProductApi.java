package io.signalbox.catalog.product;

import io.signalbox.catalog.descriptor.DescriptorFormat;
import io.signalbox.catalog.descriptor.DescriptorReader;
import io.signalbox.catalog.descriptor.DescriptorReader.DescriptorFile;
import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.model.Domain;
import io.signalbox.catalog.product.CatalogViews.ProductSummary;
import io.signalbox.catalog.product.CatalogViews.ProductView;
import io.signalbox.catalog.product.CatalogViews.VersionSummary;
import io.signalbox.catalog.product.CatalogViews.VersionView;
import io.signalbox.catalog.publishing.PublicationGate;
import io.signalbox.catalog.publishing.PublicationService;
import io.signalbox.catalog.publishing.PublicationService.Publication;
import io.signalbox.identity.Caller;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.ProblemException;
import io.signalbox.web.RequestBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The catalog's JSON API. Publishing is one request: {@code curl --data-binary @product.yaml .../api/products}.
 */
@Path("/api/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductApi {

    @Inject
    PublicationService publications;

    @Inject
    CatalogQueries queries;

    @Inject
    Caller caller;

    @ConfigProperty(name = "signalbox.descriptor.max-bytes")
    int maxDescriptorBytes;

    public record PublicationAnswer(String key, String version, boolean created, String url, String api) {}

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
        byte[] bytes = RequestBodies.readAtMost(
                body, maxDescriptorBytes, "a descriptor is far smaller: split the schema or remove embedded data");
        ProductDescriptor descriptor = DescriptorReader.read(bytes, DescriptorFormat.fromMediaType(contentType));
        return answer(publishAs(descriptor));
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
            List<PublicationGate.SchemaChange> schemaChanges) {}

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
        byte[] bytes = RequestBodies.readAtMost(
                body, maxDescriptorBytes, "a descriptor is far smaller: split the schema or remove embedded data");
        return validated(DescriptorReader.read(bytes, DescriptorFormat.fromMediaType(contentType)));
    }

    /** The dry run for an ODPS file and its contracts sent as separate form files. */
    @POST
    @Path("/validate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ValidationAnswer validateFiles(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        return validated(DescriptorReader.read(descriptorFiles(files)));
    }

    private ValidationAnswer validated(ProductDescriptor descriptor) {
        PublicationGate.Verdict verdict = publications.validate(descriptor);
        PublicationService.refuseIfBlocked(verdict, descriptor);
        return new ValidationAnswer(
                true,
                descriptor.productKey(),
                descriptor.version().toString(),
                verdict.ruleSetVersion(),
                verdict.comparedWith(),
                verdict.blocking(),
                verdict.warnings(),
                verdict.schemaChanges());
    }

    /** Only owners of the product's domain publish it; an unknown domain is left to the service to explain. */
    private Publication publishAs(ProductDescriptor descriptor) {
        if (Domain.findByKey(descriptor.domainKey()).isPresent()) {
            caller.refuseUnlessOwnerOf(descriptor.domainKey(), "publish its data products");
        }
        return publications.publish(descriptor, caller.name());
    }

    private static Response answer(Publication publication) {
        PublicationAnswer answer = new PublicationAnswer(
                publication.product().key,
                publication.version().version,
                publication.created(),
                "/products/" + publication.product().key,
                "/api/products/" + publication.product().key + "/versions/" + publication.version().version);
        if (!publication.created()) {
            return Response.ok(answer).build();
        }
        return Response.created(URI.create(answer.api())).entity(answer).build();
    }

    /**
     * Publishes a product whose ODPS file and ODCS contract files are sent as separate parts:
     * {@code curl -F product=@product.yaml -F contract=@contract.yaml .../api/products}.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response publishFiles(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        return answer(publishAs(DescriptorReader.read(descriptorFiles(files))));
    }

    private List<DescriptorFile> descriptorFiles(List<FileUpload> files) {
        List<DescriptorFile> descriptorFiles = new ArrayList<>();
        long total = 0;
        for (FileUpload file : files) {
            total += file.size();
            if (total > maxDescriptorBytes) {
                throw ProblemException.tooLarge("is larger than " + maxDescriptorBytes / 1024
                        + " KiB in all; a descriptor is far smaller: split the schema or remove embedded data");
            }
            String name = file.fileName() == null ? file.name() : file.fileName();
            DescriptorFormat format = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                    ? DescriptorFormat.JSON
                    : DescriptorFormat.fromMediaType(file.contentType());
            try {
                descriptorFiles.add(new DescriptorFile(name, Files.readAllBytes(file.uploadedFile()), format));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the uploaded file " + name, e);
            }
        }
        if (descriptorFiles.isEmpty()) {
            throw ProblemException.badRequest(
                    "The descriptor could not be read",
                    List.of(new FieldProblem(
                            "body", "holds no file: send the ODPS file and its contracts as form files")));
        }
        return descriptorFiles;
    }

    @GET
    public List<ProductSummary> list(@QueryParam("domain") String domain) {
        return queries.products(Optional.ofNullable(domain).filter(d -> !d.isBlank()));
    }

    @GET
    @Path("/{key}")
    public ProductView product(@PathParam("key") String key) {
        return queries.product(key, Optional.empty());
    }

    @GET
    @Path("/{key}/versions")
    public List<VersionSummary> versions(@PathParam("key") String key) {
        return queries.product(key, Optional.empty()).versions();
    }

    /** The descriptor exactly as it was published, for auditors and for teams that lost their copy. */
    @GET
    @Path("/{key}/versions/{version}/descriptor")
    @Produces({"application/yaml", MediaType.APPLICATION_JSON})
    public Response descriptor(@PathParam("key") String key, @PathParam("version") String version) {
        CatalogQueries.PublishedDescriptor published = queries.descriptor(key, version);
        return Response.ok(published.text())
                .type(
                        "json".equals(published.format())
                                ? MediaType.APPLICATION_JSON
                                : "application/yaml; charset=utf-8")
                .build();
    }

    @GET
    @Path("/{key}/versions/{version}")
    public VersionView version(@PathParam("key") String key, @PathParam("version") String version) {
        return queries.product(key, Optional.of(version)).version();
    }
}
