package io.signalbox.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.signalbox.catalog.reporting.CatalogChanges;
import io.signalbox.testing.Descriptors;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * The catalog change feed (issue 15, "Several replicas, one truth") as one replica sees it: rows written in the
 * transaction of each change and of nothing else, another replica's change found through the feed alone (this JVM
 * fires no event for it), a row whose transaction commits late, the position kept in the index's commit data, the
 * listening connection, and the incremental comparison that finds what the reader passed over.
 *
 * <p>"Another replica's change" is written here with plain SQL, as the other replica's transaction would leave it:
 * the product's current title changed, its lock version bumped and a feed row, in one transaction.
 */
@QuarkusTest
@TestSecurity(user = Descriptors.TEST_OWNER, roles = "admin")
class ChangeFeedTest {

    @Inject
    DataSource dataSource;

    @Inject
    SearchIndex index;

    @Test
    void aPublicationWritesOneFeedRowInItsTransactionAndARefusedOneWritesNone() throws SQLException {
        String domain = Descriptors.newDomain();
        long before = maxSeq();
        Descriptors product = Descriptors.product(domain).title("Feed row " + System.nanoTime());
        product.publish().then().statusCode(201);
        long id = productId(product.key());

        assertThat(rowsAfter(before, id))
                .as("one row for the publication and the standing it earned")
                .isEqualTo(1);

        long afterFirst = maxSeq();
        product.version("not a version").publish().then().statusCode(422);
        assertThat(rowsAfter(afterFirst, id))
                .as("a refused publication changes nothing")
                .isZero();
    }

    @Test
    void anotherReplicasChangeIsSearchableHereWithinTwoSecondsThroughTheFeedAlone() throws SQLException {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain).title("Plain title " + System.nanoTime());
        product.publish().then().statusCode(201);
        long id = productId(product.key());
        String word = "Zephyrine" + System.nanoTime();
        // Not there before the change (and the search path is warm: the two seconds are the feed's, not a first
        // request's).
        assertThat(searchKeys(word)).isEmpty();

        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            changeAsAnotherReplica(db, id, word + " Backhaul");
            db.commit();
        }

        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> searchKeys(word).equals(List.of(product.key())));
    }

    @Test
    void aChangeCommittedAfterALaterOneIsStillApplied() throws SQLException {
        String domain = Descriptors.newDomain();
        Descriptors early = Descriptors.product(domain).slug("early").title("Early " + System.nanoTime());
        Descriptors late = Descriptors.product(domain).slug("late").title("Late " + System.nanoTime());
        early.publish().then().statusCode(201);
        late.publish().then().statusCode(201);
        String first = "Aurorine" + System.nanoTime();
        String second = "Borealine" + System.nanoTime();

        try (Connection slow = dataSource.getConnection();
                Connection quick = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            quick.setAutoCommit(false);
            changeAsAnotherReplica(slow, productId(early.key()), first + " Capacity"); // takes the lower seq
            changeAsAnotherReplica(quick, productId(late.key()), second + " Capacity");
            quick.commit();
            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> searchKeys(second).equals(List.of(late.key())));
            slow.commit();
        }

        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> searchKeys(first).equals(List.of(early.key())));
    }

    @Test
    void theIncrementalComparisonFindsAChangeTheReaderPassedOver() throws Exception {
        String domain = Descriptors.newDomain();
        Descriptors slowProduct = Descriptors.product(domain).slug("slow").title("Slow " + System.nanoTime());
        Descriptors other = Descriptors.product(domain).slug("other").title("Other " + System.nanoTime());
        slowProduct.publish().then().statusCode(201);
        other.publish().then().statusCode(201);
        String word = "Cirrusine" + System.nanoTime();

        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            changeAsAnotherReplica(slow, productId(slowProduct.key()), word + " Routes");
            long passedOver = maxSeqIn(slow);
            // A later change commits and settles (older than the grace period, 2 s in tests): the position moves past
            // the open transaction's row, taken for a rolled-back one.
            try (Connection quick = dataSource.getConnection()) {
                quick.setAutoCommit(false);
                changeAsAnotherReplica(quick, productId(other.key()), "Other again " + System.nanoTime());
                quick.commit();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> index.status().feedPosition() > passedOver);
            slow.commit();
        }
        assertThat(searchKeys(word))
                .as("the reader does not look below its position")
                .isEmpty();

        index.compareRecentChangesNow();

        assertThat(searchKeys(word)).containsExactly(slowProduct.key());
    }

    @Test
    void thePositionGoesIntoTheIndexCommitAndTheReplicaListensForCommits() throws Exception {
        String domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain).title("Committed " + System.nanoTime());
        product.publish().then().statusCode(201);
        long seq = maxSeq();

        await().atMost(Duration.ofSeconds(30)).until(() -> committedPosition() >= seq);
        assertThat(index.status().feedPosition()).isGreaterThanOrEqualTo(seq);
        assertThat(index.status().feedLagMillis()).isLessThan(5_000);

        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("select count(*) from pg_stat_activity"
                        + " where application_name = 'signalbox catalog-change listener'")) {
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1))
                        .as("a session listening on " + CatalogChanges.CHANNEL)
                        .isPositive();
            }
        }
    }

    /** What the other replica's transaction leaves: a new current title, the product's lock moved on, a feed row. */
    private static void changeAsAnotherReplica(Connection db, long productId, String title) throws SQLException {
        try (PreparedStatement version = db.prepareStatement("update product_version set title = ?"
                        + " where id = (select current_version_id from data_product where id = ?)");
                PreparedStatement product =
                        db.prepareStatement("update data_product set lock_version = lock_version + 1 where id = ?");
                PreparedStatement feed = db.prepareStatement("insert into catalog_change (product_id) values (?)")) {
            version.setString(1, title);
            version.setLong(2, productId);
            assertThat(version.executeUpdate()).isEqualTo(1);
            product.setLong(1, productId);
            product.executeUpdate();
            feed.setLong(1, productId);
            feed.executeUpdate();
        }
    }

    private static List<String> searchKeys(String word) {
        return given().queryParam("q", word)
                .get("/api/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("hits.key", String.class);
    }

    private long committedPosition() throws Exception {
        Path root = index.directory();
        String generation = Files.readString(root.resolve("CURRENT"), StandardCharsets.UTF_8)
                .strip();
        try (FSDirectory directory = FSDirectory.open(root.resolve(generation));
                DirectoryReader reader = DirectoryReader.open(directory)) {
            String position = reader.getIndexCommit().getUserData().get("signalbox.feed.position");
            return position == null ? -1 : Long.parseLong(position);
        }
    }

    private long productId(String key) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("select id from data_product where key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long maxSeq() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return maxSeqIn(db);
        }
    }

    private static long maxSeqIn(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select coalesce(max(seq), 0) from catalog_change");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long rowsAfter(long seq, long productId) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement query =
                        db.prepareStatement("select count(*) from catalog_change where seq > ? and product_id = ?")) {
            query.setLong(1, seq);
            query.setLong(2, productId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
