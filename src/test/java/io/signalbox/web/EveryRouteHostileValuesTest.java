package io.signalbox.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.signalbox.testing.Descriptors;
import io.signalbox.testing.FormSession;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 C3: every route, discovered from the resources (every class under {@code io.signalbox} with {@code @Path},
 * every method with an HTTP method annotation), answers a corpus of hostile values without a 5xx: NUL, lone surrogates
 * and control characters in each path parameter, each declared query parameter and each text field of its JSON, form
 * or multipart body; malformed and huge numbers; dates outside PostgreSQL's range; a JSON {@code null}, a field
 * repeated after all others, a multipart body cut before its closing boundary, descriptors holding a NUL or control
 * characters. Unstorable text and out-of-range dates must be refused (4xx), never stored; a malformed number in a
 * query parameter is a 400 naming the parameter, never "nothing at this address".
 *
 * <p>Signed in as an admin and council member ({@code @TestSecurity} stands for the bearer token of the API and the
 * session of the pages); page form posts carry this browser's valid form token, so what answers is the route and not
 * the token check.
 */
@QuarkusTest
@TestSecurity(
        user = Descriptors.TEST_OWNER,
        roles = {"admin", "council"})
class EveryRouteHostileValuesTest {

    /** Text no person types: each must be refused wherever it is sent. */
    static final List<Value> UNSTORABLE_TEXT = List.of(
            new Value("NUL", "a\u0000b", true),
            new Value("lone high surrogate", "a\uD800b", true),
            new Value("lone low surrogate", "a\uDC00b", true),
            new Value("control character SOH", "a\u0001b", true),
            new Value("escape sequence", "a\u001B[31mb", true),
            new Value("DEL", "a\u007Fb", true),
            new Value("backspace", "a\u0008b", true));

    /** Awkward but ordinary text: must not cause a 5xx; may be accepted. */
    static final List<Value> AWKWARD_TEXT = List.of(
            new Value("long text", "x".repeat(20_000), false),
            new Value("whitespace only", " \t ", false),
            new Value("whole surrogate pair", "emoji \uD83D\uDCC9", false));

    /** Numbers as people and scripts mistype them. {@code refused}: not a whole number of the parameter's range. */
    static final List<Value> NUMBERS = List.of(
            new Value("letters", "abc", true),
            new Value("exponent", "1e3", true),
            new Value("huge", "99999999999999999999", true),
            new Value("beyond int", "2147483648", true),
            new Value("negative", "-1", false),
            new Value("empty", "", false));

    /** Instants PostgreSQL cannot store (timestamptz ends in 294276 AD, starts in 4713 BC). */
    static final List<Value> INSTANTS = List.of(
            new Value("year 300000", "+300000-01-01T00:00:00Z", true),
            new Value("year -5000", "-5000-01-01T00:00:00Z", true));

    /** Dates PostgreSQL cannot store (date starts in 4713 BC); year 300000 is kept out for symmetry with instants. */
    static final List<Value> DATES =
            List.of(new Value("year 300000", "+300000-01-01", true), new Value("year -5000", "-5000-01-01", true));

    record Value(String label, String text, boolean mustBeRefused) {}

    /** One route as a resource method declares it. */
    record Route(String httpMethod, String template, Method handler) {

        String label() {
            List<String> consumes = consumes();
            return httpMethod + " " + template + (consumes.isEmpty() ? "" : " " + consumes);
        }

        boolean isPage() {
            return !template.startsWith("/api/");
        }

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher matcher = Pattern.compile("\\{(\\w+)").matcher(template);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        /** Query parameters by name with their Java type, including those of {@code @BeanParam} classes. */
        Map<String, Class<?>> queryParameters() {
            Map<String, Class<?>> names = new LinkedHashMap<>();
            for (Parameter parameter : handler.getParameters()) {
                QueryParam query = parameter.getAnnotation(QueryParam.class);
                if (query != null) {
                    names.put(query.value(), parameter.getType());
                }
                if (parameter.isAnnotationPresent(BeanParam.class)) {
                    for (Field field : parameter.getType().getDeclaredFields()) {
                        QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
                        if (fieldQuery != null) {
                            names.put(fieldQuery.value(), field.getType());
                        }
                    }
                }
            }
            return names;
        }

        List<String> consumes() {
            Consumes consumes = handler.getAnnotation(Consumes.class);
            if (consumes == null) {
                consumes = handler.getDeclaringClass().getAnnotation(Consumes.class);
            }
            return consumes == null ? List.of() : Arrays.asList(consumes.value());
        }

        boolean consumes(String mediaType) {
            return consumes().contains(mediaType);
        }

        /** The parameter carrying the body: the one without a JAX-RS annotation. */
        Parameter entity() {
            for (Parameter parameter : handler.getParameters()) {
                boolean annotated = Stream.of(parameter.getAnnotations())
                        .map(Annotation::annotationType)
                        .anyMatch(type -> type == PathParam.class
                                || type == QueryParam.class
                                || type == HeaderParam.class
                                || type == CookieParam.class
                                || type == MatrixParam.class
                                || type == FormParam.class
                                || type == RestForm.class
                                || type == BeanParam.class
                                || type == Context.class);
                if (!annotated) {
                    return parameter;
                }
            }
            return null;
        }

        boolean readsDescriptor() {
            Parameter entity = entity();
            return entity != null
                    && entity.getType() == InputStream.class
                    && consumes().stream().anyMatch(type -> type.contains("yaml"));
        }

        /** The fields of a JSON body, from the record it is read into. */
        Map<String, Type> jsonFields() {
            Parameter entity = entity();
            if (entity == null || !consumes("application/json") || readsDescriptor()) {
                return Map.of();
            }
            Class<?> shape = entity.getType();
            if (shape == InputStream.class) {
                // Resources that read the stream themselves (to bound its size) name its shape "...Request".
                shape = Stream.of(handler.getDeclaringClass().getDeclaredClasses())
                        .filter(c -> c.isRecord() && c.getSimpleName().endsWith("Request"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(
                                label() + " reads a JSON stream but declares no ...Request record for its shape"));
            }
            Map<String, Type> fields = new LinkedHashMap<>();
            for (RecordComponent component : shape.getRecordComponents()) {
                fields.put(component.getName(), component.getGenericType());
            }
            return fields;
        }

        /** The text fields of a form: its declared form parameters, or the fields of the templates it serves. */
        List<String> formFields() {
            Set<String> names = new LinkedHashSet<>();
            boolean wholeForm = false;
            for (Parameter parameter : handler.getParameters()) {
                FormParam form = parameter.getAnnotation(FormParam.class);
                RestForm rest = parameter.getAnnotation(RestForm.class);
                if (form != null) {
                    names.add(form.value());
                } else if (rest != null
                        && parameter.getType() != FileUpload.class
                        && parameter.getType() != List.class) {
                    names.add(rest.value().isEmpty() ? parameter.getName() : rest.value());
                } else if (MultivaluedMap.class.isAssignableFrom(parameter.getType())) {
                    wholeForm = true;
                }
            }
            if (wholeForm) {
                names.addAll(templateFieldNames(handler.getDeclaringClass().getSimpleName()));
            }
            names.remove(FormSession.FIELD);
            return List.copyOf(names);
        }

        /** Names of file parts: each {@code FileUpload} parameter ("file" when it takes them all). */
        List<String> fileFields() {
            List<String> names = new ArrayList<>();
            for (Parameter parameter : handler.getParameters()) {
                RestForm rest = parameter.getAnnotation(RestForm.class);
                boolean files = parameter.getType() == FileUpload.class
                        || (parameter.getType() == List.class
                                && parameter
                                        .getParameterizedType()
                                        .getTypeName()
                                        .contains("FileUpload"));
                if (rest != null && files) {
                    names.add(rest.value().isEmpty() || rest.value().equals(FileUpload.ALL) ? "file" : rest.value());
                }
            }
            return names;
        }
    }

    /** Every route of the application, from the compiled resources: nothing is listed by hand. */
    static List<Route> discoverRoutes(ClassLoader loader) {
        List<Route> routes = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.signalbox")) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(resource.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getDeclaredMethods()) {
                String verb = httpMethodOf(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = ("/" + base + "/" + (sub == null ? "" : sub.value()))
                        .replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}")
                        .replaceAll("/+", "/");
                if (template.length() > 1 && template.endsWith("/")) {
                    template = template.substring(0, template.length() - 1);
                }
                routes.add(new Route(verb, template, method));
            }
        }
        routes.sort(Comparator.comparing(Route::label));
        return routes;
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static Set<String> templateFieldNames(String resource) {
        Set<String> names = new TreeSet<>();
        java.nio.file.Path folder = Paths.get("src/main/resources/templates", resource);
        try (Stream<java.nio.file.Path> files = Files.list(folder)) {
            for (java.nio.file.Path file : files.toList()) {
                Matcher matcher = Pattern.compile("name=\"([^\"{]+)\"").matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("templates of " + resource, e);
        }
        return names;
    }

    // ---- the fixture every probe starts from: real values, so a hostile value in one place reaches deep ----

    private String domain;
    private String productKey;
    private String ruleId;
    private String entityName;
    private FormSession session;

    private final List<String> failures = new ArrayList<>();
    private final Set<String> valuesSent = new LinkedHashSet<>();
    private int probes;

    @BeforeEach
    void aDomainWithAProductAndAGlossaryTerm() {
        domain = Descriptors.newDomain();
        Descriptors product = Descriptors.product(domain);
        product.publish().then().statusCode(201);
        productKey = product.key();
        given().contentType("application/json")
                .body("{\"definition\": \"A customer who leaves.\"}")
                .put("/api/domains/" + domain + "/glossary/churn")
                .then()
                .statusCode(201);
        ruleId = given().get("/api/governance/rules")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        entityName = given().get("/api/governance/entities")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].name");
        session = FormSession.openedAt("/domains/" + domain + "/publish");
    }

    private String fixtureValue(Route route, String parameter) {
        return switch (parameter) {
            case "key" -> route.template().contains("products/") ? productKey : domain;
            case "version" -> "1.0.0";
            case "term" -> "churn";
            case "username" -> "nobody-in-particular";
            case "id" -> ruleId;
            case "name" -> entityName;
            case "alias" -> "sensitive";
            default ->
                throw new AssertionError("No fixture value for {" + parameter + "} of " + route.label()
                        + ": add one so that its hostile values reach the route");
        };
    }

    @Test
    void everyRouteAnswersHostileValuesWithoutA5xxAndRefusesWhatCannotBeStored() {
        List<Route> routes = discoverRoutes(getClass().getClassLoader());
        assertThat(routes).as("routes discovered from the resources").hasSizeGreaterThan(40);

        for (Route route : routes) {
            probeUnknownParameter(route);
            probePathParameters(route);
            probeQueryParameters(route);
            if (route.readsDescriptor()) {
                probeDescriptorBodies(route);
            } else if (!route.jsonFields().isEmpty()) {
                probeJsonBodies(route);
            }
            if (route.consumes("application/x-www-form-urlencoded")) {
                probeFormBodies(route);
            }
            if (route.consumes("multipart/form-data")) {
                probeMultipartBodies(route);
            }
        }

        System.out.printf(
                "Hostile values: %d routes, %d distinct values, %d requests%n",
                routes.size(), valuesSent.size(), probes);
        routes.forEach(route -> System.out.println("  " + route.label()));
        assertThat(failures)
                .as("routes that failed hostile values (route, where, value → status)")
                .isEmpty();
        assertThat(glossaryTermsOf(domain))
                .as("glossary terms hold no control characters")
                .allSatisfy(term -> assertThat(
                                HostileText.isUnstorable(term) || term.chars().anyMatch(Character::isISOControl))
                        .isFalse())
                .contains("churn");
    }

    @Test
    void aMalformedNumberInAQueryParameterIsA400NamingItNotA404() {
        List<Route> routes = discoverRoutes(getClass().getClassLoader());
        int checked = 0;
        for (Route route : routes) {
            for (Map.Entry<String, Class<?>> parameter : route.queryParameters().entrySet()) {
                if (!Number.class.isAssignableFrom(boxed(parameter.getValue()))) {
                    continue;
                }
                for (Value number : NUMBERS) {
                    if (!number.mustBeRefused()) {
                        continue;
                    }
                    Response answer = send(
                            route, fixturePath(route, null, null), parameter.getKey() + "=" + encode(number.text()));
                    checked++;
                    String where = "query parameter " + parameter.getKey();
                    if (answer.statusCode() != 400 || !namesField(route, answer, parameter.getKey())) {
                        failures.add(describe(route, where, number, answer) + " (expected 400 naming it)");
                    }
                }
            }
        }
        assertThat(checked)
                .as("numeric query parameters found (search page and size, audit page)")
                .isPositive();
        assertThat(failures).isEmpty();
    }

    // ---- probes ----

    private void probeUnknownParameter(Route route) {
        for (Value value : UNSTORABLE_TEXT) {
            expect(
                    route,
                    "an undeclared query parameter",
                    value,
                    () -> send(route, fixturePath(route, null, null), "hostile=" + encode(value.text())));
        }
    }

    private void probePathParameters(Route route) {
        List<Value> values = new ArrayList<>(UNSTORABLE_TEXT);
        values.addAll(AWKWARD_TEXT);
        for (String parameter : route.pathParameters()) {
            for (Value value : values) {
                expect(
                        route,
                        "path parameter {" + parameter + "}",
                        value,
                        () -> send(route, fixturePath(route, parameter, encode(value.text())), null));
            }
        }
    }

    private void probeQueryParameters(Route route) {
        List<Value> values = new ArrayList<>(UNSTORABLE_TEXT);
        values.addAll(AWKWARD_TEXT);
        values.addAll(
                NUMBERS.stream().map(v -> new Value(v.label(), v.text(), false)).toList());
        for (String parameter : route.queryParameters().keySet()) {
            for (Value value : values) {
                expect(
                        route,
                        "query parameter " + parameter,
                        value,
                        () -> send(route, fixturePath(route, null, null), parameter + "=" + encode(value.text())));
            }
        }
    }

    private void probeJsonBodies(Route route) {
        Map<String, Type> fields = route.jsonFields();
        String path = fixturePath(route, null, null);
        for (Map.Entry<String, Type> field : fields.entrySet()) {
            for (Map.Entry<Value, String> hostile :
                    jsonValuesFor(field.getValue()).entrySet()) {
                for (boolean othersGiven : new boolean[] {false, true}) {
                    String body = jsonObject(fields, field.getKey(), hostile.getValue(), othersGiven);
                    expect(
                            route,
                            "JSON field " + field.getKey() + (othersGiven ? "" : " alone"),
                            hostile.getKey(),
                            () -> sendBody(route, path, "application/json", utf8(body)));
                }
            }
        }
        Map<Value, String> documents = new LinkedHashMap<>();
        documents.put(new Value("JSON null", "null", true), "null");
        documents.put(new Value("empty body", "", true), "");
        documents.put(new Value("a JSON array", "[]", true), "[]");
        documents.put(new Value("a JSON string", "\"text\"", true), "\"text\"");
        documents.put(
                new Value("cut JSON", "{\"", true),
                "{\"" + fields.keySet().iterator().next() + "\": ");
        String first = fields.keySet().iterator().next();
        String all = jsonObject(fields, null, null, true);
        String repeated =
                all.substring(0, all.length() - 1) + ", \"" + first + "\": " + baseJson(fields.get(first)) + "}";
        documents.put(new Value("field repeated after all others", repeated, true), repeated);
        documents.forEach((value, body) -> {
            expect(route, "JSON body", value, () -> sendBody(route, path, "application/json", utf8(body)));
        });
    }

    private void probeDescriptorBodies(Route route) {
        String path = fixturePath(route, null, null);
        for (Map.Entry<Value, String> descriptor : hostileDescriptors().entrySet()) {
            expect(
                    route,
                    "descriptor body",
                    descriptor.getKey(),
                    () -> sendBody(route, path, "application/yaml", bytes(descriptor.getValue())));
        }
        for (Value value : UNSTORABLE_TEXT) {
            Descriptors product = Descriptors.product(domain);
            String json = product.json().replace("\"Every network service", "\"" + jsonEscaped(value.text()));
            expect(
                    route,
                    "JSON descriptor purpose",
                    value,
                    () -> sendBody(route, path, "application/json", utf8(json)));
        }
        for (String document : new String[] {"null", "", "[", "~", "[null]"}) {
            expect(
                    route,
                    "descriptor body",
                    new Value("document " + document, document, true),
                    () -> sendBody(route, path, "application/json", utf8(document)));
        }
    }

    private void probeFormBodies(Route route) {
        List<String> fields = route.formFields();
        String path = fixturePath(route, null, null);
        List<Value> values = new ArrayList<>(UNSTORABLE_TEXT);
        values.addAll(AWKWARD_TEXT);
        values.addAll(
                NUMBERS.stream().map(v -> new Value(v.label(), v.text(), false)).toList());
        for (String field : fields) {
            for (Value value : values) {
                for (boolean othersGiven : new boolean[] {false, true}) {
                    StringBuilder body = new StringBuilder(FormSession.FIELD + "=" + encode(session.token()));
                    body.append('&').append(encode(field)).append('=').append(encode(value.text()));
                    if (othersGiven) {
                        fields.stream()
                                .filter(other -> !other.equals(field))
                                .forEach(other ->
                                        body.append('&').append(encode(other)).append("=Plain+words"));
                    }
                    expect(
                            route,
                            "form field " + field + (othersGiven ? "" : " alone"),
                            value,
                            () -> sendBody(
                                    route,
                                    path,
                                    "application/x-www-form-urlencoded",
                                    body.toString().getBytes(StandardCharsets.US_ASCII)));
                }
            }
        }
    }

    private void probeMultipartBodies(Route route) {
        String path = fixturePath(route, null, null);
        List<String> fields = route.formFields();
        List<String> files = route.fileFields();
        String boundary = "hostile-boundary";
        String contentType = "multipart/form-data; boundary=" + boundary;
        for (String field : fields) {
            for (Value value : UNSTORABLE_TEXT) {
                Multipart body = new Multipart(boundary).text(FormSession.FIELD, session.token());
                fields.stream().filter(f -> !f.equals(field)).forEach(f -> body.text(f, "check"));
                body.text(field, value.text());
                expect(route, "multipart field " + field, value, () -> sendBody(route, path, contentType, body.end()));
            }
            for (Map.Entry<Value, String> descriptor : hostileDescriptors().entrySet()) {
                Multipart body = new Multipart(boundary).text(FormSession.FIELD, session.token());
                body.text(field, descriptor.getValue());
                expect(
                        route,
                        "multipart field " + field,
                        descriptor.getKey(),
                        () -> sendBody(route, path, contentType, body.end()));
            }
        }
        for (String file : files) {
            for (Map.Entry<Value, String> descriptor : hostileDescriptors().entrySet()) {
                Multipart body = new Multipart(boundary).text(FormSession.FIELD, session.token());
                body.file(file, "product.yaml", descriptor.getValue());
                expect(
                        route,
                        "multipart file " + file,
                        descriptor.getKey(),
                        () -> sendBody(route, path, contentType, body.end()));
            }
        }
        Multipart cut = new Multipart(boundary).text(FormSession.FIELD, session.token());
        String firstPart = fields.isEmpty() ? (files.isEmpty() ? "file" : files.get(0)) : fields.get(0);
        cut.file(firstPart, "product.yaml", Descriptors.product(domain).yaml());
        byte[] whole = cut.end();
        byte[] truncated = Arrays.copyOf(whole, whole.length - boundary.length() - 8);
        expect(
                route,
                "multipart body",
                new Value("cut before its closing boundary", "", false),
                () -> sendBody(route, path, contentType, truncated));
        Multipart noBoundary = new Multipart(boundary);
        expect(
                route,
                "multipart body",
                new Value("boundary announced but missing", "", false),
                () -> sendBody(route, path, "multipart/form-data; boundary=elsewhere", noBoundary.end()));
    }

    // ---- the corpus for each place ----

    /** A valid descriptor made hostile in one place each time, in a fresh product so an acceptance is visible. */
    private Map<Value, String> hostileDescriptors() {
        Map<Value, String> descriptors = new LinkedHashMap<>();
        for (Value value : UNSTORABLE_TEXT) {
            String yaml = Descriptors.product(domain).yaml();
            descriptors.put(
                    new Value("descriptor text with " + value.label(), value.text(), true),
                    yaml.replace("Every network service", "Every " + value.text() + " network service"));
        }
        String yaml = Descriptors.product(domain).yaml();
        descriptors.put(
                new Value("descriptor cut in the middle", "", true), yaml.substring(0, yaml.length() / 2) + "\"");
        return descriptors;
    }

    /** Hostile JSON literals for a field of the given type. */
    private static Map<Value, String> jsonValuesFor(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        Map<Value, String> values = new LinkedHashMap<>();
        if (raw == String.class) {
            Stream.concat(UNSTORABLE_TEXT.stream(), AWKWARD_TEXT.stream())
                    .forEach(v -> values.put(v, "\"" + jsonEscaped(v.text()) + "\""));
        } else if (Number.class.isAssignableFrom(boxed(raw))) {
            NUMBERS.forEach(v -> values.put(
                    new Value(v.label(), v.text(), false),
                    v.text().matches("-?[0-9][0-9e]*") ? v.text() : "\"" + v.text() + "\""));
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            INSTANTS.forEach(v -> values.put(v, "\"" + v.text() + "\""));
        } else if (raw == LocalDate.class) {
            DATES.forEach(v -> values.put(v, "\"" + v.text() + "\""));
        } else if (List.class.isAssignableFrom(raw)) {
            UNSTORABLE_TEXT.forEach(v -> values.put(v, "[\"" + jsonEscaped(v.text()) + "\"]"));
        } else if (Map.class.isAssignableFrom(raw)) {
            UNSTORABLE_TEXT.forEach(v -> values.put(v, "{\"" + jsonEscaped(v.text()) + "\": 1}"));
            UNSTORABLE_TEXT.forEach(v -> values.put(
                    new Value(v.label() + " as a value", v.text(), v.mustBeRefused()),
                    "{\"x\": \"" + jsonEscaped(v.text()) + "\"}"));
        } else if (raw == Boolean.class || raw == boolean.class) {
            values.put(new Value("text for a boolean", "yes", false), "\"yes\"");
        }
        values.put(new Value("null", "null", false), "null");
        return values;
    }

    /** A value that is fine for the type, so that the field under test is what the route judges. */
    private static String baseJson(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return "\"Plain words\"";
        } else if (Number.class.isAssignableFrom(boxed(raw))) {
            return "1";
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            return "\"2026-11-30T06:00:00Z\"";
        } else if (raw == LocalDate.class) {
            return "\"2026-11-30\"";
        } else if (List.class.isAssignableFrom(raw)) {
            return "[]";
        } else if (raw == Boolean.class || raw == boolean.class) {
            return "false";
        }
        return "{}";
    }

    private static String jsonObject(Map<String, Type> fields, String hostileField, String hostile, boolean others) {
        List<String> members = new ArrayList<>();
        fields.forEach((name, type) -> {
            if (name.equals(hostileField)) {
                members.add("\"" + name + "\": " + hostile);
            } else if (others) {
                members.add("\"" + name + "\": " + baseJson(type));
            }
        });
        return "{" + String.join(", ", members) + "}";
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        }
        return type;
    }

    // ---- sending and judging ----

    private void expect(Route route, String where, Value value, Supplier<Response> request) {
        probes++;
        valuesSent.add(value.label());
        Response answer;
        try {
            answer = request.get();
        } catch (RuntimeException e) {
            failures.add(route.label() + " — " + where + " = " + value.label() + " could not be sent: " + e);
            return;
        }
        int status = answer.statusCode();
        if (status >= 500) {
            failures.add(describe(route, where, value, answer));
        } else if (value.mustBeRefused() && (status < 400)) {
            failures.add(describe(route, where, value, answer) + " (accepted; must be refused)");
        }
    }

    private static String describe(Route route, String where, Value value, Response answer) {
        String body = answer.asString();
        String detail = body.length() > 160 ? body.substring(0, 160) + "…" : body;
        return route.label() + " — " + where + " = " + value.label() + " → " + answer.statusCode() + " "
                + detail.replaceAll("\\s+", " ");
    }

    private static boolean namesField(Route route, Response answer, String field) {
        if (!route.isPage()) {
            List<String> fields = answer.jsonPath().getList("errors.field");
            return fields != null && fields.contains(field);
        }
        return Jsoup.parse(answer.asString())
                .select("ul.problems code")
                .eachText()
                .contains(field);
    }

    private String fixturePath(Route route, String hostileParameter, String encodedHostile) {
        String path = route.template();
        for (String parameter : route.pathParameters()) {
            String value = parameter.equals(hostileParameter) ? encodedHostile : encode(fixtureValue(route, parameter));
            path = path.replace("{" + parameter + "}", value);
        }
        return path;
    }

    private Response send(Route route, String path, String query) {
        return request(route).request(route.httpMethod(), query == null ? path : path + "?" + query);
    }

    private Response sendBody(Route route, String path, String contentType, byte[] body) {
        RequestSpecification request = request(route).contentType(contentType);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            // rest-assured encodes forms from text only; the text is already percent-encoded ASCII.
            request.body(new String(body, StandardCharsets.US_ASCII));
        } else {
            request.body(body);
        }
        return request.request(route.httpMethod(), path);
    }

    private RequestSpecification request(Route route) {
        RequestSpecification request =
                given().urlEncodingEnabled(false).redirects().follow(false);
        if (route.isPage()) {
            request.cookie(FormSession.COOKIE, session.cookie());
        }
        return request;
    }

    private List<String> glossaryTermsOf(String domainKey) {
        return given().get("/api/domains/" + domainKey + "/glossary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.term");
    }

    /** Percent-encoding of every character but the unreserved ones; a lone surrogate as its three UTF-8-like bytes. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes(text)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /**
     * UTF-8, except that a lone surrogate becomes the three bytes its code unit would take (as a careless encoder
     * writes it), which Java's encoder would silently replace by '?'.
     */
    static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | (cp >> 6));
                out.write(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out.write(0xE0 | (cp >> 12));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            } else {
                out.write(0xF0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3F));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            }
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** JSON string content: controls and every surrogate as \\u escapes, so a lone one survives the trip. */
    static String jsonEscaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A multipart/form-data body written by hand, so it can carry what a client library would refuse to write. */
    static final class Multipart {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart(String boundary) {
            this.boundary = boundary;
        }

        Multipart text(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
            out.writeBytes(bytes(value));
            write("\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/yaml\r\n\r\n");
            out.writeBytes(bytes(content));
            write("\r\n");
            return this;
        }

        byte[] end() {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.writeBytes(out.toByteArray());
            whole.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return whole.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
