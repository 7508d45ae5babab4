package org.vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The deploy files keep the defaults a newcomer would ship as they are (issue 10, item 10): no secret value committed,
 * no root, no writable root filesystem, no unpinned image, every secret wired from a Secret the operator creates.
 * It reads the YAML as data; it is no Kubernetes schema validation (docs/operations.md says what else to run).
 */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final ObjectMapper YAML = new YAMLMapper();
    /** Environment names that carry a secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|PASSWORD|SECRET|TOKEN|USERNAME).*");
    /** An image reference pinned to a release: a tag with a version number, not latest. */
    private static final Pattern PINNED = Pattern.compile("[^:@\\s]+:(v?\\d+(\\.\\d+)+[^\\s]*)(@sha256:[0-9a-f]{64})?");

    private static List<JsonNode> k8s() throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                var parser = new YAMLFactory().createParser(file.toFile());
                YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                    if (d != null && !d.isNull() && d.has("kind")) {
                        docs.add(d);
                    }
                });
            }
        }
        Assertions.assertFalse(docs.isEmpty(), "deploy/k8s has manifests");
        return docs;
    }

    private static List<JsonNode> workloads() throws IOException {
        return k8s().stream().filter(d -> Set.of("Deployment", "StatefulSet").contains(d.path("kind").asText()))
                .toList();
    }

    private static String name(JsonNode doc) {
        return doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
    }

    @Test
    void noSecretIsCommitted() throws IOException {
        for (JsonNode doc : k8s()) {
            Assertions.assertNotEquals("Secret", doc.path("kind").asText(), name(doc)
                    + ": the operator creates the Secret (docs/operations.md), it is never committed with values");
            if (doc.path("kind").asText().equals("ConfigMap")) {
                doc.path("data").fieldNames().forEachRemaining(k -> Assertions.assertFalse(
                        SECRET_NAME.matcher(k).matches(), name(doc) + " holds a secret: " + k));
            }
        }
    }

    @Test
    void everyWorkloadRunsAsNonRootWithAReadOnlyRootAndNoCapabilities() throws IOException {
        List<JsonNode> workloads = workloads();
        Assertions.assertTrue(workloads.size() >= 1);
        for (JsonNode w : workloads) {
            JsonNode pod = w.path("spec").path("template").path("spec");
            Assertions.assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(false), name(w));
            Assertions.assertTrue(pod.path("securityContext").path("runAsUser").asInt(0) > 0, name(w));
            Assertions.assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), name(w));
            for (JsonNode c : pod.path("containers")) {
                String where = name(w) + " container " + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                Assertions.assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), where);
                Assertions.assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(false), where);
                Assertions.assertFalse(sc.path("privileged").asBoolean(false), where);
                Assertions.assertTrue(textsOf(sc.path("capabilities").path("drop")).contains("ALL"), where);
                Assertions.assertTrue(c.path("image").asText().matches(PINNED.pattern()),
                        where + " image is pinned to a version: " + c.path("image").asText());
                Assertions.assertEquals("IfNotPresent", c.path("imagePullPolicy").asText(), where);
                for (String r : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                    String[] p = r.split("/");
                    Assertions.assertFalse(c.path("resources").path(p[0]).path(p[1]).asText().isEmpty(),
                            where + " sets resources " + r);
                }
            }
        }
    }

    @Test
    void everySecretComesFromTheOperatorsSecretAndTheWebhookKeyIsWired() throws IOException {
        Set<String> fromSecret = new TreeSet<>();
        for (JsonNode w : workloads()) {
            for (JsonNode c : w.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode e : c.path("env")) {
                    String env = e.path("name").asText();
                    if (SECRET_NAME.matcher(env).matches()) {
                        Assertions.assertFalse(e.has("value"), name(w) + " has a literal value for " + env);
                        JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                        Assertions.assertFalse(ref.isMissingNode(), name(w) + ": " + env + " from a Secret");
                        if (w.path("metadata").path("name").asText().equals("vigil")
                                && !ref.path("optional").asBoolean(false)) {
                            fromSecret.add(env);
                        }
                    }
                }
            }
        }
        Assertions.assertEquals(Set.of("VIGIL_ADMIN_API_KEY", "VIGIL_DB_PASSWORD", "VIGIL_NOTIFICATION_SECRET_KEY"),
                fromSecret, "required secrets of the Vigil Deployment");
    }

    @Test
    void theDatabaseTheConfigMapNamesIsAServiceOfTheManifests() throws IOException {
        List<JsonNode> docs = k8s();
        String url = docs.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")).findFirst()
                .orElseThrow().path("data").path("VIGIL_DB_URL").asText();
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+).*").matcher(url);
        Assertions.assertTrue(m.matches(), url);
        Assertions.assertTrue(docs.stream().anyMatch(d -> d.path("kind").asText().equals("Service")
                && d.path("metadata").path("name").asText().equals(m.group(1))), "a Service named " + m.group(1));
    }

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        JsonNode k = YAML.readTree(DEPLOY.resolve("k8s/kustomization.yaml").toFile());
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(DEPLOY.resolve("k8s"))) {
            list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.startsWith("kustomization"))
                    .forEach(files::add);
        }
        Assertions.assertEquals(files, new TreeSet<>(textsOf(k.path("resources"))));
    }

    @Test
    void composeTakesEverySecretFromARequiredVariableAndPinsEveryImage() throws IOException {
        JsonNode services = YAML.readTree(DEPLOY.resolve("compose.yaml").toFile()).path("services");
        Assertions.assertTrue(services.size() >= 3);
        services.fields().forEachRemaining(s -> {
            String image = s.getValue().path("image").asText();
            Assertions.assertTrue(image.matches(PINNED.pattern()), s.getKey() + " image is pinned: " + image);
            s.getValue().path("environment").fields().forEachRemaining(e -> {
                if (SECRET_NAME.matcher(e.getKey()).matches()) {
                    Assertions.assertTrue(e.getValue().asText().matches("\\$\\{[A-Z_]+:\\?[^}]+}"),
                            s.getKey() + ": " + e.getKey() + " is a required variable, not a value");
                }
            });
            Assertions.assertTrue(textsOf(s.getValue().path("security_opt")).contains("no-new-privileges:true"),
                    s.getKey());
        });
        JsonNode vigil = services.path("vigil");
        Assertions.assertTrue(vigil.path("read_only").asBoolean(false));
        Assertions.assertTrue(textsOf(vigil.path("cap_drop")).contains("ALL"));
        Assertions.assertFalse(vigil.path("user").asText("0").matches("0|root|0:.*"), vigil.path("user").asText());
        Assertions.assertEquals("deploy/Dockerfile", vigil.path("build").path("dockerfile").asText());
    }

    @Test
    void theDockerfileBuildsThePgProfileItselfOnPinnedImagesAndRunsAsNonRoot() throws IOException {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile")).stream().map(String::strip)
                .filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        Assertions.assertTrue(froms.size() >= 2, "multi-stage: " + froms);
        for (String from : froms) {
            Assertions.assertTrue(from.split("\\s+")[1].matches(PINNED.pattern()), from);
        }
        String all = String.join("\n", lines);
        Assertions.assertTrue(all.contains("./mvnw") && all.contains("-Dquarkus.profile=pg"), "builds pg with the wrapper");
        for (String l : lines) {
            Assertions.assertFalse(l.startsWith("COPY") && !l.contains("--from=") && l.contains("target/"),
                    "copies nothing from a local target/: " + l);
        }
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
        Assertions.assertFalse(users.isEmpty());
        String user = users.get(users.size() - 1).substring(5).strip();
        Assertions.assertTrue(lines.indexOf(users.get(users.size() - 1)) > lines.indexOf(froms.get(froms.size() - 1)),
                "USER is set in the final stage");
        Assertions.assertFalse(user.matches("0|root|0:.*|root:.*"), user);
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip).toList();
        Assertions.assertEquals("*", ignore.stream().filter(l -> !l.startsWith("#") && !l.isEmpty()).findFirst()
                .orElse(""), ".dockerignore starts from nothing");
        Assertions.assertTrue(ignore.stream().noneMatch(l -> l.startsWith("!") && (l.contains("target")
                || l.contains(".env") || l.contains("data"))), "no local build, database or secrets in the context");
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> out = new ArrayList<>();
        (array == null ? MissingNode.getInstance() : array).forEach(n -> out.add(n.asText()));
        return out;
    }
}
