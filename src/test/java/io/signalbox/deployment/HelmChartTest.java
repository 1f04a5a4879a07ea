package io.signalbox.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Helm chart under {@code helm/}, linted and rendered by Helm's own engine (helm-java embeds Helm; no binary):
 * strict lint, the default values, a production-like values file ({@code src/test/resources/helm}), and the values
 * the schema must refuse.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm");

    @Test
    void theChartPassesStrictLint() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void theDefaultsRenderTwoHardenedReplicasBehindAClusterIpServiceWithADisruptionBudget() {
        Rendered rendered = render(new Helm(CHART).template().withName("catalog"));

        Map<String, Object> deployment = rendered.one("Deployment");
        assertThat(at(deployment, "spec.replicas")).isEqualTo(2);
        Map<String, Object> pod = node(deployment, "spec.template.spec");
        assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(at(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
        assertThat(at(pod, "automountServiceAccountToken")).isEqualTo(false);
        Map<String, Object> container = container(deployment);
        assertThat(container.get("image")).isEqualTo("ghcr.io/signalbox/signalbox:0.1.0");
        assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(at(container, "securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
        assertThat(at(container, "startupProbe.httpGet.path")).isEqualTo("/q/health/started");
        assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo("/q/health/live");
        assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo("/q/health/ready");
        assertThat(at(container, "resources.limits.memory")).isEqualTo("1Gi");
        assertThat(volumes(deployment)).containsEntry("index", "emptyDir").containsEntry("tmp", "emptyDir");

        // Secrets are referenced, never carried: every credential comes from a secretKeyRef.
        Map<String, Object> env = env(container);
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("secret signalbox-db-app/password");
        assertThat(env.get("QUARKUS_OIDC_CREDENTIALS_SECRET")).isEqualTo("secret signalbox-oidc/client-secret");
        assertThat(env.get("QUARKUS_MAILER_PASSWORD")).isEqualTo("secret signalbox-smtp/password");
        assertThat(env.get("SIGNALBOX_FORM_TOKEN_SECRET")).isEqualTo("secret signalbox-form-token/secret");
        assertThat(env.get("SIGNALBOX_SEARCH_INDEX_DIR")).isEqualTo("/var/lib/signalbox/search");
        assertThat(rendered.kinds()).doesNotContain("Secret", "ConfigMap", "Ingress", "ServiceMonitor", "StatefulSet");

        assertThat(at(rendered.one("Service"), "spec.type")).isEqualTo("ClusterIP");
        Map<String, Object> budget = rendered.one("PodDisruptionBudget");
        assertThat(at(budget, "spec.minAvailable")).isEqualTo(1);
        assertThat(at(budget, "spec.selector.matchLabels")).isEqualTo(at(deployment, "spec.selector.matchLabels"));
    }

    @Test
    void aProductionLikeInstallationGetsAPinnedImageOwnIndexVolumesIngressAndMonitoring() {
        Rendered rendered = render(new Helm(CHART)
                .template()
                .withName("catalog")
                .withNamespace("data-platform")
                .withValuesFile(Path.of("src/test/resources/helm/production-values.yaml")));

        assertThat(rendered.kinds()).doesNotContain("Deployment");
        Map<String, Object> statefulSet = rendered.one("StatefulSet");
        assertThat(at(statefulSet, "spec.replicas")).isEqualTo(3);
        Map<String, Object> container = container(statefulSet);
        assertThat(container.get("image"))
                .isEqualTo("registry.internal.example/platform/signalbox@sha256:"
                        + "4f7c1e0e7a3c5d2b9a8f6e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b");
        List<Map<String, Object>> claims = node(statefulSet, "spec.volumeClaimTemplates");
        assertThat(claims).hasSize(1);
        assertThat(at(claims.get(0), "spec.storageClassName")).isEqualTo("fast-ssd");
        assertThat(at(claims.get(0), "spec.resources.requests.storage")).isEqualTo("20Gi");
        assertThat(volumes(statefulSet)).doesNotContainKey("index").containsEntry("tmp", "emptyDir");

        Map<String, Object> env = env(container);
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("secret catalog-db-app/password");
        assertThat(env).doesNotContainKeys("QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD");
        assertThat(env.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED")).isEqualTo("true");
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")).isEqualTo("24");

        Map<String, Object> ingress = rendered.one("Ingress");
        assertThat(at(ingress, "spec.ingressClassName")).isEqualTo("nginx");
        List<Map<String, Object>> tls = node(ingress, "spec.tls");
        assertThat(tls.get(0).get("secretName")).isEqualTo("catalog-tls");

        Map<String, Object> monitor = rendered.one("ServiceMonitor");
        assertThat(at(monitor, "metadata.labels.release")).isEqualTo("prometheus");
        List<Map<String, Object>> endpoints = node(monitor, "spec.endpoints");
        assertThat(endpoints.get(0)).containsEntry("path", "/q/metrics").containsEntry("interval", "15s");
        assertThat(at(endpoints.get(0), "bearerTokenSecret.name")).isEqualTo("signalbox-metrics");
        assertThat(env.get("SIGNALBOX_METRICS_TOKEN")).isEqualTo("secret signalbox-metrics/token");
        assertThat(at(rendered.one("PodDisruptionBudget"), "spec.minAvailable")).isEqualTo(2);
    }

    @Test
    void oneReplicaHasNoDisruptionBudget() {
        Rendered rendered =
                render(new Helm(CHART).template().withName("catalog").set("replicaCount", 1));

        assertThat(rendered.kinds()).doesNotContain("PodDisruptionBudget");
    }

    @Test
    void theSchemaRefusesAMutableTagAnUnknownValueAndNoReplicas() {
        assertThatThrownBy(() -> new Helm(CHART)
                        .template()
                        .withName("catalog")
                        .set("image.tag", "latest")
                        .call())
                .hasMessageContaining("/image/tag")
                .hasMessageContaining("not");
        assertThatThrownBy(() -> new Helm(CHART)
                        .template()
                        .withName("catalog")
                        .set("database.password", "hunter2")
                        .call())
                .hasMessageContaining("password");
        assertThatThrownBy(() -> new Helm(CHART)
                        .template()
                        .withName("catalog")
                        .set("replicaCount", 0)
                        .call())
                .hasMessageContaining("replicaCount");
    }

    // --- reading the rendered manifests

    private record Rendered(List<Map<String, Object>> documents) {

        List<String> kinds() {
            return documents.stream().map(d -> (String) d.get("kind")).toList();
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found =
                    documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
            assertThat(found).as("one " + kind + " in " + kinds()).hasSize(1);
            return found.get(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static Rendered render(com.marcnuri.helm.TemplateCommand command) {
        String manifests = command.call();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(manifests)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return new Rendered(documents);
    }

    private static Object at(Map<String, Object> node, String path) {
        return node(node, path);
    }

    @SuppressWarnings("unchecked")
    private static <T> T node(Map<String, Object> node, String path) {
        Object current = node;
        for (String step : path.split("\\.")) {
            assertThat(current).as(path).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        List<Map<String, Object>> containers = node(workload, "spec.template.spec.containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /** Each environment variable's value, or {@code secret name/key} for one taken from a Secret. */
    private static Map<String, Object> env(Map<String, Object> container) {
        List<Map<String, Object>> env = node(container, "env");
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (Map<String, Object> variable : env) {
            Object value = variable.get("value");
            if (value == null) {
                Map<String, Object> ref = node(variable, "valueFrom.secretKeyRef");
                value = "secret " + ref.get("name") + "/" + ref.get("key");
            }
            values.put((String) variable.get("name"), Objects.toString(value));
        }
        return values;
    }

    /** Volume name → its kind ({@code emptyDir}, {@code persistentVolumeClaim}, …). */
    private static Map<String, Object> volumes(Map<String, Object> workload) {
        List<Map<String, Object>> volumes = node(workload, "spec.template.spec.volumes");
        Map<String, Object> kinds = new java.util.LinkedHashMap<>();
        for (Map<String, Object> volume : volumes) {
            kinds.put(
                    (String) volume.get("name"),
                    volume.keySet().stream()
                            .filter(k -> !k.equals("name"))
                            .findFirst()
                            .orElseThrow());
        }
        return kinds;
    }
}
