package io.signalbox.bench.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.bench.catalog.CatalogModel.ColumnRow;
import io.signalbox.bench.catalog.CatalogModel.DomainRow;
import io.signalbox.bench.catalog.CatalogModel.ProductRow;
import io.signalbox.bench.catalog.CatalogModel.VersionRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a {@link SyntheticCatalog} straight into the portal's tables with COPY, bypassing the publication API: a
 * hundred thousand publications through HTTP would take hours, COPY takes about a minute. One thread generates the
 * next batch while this one streams the previous batch to PostgreSQL.
 *
 * <p>Like {@code pg_restore --disable-triggers}, the load runs with foreign-key triggers off: they would check two
 * million column rows one by one, and they would refuse the two tables that reference each other (a product's current
 * version, a version's product) unless every product were written twice. The references are checked once, set-based,
 * at the end. The load ends by naming every product in the catalog change feed, so that running portals index them.
 * Turning triggers off needs a superuser, which the bench's own PostgreSQL has.
 */
public final class CatalogLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1_000;
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    private static final String COPY_PRODUCTS = "copy data_product (id, key, domain_id, slug, external_id, status,"
            + " current_version_id, created_at, updated_at, lock_version) from stdin";
    private static final String COPY_VERSIONS = "copy product_version (id, product_id, version, major, minor, patch,"
            + " title, purpose, limitations, usage, declared_status, classification, owner_name, owner_email,"
            + " team_name, team, support, tags, output_ports, input_ports, consumers, lifecycle_mapping,"
            + " sla_freshness, sla_availability, sla, changelog, content_hash, descriptor, descriptor_format,"
            + " published_at, published_by) from stdin";
    private static final String COPY_COLUMNS = "copy schema_column (version_id, position, object_name, name,"
            + " logical_type, physical_type, description, required, primary_key, classification, pii, access_note,"
            + " canonical_attribute, tags) from stdin";
    /**
     * Every reference the skipped foreign-key checks would have checked, in one set-based pass: products without their
     * current version or domain, versions without their product, and (by their number) columns without their version.
     */
    private static final String BROKEN_REFERENCES = "select"
            + " (select count(*) from data_product p where p.id between ? and ? and (p.current_version_id is null"
            + "   or not exists (select 1 from product_version v where v.id = p.current_version_id"
            + "   and v.product_id = p.id)))"
            + " + (select count(*) from data_product p where p.id between ? and ?"
            + "   and not exists (select 1 from domain d where d.id = p.domain_id))"
            + " + (select count(*) from product_version v where v.product_id between ? and ?"
            + "   and not exists (select 1 from data_product p where p.id = v.product_id))"
            + " + (select count(*) from schema_column c join product_version v on v.id = c.version_id"
            + "   where v.product_id between ? and ?) - ?";

    /** What was written, for the summary line. */
    public record Loaded(int products, long versions, long columns, long bytes) {}

    private record Batch(
            int firstIndex,
            int count,
            byte[] products,
            byte[] versions,
            byte[] columns,
            int versionCount,
            int columnCount) {

        static final Batch END = new Batch(-1, 0, null, null, null, 0, 0);
    }

    private final Connection connection;
    private final SyntheticCatalog catalog;

    public CatalogLoader(Connection connection, SyntheticCatalog catalog) {
        this.connection = connection;
        this.catalog = catalog;
    }

    /**
     * Creates the tables from the migrations when they are missing; a portal started on the database has created
     * them already (Flyway), and the migrations must then not run again.
     */
    public void createSchemaUnlessPresent(Path migrations) throws SQLException, IOException {
        if (tableExists("data_product")) {
            return;
        }
        if (migrations == null) {
            throw new IllegalArgumentException("the catalog tables do not exist: start the portal on this database once"
                    + " (it runs its migrations), or pass --migrations <the portal's migrations folder>");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(migrations)) {
            files = listing.filter(
                            f -> MIGRATION.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(CatalogLoader::migrationNumber))
                    .toList();
        }
        try (Statement statement = connection.createStatement()) {
            for (Path file : files) {
                statement.execute(Files.readString(file));
                System.out.println("applied " + file.getFileName());
            }
        }
        connection.commit();
    }

    /** Empties the catalog tables (and what hangs off domains), so that a new catalog can be written. */
    public void removeExistingCatalog() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("truncate schema_column, product_version, data_product, domain_owner_grant, domain"
                    + " restart identity cascade");
        }
        connection.commit();
    }

    public Loaded load(int products) throws SQLException, InterruptedException {
        refuseUnlessEmpty();
        Map<String, Long> domainIds = insertDomains(catalog.domains());
        long firstProductId = reserveIds("data_product", products);
        // At most two versions per product: the unused rest of the range is simply never used.
        long firstVersionId = reserveIds("product_version", 2L * products);

        BlockingQueue<Object> batches = new ArrayBlockingQueue<>(3);
        Thread generator = new Thread(
                () -> generate(products, domainIds, firstProductId, firstVersionId, batches), "catalog-generator");
        generator.setDaemon(true);
        generator.start();

        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
        }
        long versions = 0;
        long columns = 0;
        long bytes = 0;
        long started = System.nanoTime();
        int reportEvery = Math.max(BATCH, products / 10);
        try {
            while (true) {
                Object next = batches.take();
                if (next instanceof RuntimeException failure) {
                    throw failure;
                }
                Batch batch = (Batch) next;
                if (batch == Batch.END) {
                    break;
                }
                copy.copyIn(COPY_PRODUCTS, new ByteArrayInputStream(batch.products()));
                copy.copyIn(COPY_VERSIONS, new ByteArrayInputStream(batch.versions()));
                copy.copyIn(COPY_COLUMNS, new ByteArrayInputStream(batch.columns()));
                versions += batch.versionCount();
                columns += batch.columnCount();
                bytes += batch.products().length + batch.versions().length + batch.columns().length;
                int done = batch.firstIndex() + batch.count();
                if (done % reportEvery < BATCH || done == products) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf(
                            "  %,d / %,d products, %,d columns, %,d MB of COPY text, %.1f s%n",
                            done, products, columns, bytes >> 20, seconds);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("COPY into PostgreSQL failed", e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = origin");
        }
        refuseBrokenReferences(firstProductId, firstProductId + products - 1, columns);
        announceToSearchIndexes(firstProductId, firstProductId + products - 1);
        connection.commit();
        return new Loaded(products, versions, columns, bytes);
    }

    /**
     * Writes a row per loaded product into the catalog change feed ({@code catalog_change}, migrations/V25), in the
     * load's transaction, as docs/search.md asks of any write that bypasses the portal: each running portal's index
     * then reads the new catalog from the feed (woken by the feed's NOTIFY at commit) instead of waiting for its next
     * full comparison, which runs every six hours. A schema from before the feed has nothing to write to.
     */
    private void announceToSearchIndexes(long firstId, long lastId) throws SQLException {
        if (!tableExists("catalog_change")) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into catalog_change (product_id)"
                + " select id from data_product where id between ? and ? order by id")) {
            insert.setLong(1, firstId);
            insert.setLong(2, lastId);
            insert.executeUpdate();
        }
    }

    private void refuseBrokenReferences(long firstId, long lastId, long columns) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(BROKEN_REFERENCES)) {
            for (int pair = 0; pair < 4; pair++) {
                check.setLong(2 * pair + 1, firstId);
                check.setLong(2 * pair + 2, lastId);
            }
            check.setLong(9, columns);
            try (ResultSet result = check.executeQuery()) {
                result.next();
                if (result.getLong(1) != 0) {
                    connection.rollback();
                    throw new IllegalStateException("the generated catalog has broken references; nothing was kept");
                }
            }
        }
    }

    /** Fresh statistics and a visibility map, so that the portal's first queries do not meet a cold planner. */
    public void analyze() throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze domain, data_product, product_version, schema_column");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void generate(
            int products,
            Map<String, Long> domainIds,
            long firstProductId,
            long firstVersionId,
            BlockingQueue<Object> batches) {
        try {
            long nextVersionId = firstVersionId;
            for (int first = 0; first < products; first += BATCH) {
                int count = Math.min(BATCH, products - first);
                CopyText productRows = new CopyText();
                CopyText versionRows = new CopyText();
                CopyText columnRows = new CopyText();
                int versionCount = 0;
                int columnCount = 0;
                for (int index = first; index < first + count; index++) {
                    ProductRow product = catalog.product(index);
                    long productId = firstProductId + index;
                    long currentVersionId = nextVersionId + product.versions().size() - 1;
                    writeProduct(productRows, productId, domainIds.get(product.domainKey()), currentVersionId, product);
                    for (VersionRow version : product.versions()) {
                        long versionId = nextVersionId++;
                        writeVersion(versionRows, versionId, productId, version);
                        int position = 0;
                        for (ColumnRow column : version.columns()) {
                            writeColumn(columnRows, versionId, position++, column);
                        }
                        versionCount++;
                        columnCount += version.columns().size();
                    }
                }
                batches.put(new Batch(
                        first,
                        count,
                        productRows.bytes(),
                        versionRows.bytes(),
                        columnRows.bytes(),
                        versionCount,
                        columnCount));
            }
            batches.put(Batch.END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                batches.put(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void writeProduct(CopyText rows, long id, long domainId, long currentVersionId, ProductRow product) {
        rows.number(id)
                .text(product.key())
                .number(domainId)
                .text(product.slug())
                .text(product.externalId())
                .text(product.status())
                .number(currentVersionId)
                .instant(product.createdAt())
                .instant(product.updatedAt())
                .number(0)
                .endRow();
    }

    private static void writeVersion(CopyText rows, long id, long productId, VersionRow version) {
        rows.number(id)
                .number(productId)
                .text(version.version())
                .number(version.major())
                .number(version.minor())
                .number(version.patch())
                .text(version.title())
                .text(version.purpose())
                .text(version.limitations())
                .text(version.usage())
                .text(version.declaredStatus())
                .text(version.classification())
                .text(version.ownerName())
                .text(version.ownerEmail())
                .text(version.teamName())
                .text(json(version.team()))
                .text(json(version.support()))
                .text(json(version.tags()))
                .text(json(version.outputPorts()))
                .text(json(version.inputPorts()))
                .text(json(version.consumers()))
                .text(json(version.lifecycleMapping()))
                .text(version.slaFreshness())
                .text(version.slaAvailability())
                .text(json(version.sla()))
                .text(version.changelog())
                .text(version.contentHash())
                .text(version.descriptor())
                .text("json")
                .instant(version.publishedAt())
                .text(version.publishedBy())
                .endRow();
    }

    private static void writeColumn(CopyText rows, long versionId, int position, ColumnRow column) {
        rows.number(versionId)
                .number(position)
                .text(column.objectName())
                .text(column.name())
                .text(column.logicalType())
                .text(column.physicalType())
                .text(column.description())
                .bool(column.required())
                .bool(column.primaryKey())
                .text(column.classification())
                .bool(column.pii())
                .text(column.accessNote())
                .text(column.canonicalAttribute())
                .text(json(column.tags()))
                .endRow();
    }

    private void refuseUnlessEmpty() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select (select count(*) from domain), (select count(*) from data_product)")) {
            rows.next();
            if (rows.getLong(1) > 0 || rows.getLong(2) > 0) {
                throw new IllegalArgumentException("the database already holds " + rows.getLong(1) + " domains and "
                        + rows.getLong(2) + " data products: pass --replace to empty the catalog first");
            }
        }
    }

    private Map<String, Long> insertDomains(List<DomainRow> domains) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        String insert = "insert into domain (key, name, description, business_owner, technical_contact, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?) returning id";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (DomainRow domain : domains) {
                statement.setString(1, domain.key());
                statement.setString(2, domain.name());
                statement.setString(3, domain.description());
                statement.setString(4, domain.businessOwner());
                statement.setString(5, domain.technicalContact());
                java.sql.Timestamp created =
                        java.sql.Timestamp.from(SyntheticCatalog.EPOCH.minusSeconds(4L * 365 * 24 * 3600));
                statement.setTimestamp(6, created);
                statement.setTimestamp(7, created);
                try (ResultSet id = statement.executeQuery()) {
                    id.next();
                    ids.put(domain.key(), id.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Takes {@code count} consecutive ids from the table's identity sequence, so that rows can be written with COPY
     * (which may set identity columns) and still never collide with rows the portal inserts later. The table lock,
     * held until the catalog is committed, keeps the portal's inserts out meanwhile; its reads go on.
     */
    private long reserveIds(String table, long count) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + table + " in exclusive mode");
            try (ResultSet first =
                    statement.executeQuery("select nextval(pg_get_serial_sequence('" + table + "', 'id'))")) {
                first.next();
                long firstId = first.getLong(1);
                statement.execute(
                        "select setval(pg_get_serial_sequence('" + table + "', 'id'), " + (firstId + count - 1) + ")");
                return firstId;
            }
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, "public." + table);
            try (ResultSet exists = statement.executeQuery()) {
                exists.next();
                return exists.getBoolean(1);
            }
        }
    }

    private static int migrationNumber(Path file) {
        Matcher matcher = MIGRATION.matcher(file.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
