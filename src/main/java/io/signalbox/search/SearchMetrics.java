package io.signalbox.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * This replica's search index as Prometheus sees it: {@code signalbox_search_index_documents}, {@code
 * signalbox_search_index_behind} (products this replica still has to index or remove to match PostgreSQL: its lag,
 * in products), {@code signalbox_search_index_ready} (1 when searches answer from a complete index), {@code
 * signalbox_search_feed_lag_seconds} (since this replica last read the catalog change feed to its end: its lag behind
 * the other replicas' changes) and {@code signalbox_search_feed_position}. Search
 * latency is the timer {@code signalbox_search_seconds{answer=searched|reused}} kept by {@link CatalogSearch}.
 */
@Singleton
public class SearchMetrics implements MeterBinder {

    @Inject
    SearchIndex index;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("signalbox.search.index.documents", index, i -> i.status().documents())
                .description("Products in this replica's search index")
                .register(registry);
        Gauge.builder("signalbox.search.index.behind", index, i -> {
                    SearchIndex.Status status = i.status();
                    return Math.max(0, status.progressTotal() - status.progressDone());
                })
                .description("Products this replica's index has still to catch up with")
                .register(registry);
        Gauge.builder(
                        "signalbox.search.feed.lag.seconds",
                        index,
                        i -> i.status().feedLagMillis() / 1000.0)
                .description("Seconds since this replica last read the catalog change feed to its end")
                .register(registry);
        Gauge.builder("signalbox.search.feed.position", index, i -> i.status().feedPosition())
                .description("The catalog change feed position this replica's index has applied every change up to")
                .register(registry);
        Gauge.builder("signalbox.search.index.ready", index, i -> i.status().state() == SearchIndex.State.READY ? 1 : 0)
                .description("1 when this replica's index is complete and serving")
                .register(registry);
    }
}
