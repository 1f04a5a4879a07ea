package io.signalbox.bench;

import io.signalbox.bench.catalog.GenerateCommand;
import io.signalbox.bench.database.BenchDatabase;
import io.signalbox.bench.measure.MeasureCommand;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's entry point: {@code database} runs a PostgreSQL for the bench, {@code generate} writes a synthetic
 * catalog into it, {@code measure} runs the measurements against a running portal. bench/run.sh chains the three.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "database" -> BenchDatabase.run(Arguments.parse(options));
                case "generate" -> GenerateCommand.run(Arguments.parse(options));
                case "measure" -> MeasureCommand.run(Arguments.parse(options));
                default -> {
                    usage();
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void usage() {
        System.err.println("""
                usage: java -jar signalbox-bench.jar COMMAND [--option value ...]

                  database  --port 55432 --data-dir DIR [--ready-file FILE]
                            starts PostgreSQL 18 and keeps it running until the process is stopped
                  generate  --jdbc-url URL [--db-user postgres] [--db-password postgres] [--products 100000]
                            [--seed 42] [--history 0.1] [--domains 14] [--replace] [--migrations DIR]
                            writes a synthetic telco catalog straight into the portal's tables
                  measure   --portal URL --jdbc-url URL [--keycloak URL] [--portal-pid PID] [--results FILE]
                            [--seed 42] [--publications 200] [--rate 500] [--skip rebuild,publish,...]
                            [--portal-classes ../target/classes] [--reader rita.reader:reader]
                            runs the measurements of docs/performance.md (the route sweep last) and prints a summary

                See docs/performance.md for every option and what each number means.""");
    }
}
