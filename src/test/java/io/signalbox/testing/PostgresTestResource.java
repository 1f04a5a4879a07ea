package io.signalbox.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.signalbox.operations.EmbeddedDatabase;
import java.util.Map;

/** Every @QuarkusTest runs against a real, throwaway PostgreSQL. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        database = EmbeddedDatabase.startThrowaway();
        return database.connectionProperties();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
