package io.signalbox.readiness.watch;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.signalbox.governance.canonical.UnmappedAttributes.UnmappedAttribute;
import io.signalbox.readiness.watch.MeshWatch.OrphanedProduct;
import io.signalbox.readiness.watch.MeshWatch.UndeclaredDependency;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The council's watch over the mesh (Step 7) as one page: undeclared dependencies, orphaned products and the model
 * review, {@value #SHOWN} of each, every list with its own "more" link ({@code ?undeclared=}, {@code ?orphans=},
 * {@code ?review=} carry each list's cursor) and its JSON twin. Works without JavaScript; every signed-in person reads
 * it.
 */
@Path("/readiness/watch")
@Produces(MediaType.TEXT_HTML)
public class WatchPages {

    /** Items of each list on the page. */
    static final int SHOWN = 20;

    private static final String HERE = "/readiness/watch";

    @Inject
    MeshWatch watch;

    @Inject
    WatchConfig config;

    /**
     * The page's content.
     *
     * @param domain the domain filter, null when none
     * @param undeclaredMore the address of the next undeclared dependencies, null at the end (likewise the others)
     * @param ownerSeenWithinDays the period in which an owner must have been seen, in days
     */
    public record WatchView(
            String domain,
            WatchList<UndeclaredDependency> undeclared,
            String undeclaredMore,
            WatchList<OrphanedProduct> orphans,
            String orphansMore,
            WatchList<UnmappedAttribute> review,
            String reviewMore,
            long ownerSeenWithinDays) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance watch(WatchView view);
    }

    /** The three lists, each from its own cursor (absent: its first {@value #SHOWN}). */
    @GET
    public TemplateInstance watch(
            @QueryParam("domain") String domain,
            @QueryParam("undeclared") String undeclared,
            @QueryParam("orphans") String orphans,
            @QueryParam("review") String review) {
        Optional<String> filter = MeshWatch.domainFilter(domain);
        var undeclaredList = watch.undeclaredDependencies(filter, cursor("undeclared", undeclared, 2));
        var orphanList = watch.orphanedProducts(filter, cursor("orphans", orphans, 1));
        var reviewList = watch.modelReview(cursor("review", review, 2));
        String d = filter.orElse(null);
        return Templates.watch(new WatchView(
                d,
                undeclaredList,
                more(d, "undeclared", undeclaredList.after(), "undeclared-dependencies"),
                orphanList,
                more(d, "orphans", orphanList.after(), "orphaned-products"),
                reviewList,
                more(d, "review", reviewList.after(), "model-review"),
                config.ownerSeenWithin().toDays()));
    }

    /** A list's cursor parameter read as web.Paging reads {@code after}, a foreign one refused naming its parameter. */
    private static PageRequest cursor(String parameter, String value, int keyParts) {
        try {
            return Paging.request(value, SHOWN, SHOWN, SHOWN, keyParts);
        } catch (Refusal.Malformed e) {
            throw Paging.foreignCursor(parameter);
        }
    }

    private static String more(String domain, String parameter, String after, String anchor) {
        if (after == null) {
            return null;
        }
        StringBuilder link = new StringBuilder(HERE).append('?');
        if (domain != null) {
            link.append("domain=")
                    .append(URLEncoder.encode(domain, StandardCharsets.UTF_8))
                    .append('&');
        }
        return link.append(parameter)
                .append('=')
                .append(after)
                .append('#')
                .append(anchor)
                .toString();
    }
}
