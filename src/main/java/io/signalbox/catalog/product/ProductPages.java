package io.signalbox.catalog.product;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.catalog.product.CatalogViews.ProductView;
import io.signalbox.catalog.product.CatalogViews.VersionSummary;
import io.signalbox.identity.Caller;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * A product's page: overview, consumers, schema, classification, changelog and the newest versions, current or older;
 * and the paged list of all its versions.
 */
@Path("/products/{key}")
@Produces(MediaType.TEXT_HTML)
public class ProductPages {

    @Inject
    CatalogQueries queries;

    @Inject
    Caller caller;

    /**
     * What the reader may do with the product from its page: {@code deprecateHref} is the form that issues a
     * deprecation notice for the shown version's major line (null unless the reader owns the product's domain and no
     * notice covers that line); {@code maySubscribe} whether they can subscribe to its notices (signed in).
     */
    public record Actions(String deprecateHref, boolean maySubscribe) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance product(ProductView product, Actions actions);

        static native TemplateInstance versions(
                String productKey, String currentVersion, Page<VersionSummary> versions);
    }

    @GET
    public TemplateInstance current(@PathParam("key") String key) {
        return shown(queries.product(key, Optional.empty()));
    }

    /**
     * Every version of the product with its changelog, newest first, {@link ProductApi#VERSIONS_DEFAULT_SIZE} to a
     * page with a link to the next; a bad {@code size} or {@code after} is a 400.
     */
    @GET
    @Path("/versions")
    public TemplateInstance versions(
            @PathParam("key") String key,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        PageRequest request =
                Paging.request(after, size, ProductApi.VERSIONS_DEFAULT_SIZE, ProductApi.VERSIONS_MAX_SIZE, 1);
        String current = queries.currentVersion(key);
        Page<VersionSummary> page =
                Paging.page(queries.versions(key, request), request, v -> List.of(v.version()), uri);
        return Templates.versions(key, current, page);
    }

    @GET
    @Path("/versions/{version}")
    public TemplateInstance version(@PathParam("key") String key, @PathParam("version") String version) {
        return shown(queries.product(key, Optional.of(version)));
    }

    private TemplateInstance shown(ProductView product) {
        String deprecate = null;
        if (product.deprecation() == null && caller.owns(product.domain())) {
            // The form names a line when the shown version is not in the current one: that line is what is deprecated.
            int shownMajor = SemanticVersion.parse(product.version().version())
                    .orElseThrow()
                    .major();
            int currentMajor = SemanticVersion.parse(product.currentVersion())
                    .orElseThrow()
                    .major();
            deprecate = "/products/" + product.key() + "/deprecation/new"
                    + (shownMajor == currentMajor ? "" : "?major=" + shownMajor);
        }
        return Templates.product(product, new Actions(deprecate, caller.signedIn()));
    }
}
