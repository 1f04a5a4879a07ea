package io.signalbox.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * This replica's search index as Prometheus sees it: {@code signalbox_search_index_documents}, {@code
 * signalbox_search_index_behind} (products this replica still has to index or remove to match PostgreSQL: its lag,
 * in products) and {@code signalbox_search_index_ready} (1 when searches answer from a complete index). Search
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
        Gauge.builder("signalbox.search.index.ready", index, i -> i.status().state() == SearchIndex.State.READY ? 1 : 0)
                .description("1 when this replica's index is complete and serving")
                .register(registry);
    }
}
