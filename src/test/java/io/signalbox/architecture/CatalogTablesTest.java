package io.signalbox.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalog owns its tables: other features read it through its services, its feed and the read views it publishes
 * ({@code catalog_product}, {@code catalog_current_column}), never by naming its tables or entities in SQL or JPQL.
 */
class CatalogTablesTest {

    /** A from/join clause naming a catalog table (SQL) or entity (JPQL); views are named differently on purpose. */
    private static final Pattern CATALOG_TABLE =
            Pattern.compile("(?i)\\b(from|join|update|into)\\s+(domain|data_product|product_version|schema_column)\\b"
                    + "|\\b(from|join|update)\\s+(Domain|DataProduct|ProductVersion|SchemaColumn)\\b");

    private static final Path SOURCES = Path.of("src/main/java/io/signalbox");

    @Test
    void onlyTheCatalogNamesItsTablesInQueries() {
        assertThat(offences(SOURCES)).isEmpty();
    }

    @Test
    void theCheckFindsAQueryOnACatalogTable() {
        // The guard must be able to fail: a join on data_product written in another feature is an offence.
        assertThat(CATALOG_TABLE
                        .matcher("select p.id from compliance_evaluation e join data_product p on true")
                        .find())
                .isTrue();
        assertThat(CATALOG_TABLE.matcher("select d.key from Domain d").find()).isTrue();
        assertThat(CATALOG_TABLE.matcher("select * from catalog_product p").find())
                .isFalse();
        assertThat(CATALOG_TABLE.matcher("select * from domain_owner_grant g").find())
                .isFalse();
    }

    private static List<String> offences(Path root) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.startsWith(root.resolve("catalog"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.strip().startsWith("*") || line.strip().startsWith("//")) {
                        continue; // prose in comments may name a table
                    }
                    Matcher m = CATALOG_TABLE.matcher(line);
                    if (m.find()) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
