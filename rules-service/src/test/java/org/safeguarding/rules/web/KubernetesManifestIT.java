package org.safeguarding.rules.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests the build generates, and the Dockerfile, checked for structure (no
 * container engine or cluster runs here): several replicas, health probes, sized resources,
 * configuration from a ConfigMap, the verification key from a Secret, the store's database from a Secret.
 */
class KubernetesManifestIT {

    static List<JsonNode> manifests() throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(Path.of("target", "kubernetes", "kubernetes.yml").toFile())) {
            it.forEachRemaining(documents::add);
        }
        return documents;
    }

    static JsonNode kind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in kubernetes.yml"));
    }

    @Test
    void the_deployment_runs_several_probed_sized_replicas_on_one_database() throws Exception {
        List<JsonNode> documents = manifests();
        JsonNode deployment = kind(documents, "Deployment");
        Assertions.assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        Assertions.assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        Assertions.assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        Assertions.assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            JsonNode port = container.at("/" + probe + "/httpGet/port");
            Assertions.assertThat(port.asText()).as(probe + " on the management port").isIn("9000", "management");
        }
        // The values are the configuration's (application.properties), not restated here: what is checked is that
        // the generated manifest carries each of them, and that they make sense together.
        java.util.Properties config = new java.util.Properties();
        try (var in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            config.load(in);
        }
        for (String resource : List.of("requests/memory", "limits/memory", "requests/cpu", "limits/cpu")) {
            String configured = config.getProperty("quarkus.kubernetes.resources." + resource.replace('/', '.'));
            Assertions.assertThat(configured).as(resource + " is configured").isNotBlank();
            Assertions.assertThat(container.at("/resources/" + resource).asText()).as(resource).isEqualTo(configured);
        }
        Assertions.assertThat(mebibytes(container.at("/resources/limits/memory").asText()))
                .as("the memory limit leaves room above the request").isGreaterThan(mebibytes(container.at("/resources/requests/memory").asText()));
        Assertions.assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(Integer.parseInt(config.getProperty("quarkus.kubernetes.replicas")));
        Assertions.assertThat(container.path("envFrom").toString()).contains(config.getProperty("quarkus.kubernetes.env.configmaps"))
                .as("the store's database from a Secret").contains(config.getProperty("quarkus.kubernetes.env.secrets"));
        Assertions.assertThat(container.path("env").toString()).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        Assertions.assertThat(container.path("volumeMounts").toString()).contains(config.getProperty("quarkus.kubernetes.mounts.jwt-key.path"));
        JsonNode volumes = deployment.at("/spec/template/spec/volumes");
        Assertions.assertThat(volumes.toString()).contains(config.getProperty("quarkus.kubernetes.secret-volumes.jwt-key.secret-name"))
                .as("no ReadWriteMany claim")
                .doesNotContain("persistentVolumeClaim");
        Assertions.assertThat(kind(documents, "Service").at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
    }

    private static int mebibytes(String quantity) {
        Assertions.assertThat(quantity).as("memory in Mi or Gi").matches("[0-9]+(Mi|Gi)");
        int value = Integer.parseInt(quantity.substring(0, quantity.length() - 2));
        return quantity.endsWith("Gi") ? value * 1024 : value;
    }

    @Test
    void the_dockerfile_follows_the_fast_jar_layout_as_a_non_root_user() throws Exception {
        String dockerfile = Files.readString(Path.of("src", "main", "docker", "Dockerfile.jvm"));
        Assertions.assertThat(dockerfile).contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                .contains("COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/").contains("USER 185")
                .contains("EXPOSE 8080 9000").contains("HEALTHCHECK").contains("localhost:9000/q/health/ready");
        Assertions.assertThat(dockerfile.lines().filter(l -> l.startsWith("USER ")).reduce((x, y) -> y).orElseThrow()).isEqualTo("USER 185");
    }
}
