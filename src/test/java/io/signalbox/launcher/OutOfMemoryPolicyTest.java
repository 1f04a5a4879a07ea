package io.signalbox.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the JVM options of the run command make an {@link OutOfMemoryError} end the process instead of leaving it
 * half-alive. Real JVMs with a small heap run a tiny program that, like the portal, keeps serving threads alive while
 * one request's thread allocates without end.
 */
class OutOfMemoryPolicyTest {

    /** A portal in miniature: a "request" thread exhausts the heap while the main thread goes on "serving". */
    public static final class HalfAlive {
        public static void main(String[] args) throws Exception {
            Thread request = new Thread(
                    () -> {
                        List<long[]> held = new ArrayList<>();
                        while (true) {
                            held.add(new long[1 << 16]);
                        }
                    },
                    "request");
            request.start();
            request.join();
            System.out.println("the request thread died; the process serves on");
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    /** Prints what the running JVM lacks of the policy, one problem a line. */
    public static final class PrintProblems {
        public static void main(String[] args) {
            OutOfMemoryPolicy.problems().forEach(System.out::println);
        }
    }

    @Test
    void withTheRunCommandsOptionsTheJvmExitsOnTheFirstOutOfMemoryError() throws Exception {
        Process process = java(HalfAlive.class, "-Xmx32m", "-XX:+ExitOnOutOfMemoryError");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM exits").isTrue();
        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Terminating due to java.lang.OutOfMemoryError")
                .doesNotContain("serves on");
    }

    @Test
    void withoutThemTheJvmOutlivesTheErrorHalfAlive() throws Exception {
        Process process = java(HalfAlive.class, "-Xmx32m");
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean servesOn = false;
            while (!servesOn && (line = output.readLine()) != null) {
                servesOn = line.contains("serves on");
            }
            assertThat(servesOn).as("the main thread outlived the error").isTrue();
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theLauncherNamesWhatAJvmLacksOfThePolicy() throws Exception {
        assertThat(problemsOf(OutOfMemoryPolicy.JVM_OPTIONS.toArray(String[]::new)))
                .isEmpty();
        assertThat(problemsOf("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError"))
                .isEmpty();
        assertThat(problemsOf())
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("heap is not bounded"))
                .anySatisfy(problem -> assertThat(problem).contains("-XX:+ExitOnOutOfMemoryError"));
        assertThat(problemsOf("-Xmx512m")).singleElement().asString().contains("does not exit");
    }

    private static List<String> problemsOf(String... options) throws Exception {
        Process process = java(PrintProblems.class, options);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    /** Starts a JVM like this one's on the compiled classes, with the given options, its errors merged into output. */
    private static Process java(Class<?> main, String... options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // An inherited JAVA_TOOL_OPTIONS would change the options under test.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        return builder.start();
    }

    private static String classPath() {
        Path classes = Path.of("target/classes");
        Path testClasses = Path.of("target/test-classes");
        assertThat(Files.isDirectory(classes) && Files.isDirectory(testClasses))
                .as("compiled classes")
                .isTrue();
        return classes.toAbsolutePath() + File.pathSeparator + testClasses.toAbsolutePath();
    }
}
