package io.signalbox.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
    void aThrowawayDatabaseMayBeFast() {
        try (EmbeddedDatabase database = EmbeddedDatabase.startThrowaway()) {
            assertThat(database.setting("fsync")).isEqualTo("off");
        }
    }
}
