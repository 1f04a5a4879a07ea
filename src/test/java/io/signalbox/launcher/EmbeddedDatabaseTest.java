package io.signalbox.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's database keeps what it acknowledged; throwaway test databases may trade that for speed. */
class EmbeddedDatabaseTest {

    @Test
    void theLocalRunsDatabaseIsDurable(@TempDir Path data) {
        try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(data.resolve("postgres"))) {
            assertThat(database.setting("fsync")).isEqualTo("on");
            assertThat(database.setting("synchronous_commit")).isEqualTo("on");
            assertThat(database.setting("full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aServerLeftRunningByAPreviousRunIsStoppedBeforeTheNextStart(@TempDir Path data) throws Exception {
        Path directory = data.resolve("postgres");
        // A running postmaster whose portal is gone, as after -XX:+ExitOnOutOfMemoryError or a kill: the next start
        // (another JVM in real life; the library's own lock keeps a second start in this JVM out) stops it first.
        try (EmbeddedDatabase orphaned = EmbeddedDatabase.startPersistent(directory)) {
            long orphanPid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid"))
                    .get(0)
                    .strip());
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

            EmbeddedDatabase.stopOrphanedServer(directory);

            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the orphaned postmaster is gone")
                    .isFalse();
            assertThat(directory.resolve("postmaster.pid")).doesNotExist();
        }
        EmbeddedDatabase.stopOrphanedServer(directory); // nothing left to stop: no answer, no error
    }

    @Test
    void aThrowawayDatabaseMayBeFast() {
        try (EmbeddedDatabase database = EmbeddedDatabase.startThrowaway()) {
            assertThat(database.setting("fsync")).isEqualTo("off");
        }
    }

    @Test
    void aStoppedThrowawayDatabaseComesBackWithItsDataOnTheSamePort() throws SQLException {
        Path dataDirectory;
        try (EmbeddedDatabase database = EmbeddedDatabase.startThrowaway()) {
            String url = database.connectionProperties().get("quarkus.datasource.jdbc.url");
            execute(url, "create table outage_probe (said text)", "insert into outage_probe values ('before')");

            database.stop();
            assertThat(database.running()).isFalse();
            assertThatThrownBy(() -> execute(url, "select 1"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("08001");

            database.startAgain();
            assertThat(database.running()).isTrue();
            assertThat(database.connectionProperties()).containsEntry("quarkus.datasource.jdbc.url", url);
            try (var connection = DriverManager.getConnection(url);
                    var rows = connection.createStatement().executeQuery("select said from outage_probe")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before");
            }
            dataDirectory = Path.of(database.setting("data_directory"));
        }
        assertThat(Files.exists(dataDirectory))
                .as("the throwaway data directory is removed")
                .isFalse();
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (var connection = DriverManager.getConnection(url);
                var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
