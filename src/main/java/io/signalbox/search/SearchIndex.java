package io.signalbox.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.signalbox.catalog.ProductsChanged;
import io.signalbox.catalog.reporting.CatalogChanges;
import io.signalbox.catalog.reporting.CatalogFeed;
import io.signalbox.catalog.reporting.ProductSnapshot;
import io.signalbox.catalog.reporting.ProductSnapshot.Fingerprint;
import io.signalbox.web.DatabaseOutages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Lucene index of the catalog: derived data that PostgreSQL can always rebuild. One thread (the indexer) owns all
 * writes, so an update always reads the product as committed when it runs and never overtakes a newer one. Searches
 * run on any thread against the latest refreshed searcher and are never blocked by writes, rebuilds or swaps.
 *
 * <p>On disk: {@code CURRENT} names the generation directory in use. A rebuild writes a new generation beside it and
 * swaps {@code CURRENT} with an atomic rename, so a crash at any moment leaves either the old or the new index; on
 * start the index is compared with PostgreSQL (each document carries the product's and domain's lock versions) and
 * brought up to date, or rebuilt when missing, unreadable or of an older format.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    private static final String CURRENT = "CURRENT";
    private static final String FORMAT_KEY = "signalbox.format";
    private static final int BATCH = 500;
    private static final String POSITION_KEY = "signalbox.feed.position";
    private static final int FEED_BATCH = 1_000;

    /** Written in JSON as lower-case words with hyphens: {@code ready}, {@code catching-up}. */
    public enum State {
        /** No usable index yet: searches answer empty until the first build finishes. */
        BUILDING,
        /** Serving from the index while it is brought up to date with the catalog. */
        CATCHING_UP,
        READY,
        /** The index could not be opened or built; see the logs. */
        UNAVAILABLE;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public record Rebuild(Instant startedAt, Instant finishedAt, Long durationMillis, long products) {}

    /**
     * {@code rebuilding} is true while a full rebuild runs beside the index that answers searches. {@code
     * feedPosition} is the catalog change feed's sequence number up to which this index has applied every change;
     * {@code feedLagMillis} how long ago this replica last read the feed to its end (0 right after; it grows while
     * the feed cannot be read or the index falls behind it).
     */
    public record Status(
            State state,
            long documents,
            long progressDone,
            long progressTotal,
            boolean rebuilding,
            Rebuild lastRebuild,
            long feedPosition,
            long feedLagMillis) {

        /** A status without feed figures (position 0, no lag). */
        public Status(
                State state,
                long documents,
                long progressDone,
                long progressTotal,
                boolean rebuilding,
                Rebuild lastRebuild) {
            this(state, documents, progressDone, progressTotal, rebuilding, lastRebuild, 0, 0);
        }

        @JsonProperty("message")
        public String message() {
            return switch (state) {
                case READY -> null;
                case BUILDING ->
                    "The search index is being built (" + progressDone + " of " + progressTotal
                            + " products); results may be incomplete for a moment.";
                case CATCHING_UP ->
                    "The search index is catching up with recent changes; results may lag for a moment.";
                case UNAVAILABLE ->
                    "Search is unavailable right now; the catalog pages still work. Admins: see the logs.";
            };
        }
    }

    @ConfigProperty(name = "signalbox.search.index-dir")
    Path root;

    @ConfigProperty(name = "signalbox.search.reconcile-interval", defaultValue = "60s")
    Duration reconcileInterval;

    @ConfigProperty(name = "signalbox.search.commit-interval", defaultValue = "5s")
    Duration commitInterval;

    @ConfigProperty(name = "signalbox.search.update-wait", defaultValue = "5s")
    Duration updateWait;

    /** How often the change feed is read when no notification wakes the reader earlier. */
    @ConfigProperty(name = "signalbox.search.feed-poll-interval", defaultValue = "500ms")
    Duration feedPollInterval;

    /**
     * How old a feed row must be before the position moves past it: a gap below an older row is taken for a
     * rolled-back transaction (a longer transaction is found by the periodic comparison, see feed-lookback).
     */
    @ConfigProperty(name = "signalbox.search.feed-grace", defaultValue = "60s")
    Duration feedGrace;

    /** How far back the periodic comparison looks at the feed: longer than any catalog transaction may last. */
    @ConfigProperty(name = "signalbox.search.feed-lookback", defaultValue = "10m")
    Duration feedLookback;

    /** Feed rows older than this are pruned; an index whose position is older is compared in full on start. */
    @ConfigProperty(name = "signalbox.search.feed-retention", defaultValue = "7d")
    Duration feedRetention;

    /** How often the periodic comparison covers every product rather than the recently changed ones. */
    @ConfigProperty(name = "signalbox.search.full-reconcile-interval", defaultValue = "1h")
    Duration fullReconcileInterval;

    @Inject
    CatalogFeed catalog;

    @Inject
    CatalogChanges changes;

    @Inject
    Clock clock;

    private ScheduledExecutorService indexer;
    private ExecutorService rebuilder;
    /** Shared by all searches: one search may use every core (see FacetedSearcher). */
    private ExecutorService queryThreads;

    @ConfigProperty(name = "signalbox.search.result-cache-size", defaultValue = "500")
    int resultCacheSize;

    /** Every searcher opened after a change, with the query threads and an empty result cache. */
    private SearcherFactory searcherFactory;

    private final AtomicBoolean rebuilding = new AtomicBoolean();

    /** Written only by the indexer thread; read by searches. */
    private volatile Generation current;

    private volatile State state = State.BUILDING;
    private final AtomicLong progressDone = new AtomicLong();
    private final AtomicLong progressTotal = new AtomicLong();
    private volatile Rebuild lastRebuild;
    private boolean uncommitted;
    private volatile boolean catchingUp;

    // The change feed, all touched by the indexer thread only (the volatile ones are read by status()).
    /** Whether the position is known: false while the first build or comparison has not set it. */
    private boolean feedStarted;
    /** Applied rows above the position, with their write times, until they are older than the grace period. */
    private final TreeMap<Long, Instant> unsettled = new TreeMap<>();
    /** The highest sequence number applied. */
    private long highestSeen;
    /** Where the next periodic comparison starts looking in the feed (the database's clock). */
    private Instant lookbackFrom;

    private long lastFullPassNanos = System.nanoTime();
    private volatile long caughtUpNanos = System.nanoTime();
    private final AtomicBoolean feedReadQueued = new AtomicBoolean();

    void onStart(@Observes StartupEvent event) {
        open();
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /** Opens the index on disk, or rebuilds it, without blocking the caller. */
    public synchronized void open() {
        indexer = Executors.newSingleThreadScheduledExecutor(named("search-indexer"));
        rebuilder = Executors.newSingleThreadExecutor(named("search-rebuild"));
        queryThreads = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), named("search-query"));
        ExecutorService threads = queryThreads;
        int cacheSize = resultCacheSize;
        searcherFactory = new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new FacetedSearcher(reader, threads, cacheSize);
            }
        };
        state = State.BUILDING;
        indexer.execute(this::openOrRebuild);
        long commitMillis = commitInterval.toMillis();
        indexer.scheduleWithFixedDelay(this::commitIfNeeded, commitMillis, commitMillis, TimeUnit.MILLISECONDS);
        long reconcileMillis = reconcileInterval.toMillis();
        indexer.scheduleWithFixedDelay(this::reconcileQuietly, reconcileMillis, reconcileMillis, TimeUnit.MILLISECONDS);
        long pollMillis = feedPollInterval.toMillis();
        indexer.scheduleWithFixedDelay(this::readFeedQuietly, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        changes.listen(this::feedHint);
    }

    /**
     * PostgreSQL said a catalog change committed (on any replica): read the feed now rather than at the next poll.
     * Hints arriving while a read is queued are folded into it.
     */
    private void feedHint() {
        ScheduledExecutorService executor = indexer;
        if (executor != null && feedReadQueued.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    feedReadQueued.set(false);
                    readFeedQuietly();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                feedReadQueued.set(false); // closing
            }
        }
    }

    /** Commits what was indexed and releases the files; searches answer empty until {@link #open()}. */
    public synchronized void close() {
        if (indexer == null) {
            return;
        }
        rebuilder.shutdownNow();
        try {
            rebuilder.awaitTermination(30, TimeUnit.SECONDS);
            indexer.submit(() -> {
                        Generation closing = current;
                        current = null;
                        if (closing != null) {
                            closing.commitAndClose();
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The search index did not close cleanly; it is checked against the catalog on next start", e);
        }
        indexer.shutdownNow();
        indexer = null;
        queryThreads.shutdown();
    }

    /** Where the index lives on disk. */
    Path directory() {
        return root;
    }

    public Status status() {
        Generation generation = current;
        long documents = generation == null ? 0 : generation.documents();
        long position = generation == null ? 0 : generation.position;
        long lagMillis = Math.max(0, (System.nanoTime() - caughtUpNanos) / 1_000_000);
        return new Status(
                state,
                documents,
                progressDone.get(),
                progressTotal.get(),
                rebuilding.get(),
                lastRebuild,
                position,
                lagMillis);
    }

    /** The searcher to use for one search; release it in a finally block. */
    Searcher acquire() throws IOException {
        Generation generation = current;
        if (generation == null) {
            return null;
        }
        try {
            return new Searcher(generation.searchers, (FacetedSearcher) generation.searchers.acquire());
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            // Swapped out between reading the field and acquiring: the new generation is there now.
            Generation now = current;
            return now == null ? null : new Searcher(now.searchers, (FacetedSearcher) now.searchers.acquire());
        }
    }

    record Searcher(SearcherManager manager, FacetedSearcher searcher) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            manager.release(searcher);
        }
    }

    /**
     * Brings the index up to date after a committed change, before the request that made it answers: a product is
     * searchable as soon as its publication is confirmed.
     */
    void onProductsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductsChanged change) {
        ScheduledExecutorService executor = indexer;
        if (executor == null) {
            return;
        }
        Future<?> update = executor.submit(() -> {
            Collection<Long> ids =
                    change.domainKey() != null ? catalog.productsOfDomain(change.domainKey()) : change.productIds();
            apply(ids);
        });
        try {
            update.get(updateWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The change is committed; the periodic comparison with the catalog will index it.
            LOG.warnf("Search index update for %s is late or failed: %s", change, e.toString());
        }
    }

    /**
     * Runs the periodic comparison's incremental pass now and waits for it (tests: what the feed reader passed over is
     * found without waiting for the next minute).
     */
    void compareRecentChangesNow() throws Exception {
        indexer.submit(() -> {
                    reconcileRecent();
                    return null;
                })
                .get(30, TimeUnit.SECONDS);
    }

    /** A search found the index damaged: searches answer from nothing until a fresh index is built. */
    void reportDamage(Exception damage) {
        LOG.errorf("The search index is damaged (%s); rebuilding it from the catalog", damage.toString());
        ScheduledExecutorService executor = indexer;
        if (executor == null) {
            return;
        }
        executor.execute(() -> {
            Generation broken = current;
            if (broken != null) {
                current = null;
                broken.closeQuietly();
            }
            state = State.BUILDING;
            rebuild();
        });
    }

    /** Starts a full rebuild from PostgreSQL unless one runs already; returns whether this call started it. */
    public boolean rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        rebuilder.execute(this::rebuildNow);
        return true;
    }

    // ---- indexer thread ----

    private void openOrRebuild() {
        try {
            Files.createDirectories(root);
            String name = readCurrent();
            removeAbandonedGenerations(name);
            if (name == null) {
                LOG.infof("No search index at %s yet; building it from the catalog", root);
                rebuild();
                return;
            }
            Generation generation = Generation.open(root.resolve(name), searcherFactory);
            current = generation;
            if (!ProductDocuments.FORMAT.equals(generation.format())) {
                LOG.infof(
                        "The search index has format %s, this version writes %s; rebuilding",
                        generation.format(), ProductDocuments.FORMAT);
                state = State.CATCHING_UP;
                // The old index serves until the new one takes over, and keeps up with the feed meanwhile.
                startFeedAt(generation, resumePosition(generation.storedPosition()));
                rebuild();
                return;
            }
            state = State.CATCHING_UP;
            startFeedAt(generation, resumePosition(generation.storedPosition()));
            reconcile(() -> state = State.READY);
            lastFullPassNanos = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            if (current != null && DatabaseOutages.explains(e)) {
                // The index is fine; the catalog could not be read. Keep serving what the index holds: the periodic
                // comparison catches up once the database answers again.
                LOG.warnf("The search index could not be compared with the catalog (%s); trying again later", e);
                return;
            }
            LOG.warnf(
                    "The search index at %s could not be opened (%s); rebuilding it from the catalog",
                    root, e.toString());
            Generation broken = current;
            current = null;
            if (broken != null) {
                broken.closeQuietly();
            }
            state = State.BUILDING;
            rebuild();
        }
    }

    /**
     * Where reading the change feed starts for an index opened from disk: the position its last commit recorded, when
     * the feed still keeps every row after it; otherwise the settled end of the feed (the full comparison that follows
     * covers everything before it).
     */
    private long resumePosition(Long stored) {
        if (stored != null && stored > 0) {
            java.util.OptionalLong oldest = changes.oldestKept();
            if (oldest.isPresent() && oldest.getAsLong() <= stored + 1) {
                LOG.infof("Search index resumes the catalog change feed after change %d", stored);
                return stored;
            }
        }
        return changes.settledPosition(feedGrace);
    }

    /** Reads the feed from {@code position} on, for this generation. */
    private void startFeedAt(Generation generation, long position) {
        generation.position = position;
        highestSeen = position;
        unsettled.clear();
        feedStarted = true;
        caughtUpNanos = System.nanoTime(); // the comparison that follows covers everything before the position
        uncommitted = true; // the position goes into the next commit
    }

    /**
     * Reads the catalog change feed after what this replica has applied and indexes the products it names, so that a
     * change committed on any replica is searchable here within about the poll interval (500 ms), or at once when
     * PostgreSQL's notification arrives. Rows below the highest applied one that became visible late (their
     * transaction committed after a later one's) are found by counting the unsettled window. The position moves past
     * rows once they are older than the grace period; it is written into the index's commit data.
     */
    private void readFeed() {
        Generation generation = current;
        if (generation == null || !feedStarted) {
            return; // a build runs; it sets the position when its index takes over
        }
        for (int round = 0; round < 20; round++) {
            CatalogChanges.Batch batch = changes.after(highestSeen, FEED_BATCH);
            Set<Long> ids = new HashSet<>();
            Set<String> domains = new HashSet<>();
            for (CatalogChanges.Change change : batch.changes()) {
                take(change, ids, domains);
            }
            if (!unsettled.isEmpty() && changes.count(generation.position, highestSeen) > unsettled.size()) {
                for (CatalogChanges.Change change : changes.between(generation.position, highestSeen)) {
                    if (!unsettled.containsKey(change.seq())) {
                        take(change, ids, domains); // committed late, below rows already applied
                    }
                }
            }
            for (String domain : domains) {
                ids.addAll(catalog.productsOfDomain(domain));
            }
            apply(changedSinceIndexed(generation, ids));
            Instant settledBefore = batch.readAt().minus(feedGrace);
            while (!unsettled.isEmpty() && unsettled.firstEntry().getValue().isBefore(settledBefore)) {
                generation.position = unsettled.pollFirstEntry().getKey();
                uncommitted = true;
            }
            if (batch.complete()) {
                caughtUpNanos = System.nanoTime();
                return;
            }
        }
    }

    /**
     * The products whose documents differ from the catalog by fingerprint. This replica's own changes were indexed
     * before their requests answered; writing them again would refresh the searcher for nothing and empty its result
     * cache.
     */
    private Set<Long> changedSinceIndexed(Generation generation, Set<Long> ids) {
        if (ids.isEmpty()) {
            return ids;
        }
        Map<Long, Fingerprint> inCatalog = catalog.fingerprints(ids);
        Map<Long, Fingerprint> inIndex;
        try {
            inIndex = generation.fingerprintsOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Long> stale = new HashSet<>();
        for (Long id : ids) {
            if (!java.util.Objects.equals(inCatalog.get(id), inIndex.get(id))) {
                stale.add(id);
            }
        }
        return stale;
    }

    private void take(CatalogChanges.Change change, Set<Long> ids, Set<String> domains) {
        unsettled.put(change.seq(), change.changedAt());
        highestSeen = Math.max(highestSeen, change.seq());
        if (change.productId() != null) {
            ids.add(change.productId());
        } else {
            domains.add(change.domainKey());
        }
    }

    private void readFeedQuietly() {
        try {
            readFeed();
        } catch (RuntimeException e) {
            if (DatabaseOutages.explains(e)) {
                LOG.debugf("The catalog change feed could not be read (%s); trying again", e);
            } else {
                LOG.warn("Reading the catalog change feed failed; trying again", e);
            }
        }
    }

    /**
     * The periodic comparison's usual, incremental pass: the products named in the change feed within the lookback
     * (longer than any catalog transaction lasts) at or below the reader's position, compared by fingerprint with
     * their documents. It finds what the feed
     * reader passed over (a transaction that committed after the grace period), at a cost that follows the rate of
     * change, not the size of the catalog. Old feed rows are pruned on the way.
     */
    private void reconcileRecent() throws IOException {
        Generation generation = current;
        if (generation == null) {
            return;
        }
        // Only rows at or below the position: those above it are the feed reader's, which applies them anyway (a bulk
        // change would otherwise be indexed twice, once here and once by the reader).
        CatalogChanges.Recent recent = changes.recentlyChanged(feedLookback, generation.position);
        Set<Long> ids = new HashSet<>(recent.productIds());
        for (String domain : recent.domainKeys()) {
            ids.addAll(catalog.productsOfDomain(domain));
        }
        Set<Long> stale = changedSinceIndexed(generation, ids);
        if (!stale.isEmpty()) {
            LOG.infof("Search index missed %d recent changes; indexing them now", stale.size());
            write(generation, stale);
            generation.searchers.maybeRefreshBlocking();
        }
        int pruned = changes.prune(feedRetention);
        if (pruned > 0) {
            LOG.debugf("Pruned %d catalog change feed rows older than %s", pruned, feedRetention);
        }
    }

    /**
     * Compares every document's fingerprint with the catalog and fixes what differs. A long catch-up goes on in
     * batches, each its own task, so that the updates of new publications queued meanwhile are not held up behind it.
     */
    private void reconcile(Runnable whenDone) throws IOException {
        Generation generation = current;
        if (generation == null) {
            whenDone.run();
            return;
        }
        Map<Long, Fingerprint> inCatalog = catalog.fingerprints();
        Map<Long, Fingerprint> inIndex = generation.fingerprints();
        List<Long> stale = new ArrayList<>();
        inCatalog.forEach((id, fingerprint) -> {
            if (!fingerprint.equals(inIndex.get(id))) {
                stale.add(id);
            }
        });
        Set<Long> gone = new HashSet<>(inIndex.keySet());
        gone.removeAll(inCatalog.keySet());
        if (stale.isEmpty() && gone.isEmpty()) {
            whenDone.run();
            return;
        }
        LOG.infof("Search index behind the catalog: %d products to index, %d to remove", stale.size(), gone.size());
        progressTotal.set(stale.size() + gone.size());
        progressDone.set(0);
        for (Long id : gone) {
            generation.writer.deleteDocuments(new Term(ProductDocuments.ID, id.toString()));
            progressDone.incrementAndGet();
        }
        catchingUp = true;
        catchUp(generation, stale, 0, whenDone);
    }

    private void catchUp(Generation generation, List<Long> stale, int from, Runnable whenDone) {
        if (current != generation) {
            catchingUp = false; // swapped out by a rebuild, which compares the new index itself
            return;
        }
        try {
            int to = Math.min(stale.size(), from + BATCH);
            write(generation, stale.subList(from, to));
            progressDone.addAndGet(to - from);
            generation.searchers.maybeRefreshBlocking();
            if (to < stale.size()) {
                indexer.execute(() -> catchUp(generation, stale, to, whenDone));
                return;
            }
            generation.commit();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Catching up with the catalog failed; the next comparison tries again", e);
            catchingUp = false;
            return;
        }
        catchingUp = false;
        whenDone.run();
    }

    /**
     * The periodic comparison with the catalog. It also finishes a catch-up that an error cut short (the state stays
     * CATCHING_UP until one succeeds) and builds again an index whose build failed, for example while the database
     * was down: nothing needs a restart to recover.
     */
    private void reconcileQuietly() {
        if (rebuilding.get() || catchingUp) {
            return;
        }
        if (current == null) {
            if (state == State.UNAVAILABLE) {
                LOG.info("Building the search index again after a failed build");
                rebuild();
            }
            return;
        }
        try {
            if (state != State.READY || System.nanoTime() - lastFullPassNanos >= fullReconcileInterval.toNanos()) {
                reconcile(() -> state = State.READY);
                lastFullPassNanos = System.nanoTime();
            } else {
                reconcileRecent();
            }
        } catch (IOException | RuntimeException e) {
            if (DatabaseOutages.explains(e)) {
                // Once a minute for as long as the database is down: the cause is enough, the stack adds nothing.
                LOG.warnf("The search index could not be compared with the catalog (%s); trying again later", e);
            } else {
                LOG.warn("Comparing the search index with the catalog failed; trying again later", e);
            }
        }
    }

    private void apply(Collection<Long> ids) {
        Generation generation = current;
        if (generation == null || ids.isEmpty()) {
            return; // a build is running; its closing comparison picks these up
        }
        try {
            write(generation, ids);
            generation.searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Generation generation, Collection<Long> ids) throws IOException {
        Set<Long> missing = new HashSet<>(ids);
        for (ProductSnapshot product : catalog.load(ids)) {
            generation.writer.updateDocument(
                    new Term(ProductDocuments.ID, Long.toString(product.id())), ProductDocuments.toDocument(product));
            missing.remove(product.id());
        }
        for (Long id : missing) {
            generation.writer.deleteDocuments(new Term(ProductDocuments.ID, id.toString()));
        }
        uncommitted = true;
    }

    private void commitIfNeeded() {
        Generation generation = current;
        if (generation == null || !uncommitted) {
            return;
        }
        try {
            generation.commit();
            uncommitted = false;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Committing the search index failed; it is compared with the catalog on next start", e);
        }
    }

    private void swapTo(Generation fresh) throws IOException {
        Path pointer = root.resolve(CURRENT);
        Path next = root.resolve(CURRENT + ".next");
        Files.writeString(next, fresh.path.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(next, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Generation old = current;
        current = fresh;
        if (old != null) {
            old.closeQuietly();
            deleteRecursively(old.path);
        }
    }

    // ---- rebuild thread ----

    private void rebuildNow() {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        Path path = root.resolve("gen-" + started.toEpochMilli());
        try {
            if (current == null) {
                state = State.BUILDING;
            }
            // Every change after this position is read from the feed once the new index takes over; the ones before
            // are in what the stream below reads.
            long feedFrom = changes.settledPosition(feedGrace);
            progressTotal.set(catalog.count());
            progressDone.set(0);
            Generation fresh = Generation.create(path, searcherFactory);
            fresh.position = feedFrom;
            try {
                catalog.streamAll(product -> {
                    try {
                        fresh.writer.addDocument(ProductDocuments.toDocument(product));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    progressDone.incrementAndGet();
                });
                fresh.commit();
                fresh.searchers.maybeRefreshBlocking();
            } catch (RuntimeException | IOException e) {
                fresh.closeQuietly();
                deleteRecursively(path);
                throw e;
            }
            long products = fresh.documents();
            indexer.submit(() -> {
                        swapTo(fresh);
                        startFeedAt(fresh, fresh.position);
                        reconcile(() -> {}); // changes committed while the rebuild ran
                        lastFullPassNanos = System.nanoTime();
                        return null;
                    })
                    .get();
            lastRebuild = new Rebuild(started, clock.instant(), (System.nanoTime() - startNanos) / 1_000_000, products);
            state = State.READY;
            LOG.infof("Search index rebuilt: %d products in %d ms", products, lastRebuild.durationMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Rebuilding the search index failed", e);
            state = current == null ? State.UNAVAILABLE : State.READY;
        } finally {
            rebuilding.set(false);
        }
    }

    // ---- files ----

    private String readCurrent() throws IOException {
        try {
            String name = Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8)
                    .strip();
            return name.matches("gen-[0-9]+") && Files.isDirectory(root.resolve(name)) ? name : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Generations left by a rebuild that was interrupted (a crash, a kill -9) are removed. */
    private void removeAbandonedGenerations(String keep) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith("gen-") && !name.equals(keep)) {
                    deleteRecursively(entry);
                }
            }
        }
    }

    private static void deleteRecursively(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            LOG.warnf("Could not remove %s: %s", path, e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One index directory with its writer and searchers. */
    private static final class Generation {
        final Path path;
        final Directory directory;
        final IndexWriter writer;
        final SearcherManager searchers;
        /** The change feed's position this generation has applied every change up to (indexer thread). */
        volatile long position;

        private Generation(Path path, Directory directory, IndexWriter writer, SearcherFactory searcherFactory)
                throws IOException {
            this.path = path;
            this.directory = directory;
            this.writer = writer;
            this.searchers = new SearcherManager(writer, searcherFactory);
        }

        static Generation open(Path path, SearcherFactory searcherFactory) throws IOException {
            Directory directory = FSDirectory.open(path);
            try {
                if (!DirectoryReader.indexExists(directory)) {
                    throw new IOException("no index in " + path);
                }
                // Reads every file once and checks its checksum: a damaged index is rebuilt now, not found by a search.
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    for (LeafReaderContext leaf : reader.leaves()) {
                        leaf.reader().checkIntegrity();
                    }
                }
                return new Generation(
                        path,
                        directory,
                        new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND)),
                        searcherFactory);
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        }

        static Generation create(Path path, SearcherFactory searcherFactory) throws IOException {
            Files.createDirectories(path);
            Directory directory = FSDirectory.open(path);
            return new Generation(
                    path,
                    directory,
                    new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE)),
                    searcherFactory);
        }

        private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
            IndexWriterConfig config = new IndexWriterConfig(Analysis.perField());
            config.setOpenMode(mode);
            config.setRAMBufferSizeMB(48);
            config.setCommitOnClose(false);
            return config;
        }

        String format() {
            Map<String, String> data = new HashMap<>();
            Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
            if (live != null) {
                live.forEach(e -> data.put(e.getKey(), e.getValue()));
            }
            return data.get(FORMAT_KEY);
        }

        /** The feed position of the last commit, or null for an index written before the feed existed. */
        Long storedPosition() {
            Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
            if (live != null) {
                for (Map.Entry<String, String> entry : live) {
                    if (POSITION_KEY.equals(entry.getKey())) {
                        return Long.valueOf(entry.getValue());
                    }
                }
            }
            return null;
        }

        /** Commits the documents together with the feed position they reflect. */
        void commit() throws IOException {
            writer.setLiveCommitData(Map.of(FORMAT_KEY, ProductDocuments.FORMAT, POSITION_KEY, Long.toString(position))
                    .entrySet());
            writer.commit();
        }

        /** The fingerprints of the documents of these products (absent: not in the index). */
        Map<Long, Fingerprint> fingerprintsOf(Collection<Long> ids) throws IOException {
            Map<Long, Fingerprint> fingerprints = new HashMap<>();
            List<org.apache.lucene.util.BytesRef> terms = ids.stream()
                    .map(id -> new org.apache.lucene.util.BytesRef(id.toString()))
                    .toList();
            IndexSearcher searcher = searchers.acquire();
            try {
                org.apache.lucene.search.Weight weight = searcher.createWeight(
                        searcher.rewrite(new org.apache.lucene.search.TermInSetQuery(ProductDocuments.ID, terms)),
                        org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES,
                        1f);
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    org.apache.lucene.search.Scorer scorer = weight.scorer(leaf);
                    if (scorer == null) {
                        continue;
                    }
                    Bits live = leaf.reader().getLiveDocs();
                    NumericDocValues idValues = leaf.reader().getNumericDocValues(ProductDocuments.ID_SORT);
                    NumericDocValues products = leaf.reader().getNumericDocValues(ProductDocuments.PRODUCT_LOCK);
                    NumericDocValues domains = leaf.reader().getNumericDocValues(ProductDocuments.DOMAIN_LOCK);
                    org.apache.lucene.search.DocIdSetIterator docs = scorer.iterator();
                    for (int doc = docs.nextDoc();
                            doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                            doc = docs.nextDoc()) {
                        if ((live != null && !live.get(doc)) || idValues == null || !idValues.advanceExact(doc)) {
                            continue;
                        }
                        long product = products != null && products.advanceExact(doc) ? products.longValue() : -1;
                        long domain = domains != null && domains.advanceExact(doc) ? domains.longValue() : -1;
                        fingerprints.put(idValues.longValue(), new Fingerprint(product, domain));
                    }
                }
            } finally {
                searchers.release(searcher);
            }
            return fingerprints;
        }

        long documents() {
            return writer.getDocStats().numDocs;
        }

        Map<Long, Fingerprint> fingerprints() throws IOException {
            Map<Long, Fingerprint> fingerprints = new HashMap<>();
            IndexSearcher searcher = searchers.acquire();
            try {
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    Bits live = leaf.reader().getLiveDocs();
                    NumericDocValues ids = leaf.reader().getNumericDocValues(ProductDocuments.ID_SORT);
                    NumericDocValues products = leaf.reader().getNumericDocValues(ProductDocuments.PRODUCT_LOCK);
                    NumericDocValues domains = leaf.reader().getNumericDocValues(ProductDocuments.DOMAIN_LOCK);
                    if (ids == null) {
                        continue;
                    }
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if ((live != null && !live.get(doc)) || !ids.advanceExact(doc)) {
                            continue;
                        }
                        long product = products.advanceExact(doc) ? products.longValue() : -1;
                        long domain = domains.advanceExact(doc) ? domains.longValue() : -1;
                        fingerprints.put(ids.longValue(), new Fingerprint(product, domain));
                    }
                }
            } finally {
                searchers.release(searcher);
            }
            return fingerprints;
        }

        void commitAndClose() {
            try {
                commit();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Final commit of the search index failed", e);
            }
            closeQuietly();
        }

        void closeQuietly() {
            try {
                searchers.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing searchers", e);
            }
            try {
                writer.rollback(); // drops uncommitted changes; closes the writer
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing writer", e);
            }
            try {
                directory.close();
            } catch (IOException e) {
                LOG.debug("closing directory", e);
            }
        }
    }
}
