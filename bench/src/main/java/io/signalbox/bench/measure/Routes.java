package io.signalbox.bench.measure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The portal's GET routes, read from its compiled resources rather than from a hand list, so that a route added to the
 * portal is swept without touching the bench: every class with {@code @jakarta.ws.rs.Path}, every method of it with
 * {@code @GET}, the class's path joined with the method's. Read with ASM from class files (a {@code target/classes}
 * folder, a jar such as {@code target/quarkus-app/app/signalbox-*.jar}, or a folder holding such jars), without loading
 * the portal's classes or its dependencies.
 */
final class Routes {

    private static final String PATH = "Ljakarta/ws/rs/Path;";
    private static final String GET = "Ljakarta/ws/rs/GET;";
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w+)\\s*(?::[^}]*)?}");

    /** A GET route: its template ({@code /api/products/{key}}) and the resource method that answers it. */
    record Route(String template, String handler) {

        /** API routes take a bearer token; the others are pages, which take a signed-in session. */
        boolean isApi() {
            return template.startsWith("/api/") || template.equals("/api");
        }

        /** The names of its path parameters, in order. */
        List<String> parameters() {
            List<String> names = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(template);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        /**
         * Each parameter with the literal segment before it ({@code domains/{key}} → "domains"), which says what the
         * parameter names: the same {@code key} is a domain's key after "domains" and a product's after "products".
         */
        Map<String, String> parameterContexts() {
            Map<String, String> contexts = new LinkedHashMap<>();
            String[] segments = template.split("/");
            String previous = "";
            for (String segment : segments) {
                Matcher matcher = PARAMETER.matcher(segment);
                if (matcher.matches()) {
                    contexts.put(matcher.group(1), previous);
                } else if (!segment.isEmpty()) {
                    previous = segment;
                }
            }
            return contexts;
        }

        /** The template with each parameter replaced by its (URL-encoded) value. */
        String fill(Map<String, String> values) {
            Matcher matcher = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(path, Matcher.quoteReplacement(Portal.encode(values.get(matcher.group(1)))));
            }
            matcher.appendTail(path);
            return path.toString();
        }
    }

    private Routes() {}

    /** Every GET route under {@code location}, sorted by template; refuses a location holding none. */
    static List<Route> discover(Path location) throws IOException {
        List<Route> routes = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class")) {
                        try (InputStream in = Files.newInputStream(file)) {
                            read(in, routes);
                        }
                    } else if (name.endsWith(".jar")) {
                        readJar(file, routes);
                    }
                }
            }
        } else if (location.toString().endsWith(".jar")) {
            readJar(location, routes);
        } else {
            throw new IllegalArgumentException("--portal-classes must be a folder of classes or a jar: " + location);
        }
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("no @Path resource with a @GET method under " + location
                    + " (build the portal first: ./mvnw -DskipTests package)");
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::handler));
        return routes;
    }

    private static void readJar(Path jar, List<Route> routes) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        read(in, routes);
                    }
                }
            }
        }
    }

    /** One class file: its class-level @Path and the @GET methods with their own @Path, if any. */
    private static void read(InputStream classFile, List<Route> routes) throws IOException {
        ClassReader reader = new ClassReader(classFile);
        String[] classPath = {null};
        List<String[]> methods = new ArrayList<>(); // {name, path or null, "GET" or null}
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                        return descriptor.equals(PATH) ? value(v -> classPath[0] = v) : null;
                    }

                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        String[] method = {name, null, null};
                        methods.add(method);
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                                if (annotation.equals(GET)) {
                                    method[2] = "GET";
                                } else if (annotation.equals(PATH)) {
                                    return value(v -> method[1] = v);
                                }
                                return null;
                            }
                        };
                    }
                },
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (classPath[0] == null) {
            return;
        }
        String className = reader.getClassName().replace('/', '.');
        TreeSet<String> seen = new TreeSet<>();
        for (String[] method : methods) {
            if (method[2] != null) {
                String template = join(classPath[0], method[1]);
                if (seen.add(template)) {
                    routes.add(
                            new Route(template, className.substring(className.lastIndexOf('.') + 1) + "." + method[0]));
                }
            }
        }
    }

    private static AnnotationVisitor value(java.util.function.Consumer<String> sink) {
        return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String name, Object value) {
                if ("value".equals(name)) {
                    sink.accept(String.valueOf(value));
                }
            }
        };
    }

    /** JAX-RS joins a class path and a method path with exactly one slash; "/" alone is the root. */
    static String join(String classPath, String methodPath) {
        String joined = "/" + trim(classPath)
                + (methodPath == null || trim(methodPath).isEmpty() ? "" : "/" + trim(methodPath));
        return joined.replaceAll("/+", "/");
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
