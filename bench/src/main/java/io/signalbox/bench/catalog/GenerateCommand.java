package io.signalbox.bench.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.signalbox.bench.Arguments;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code generate}: writes a synthetic catalog of the given size into the portal's database. */
public final class GenerateCommand {

    private GenerateCommand() {}

    public static void run(Arguments arguments) throws Exception {
        String url = arguments.required("jdbc-url");
        String user = arguments.text("db-user", "postgres");
        String password = arguments.text("db-password", "postgres");
        int products = arguments.integer("products", 100_000);
        long seed = arguments.number("seed", 42);
        double history = Double.parseDouble(arguments.text("history", "0.1"));
        int domains = arguments.integer("domains", TelcoVocabulary.DOMAINS.size());
        boolean replace = arguments.flag("replace");
        Path migrations = arguments.path("migrations", null);
        Path summary = arguments.path("summary", null);
        arguments.refuseUnread();

        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // The catalog is re-creatable from the seed: no need to wait for each commit's flush.
                statement.execute("set synchronous_commit = off");
            }
            CatalogLoader loader = new CatalogLoader(connection, new SyntheticCatalog(seed, history, domains));
            loader.createSchemaUnlessPresent(migrations);
            if (replace) {
                loader.removeExistingCatalog();
            }
            System.out.printf("Generating %,d data products (seed %d) into %s%n", products, seed, url);
            CatalogLoader.Loaded loaded = loader.load(products);
            double written = (System.nanoTime() - started) / 1e9;
            loader.analyze();
            double total = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "Generated %,d data products, %,d versions, %,d columns (%,d MB of COPY text) in %.1f s,"
                            + " %.1f s with VACUUM ANALYZE%n",
                    loaded.products(), loaded.versions(), loaded.columns(), loaded.bytes() >> 20, written, total);
            if (summary != null) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("seed", seed);
                figures.put("domains", domains);
                figures.put("products", loaded.products());
                figures.put("versions", loaded.versions());
                figures.put("columns", loaded.columns());
                figures.put("copyMegabytes", loaded.bytes() >> 20);
                figures.put("seconds", Math.round(written * 10) / 10.0);
                figures.put("secondsWithVacuumAnalyze", Math.round(total * 10) / 10.0);
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(summary.toFile(), figures);
            }
        }
    }
}
