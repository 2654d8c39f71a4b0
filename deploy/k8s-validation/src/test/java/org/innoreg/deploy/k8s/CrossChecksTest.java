package org.innoreg.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.innoreg.deploy.k8s.Repo.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests agree with the code they deploy: topics with the AsyncAPI channels, environment
 * with what the services read, probes and ports with what they serve, Kafka ACLs with who writes
 * and reads what; and the production rules of the issue (non-root, read-only root, requests and
 * limits with -Xmx inside them, HA, backups) hold in the rendered output, not only in the files
 * someone meant to write.
 */
class CrossChecksTest {

    private static final String EVENT_CONTRACT =
            "chassis/src/main/java/org/innoreg/chassis/events/EventContract.java";

    /**
     * The AsyncAPI channels: the gateway builds them from the contracts each service declares in
     * its {@code publishing} package (the {@code EventContract}s its {@code PublishedEvents} lists,
     * stated in its OpenAPI document), one topic {@code <service>.<aggregate>.v1} each.
     */
    static Set<String> asyncApiTopics() {
        assertThat(Repo.read(Repo.ROOT.resolve(EVENT_CONTRACT)))
                .as(
                        "EventContract still names topics <service>.<aggregate>.v1 (else update this test)")
                .contains("return service + \".\" + aggregate + \".v1\";");
        Pattern aggregate =
                Pattern.compile("public static final String AGGREGATE = \"([a-z-]+)\";");
        Set<String> topics = new TreeSet<>();
        for (Service s : Service.values()) {
            Path publishing =
                    s.dir().resolve("src/main/java/org/innoreg/" + s.events + "/publishing");
            if (!Files.isDirectory(publishing)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> listed = Files.list(publishing)) {
                files = listed.sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String published =
                    files.stream()
                            .map(Repo::read)
                            .filter(source -> source.contains("implements PublishedEvents"))
                            .collect(Collectors.joining());
            for (Path file : files) {
                String source = Repo.read(file);
                Matcher m = aggregate.matcher(source);
                if (source.contains("public static final EventContract CONTRACT") && m.find()) {
                    String contract =
                            file.getFileName().toString().replace(".java", "") + ".CONTRACT";
                    assertThat(published)
                            .as(s + "'s PublishedEvents lists " + contract)
                            .contains(contract);
                    topics.add(s.events + "." + m.group(1) + ".v1");
                }
            }
        }
        assertThat(topics)
                .as("channels found in the services' publishing packages")
                .hasSizeGreaterThanOrEqualTo(7);
        return topics;
    }

    /**
     * Who consumes what, read from the consumers: the gateway's feed pattern, the topic() of each
     * of the indicators' derived-indicator rules, and the chassis's region topic in each service
     * that sets {@code innoreg.regions.read-model=true}.
     */
    static Map<Service, Set<String>> consumedTopics(Set<String> all) {
        Map<Service, Set<String>> consumed = new LinkedHashMap<>();
        String feed =
                Repo.read(
                        Repo.ROOT.resolve(
                                "gateway/src/main/java/org/innoreg/gateway/feed/FeedEventHandler.java"));
        Matcher pattern =
                Pattern.compile("Pattern\\.compile\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)")
                        .matcher(feed);
        assertThat(pattern.find()).as("the feed's topic pattern in FeedEventHandler").isTrue();
        Pattern suite = Pattern.compile(pattern.group(1).replace("\\\\", "\\"));
        consumed.put(
                Service.GATEWAY,
                all.stream()
                        .filter(t -> suite.matcher(t).matches())
                        .collect(Collectors.toCollection(TreeSet::new)));
        Set<String> indicators = new TreeSet<>();
        Pattern topic = Pattern.compile("String topic\\(\\)\\s*\\{\\s*return \"([a-z.0-9-]+)\";");
        try (Stream<Path> files =
                Files.walk(
                        Repo.ROOT.resolve(
                                "indicators-service/src/main/java/org/innoreg/indicators/derived"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher t = topic.matcher(Repo.read(f));
                while (t.find()) {
                    indicators.add(t.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        consumed.put(Service.INDICATORS, indicators);
        // the regions' read model of the chassis, in the services that switch it on
        String handler =
                Repo.read(
                        Repo.ROOT.resolve(
                                "chassis/src/main/java/org/innoreg/chassis/regions/RegionEventHandler.java"));
        Matcher regions = Pattern.compile("String TOPIC = \"([a-z.0-9-]+)\";").matcher(handler);
        assertThat(regions.find()).as("the regions' topic in RegionEventHandler").isTrue();
        for (Service s : Service.values()) {
            if ("true".equals(ServiceConfig.of(s).properties.get("innoreg.regions.read-model"))) {
                consumed.computeIfAbsent(s, x -> new TreeSet<>()).add(regions.group(1));
            }
        }
        return consumed;
    }

    // ------------------------------------------------------------------------------------------
    // Kafka

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyAsyncApiChannelHasAKafkaTopicAndNoTopicIsExtra(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        Set<String> declared =
                m.all("KafkaTopic")
                        .map(t -> t.path("spec").path("topicName").asText(Manifests.nameOf(t)))
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).isEqualTo(asyncApiTopics());
        m.all("KafkaTopic")
                .forEach(
                        t ->
                                assertThat(
                                                t.path("metadata")
                                                        .path("labels")
                                                        .path("strimzi.io/cluster")
                                                        .asText())
                                        .as("cluster label of " + Manifests.nameOf(t))
                                        .isEqualTo("innoreg-kafka"));
    }

    @Test
    void productionKafkaIsReplicatedThreeTimesWithTwoInSync() {
        Manifests m = Manifests.overlay("production");
        JsonNode kafka = m.one("Kafka", "innoreg-kafka").path("spec").path("kafka");
        assertThat(kafka.path("config").path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(kafka.path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        Map<String, Integer> nodes = new LinkedHashMap<>();
        m.all("KafkaNodePool")
                .forEach(
                        pool ->
                                pool.path("spec")
                                        .path("roles")
                                        .forEach(
                                                role ->
                                                        nodes.merge(
                                                                role.asText(),
                                                                pool.path("spec")
                                                                        .path("replicas")
                                                                        .asInt(),
                                                                Integer::sum)));
        assertThat(nodes).containsEntry("controller", 3).containsEntry("broker", 3);
        m.all("KafkaNodePool")
                .forEach(
                        pool ->
                                assertThat(pool.path("spec").path("roles"))
                                        .as("dedicated roles")
                                        .hasSize(1));
        m.all("KafkaTopic")
                .forEach(
                        t -> {
                            JsonNode spec = t.path("spec");
                            assertThat(spec.path("replicas").asInt())
                                    .as(Manifests.nameOf(t))
                                    .isEqualTo(3);
                            assertThat(spec.path("partitions").asInt())
                                    .as(Manifests.nameOf(t))
                                    .isPositive();
                            assertThat(spec.path("config").path("min.insync.replicas").asInt())
                                    .as(Manifests.nameOf(t))
                                    .isEqualTo(2);
                            assertThat(spec.path("config").has("retention.ms"))
                                    .as("retention of " + Manifests.nameOf(t) + " written down")
                                    .isTrue();
                        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachServiceWritesOnlyItsOwnTopicsAndReadsOnlyWhatItConsumes(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        Set<String> topics = asyncApiTopics();
        Map<Service, Set<String>> consumed = consumedTopics(topics);
        assertThat(consumed.get(Service.INDICATORS))
                .containsExactlyInAnyOrder(
                        "registry.platform.v1", "projects.project.v1", "registry.region.v1");
        assertThat(consumed.get(Service.PROJECTS)).containsExactly("registry.region.v1");
        assertThat(consumed.get(Service.GATEWAY)).isEqualTo(topics);

        for (Service s : Service.values()) {
            JsonNode acls =
                    m.one("KafkaUser", s.kafkaUser())
                            .path("spec")
                            .path("authorization")
                            .path("acls");
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (JsonNode acl : acls) {
                assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
                String type = acl.path("resource").path("type").asText();
                Set<String> ops = new HashSet<>();
                acl.path("operations").forEach(o -> ops.add(o.asText()));
                assertThat(ops)
                        .as(s + " ACL operations")
                        .doesNotContain("All", "Delete", "Alter", "AlterConfigs", "ClusterAction");
                if (type.equals("group")) {
                    groups.add(acl.path("resource").path("name").asText());
                    continue;
                }
                assertThat(type).as(s + " ACL resource type").isEqualTo("topic");
                Set<String> matched =
                        topics.stream()
                                .filter(t -> matches(acl.path("resource"), t))
                                .collect(Collectors.toSet());
                assertThat(matched).as(s + " ACL on " + acl.path("resource")).isNotEmpty();
                if (ops.contains("Write")) {
                    writes.addAll(matched);
                }
                if (ops.contains("Read")) {
                    reads.addAll(matched);
                }
            }
            Set<String> own =
                    topics.stream()
                            .filter(t -> t.startsWith(s.events + "."))
                            .collect(Collectors.toCollection(TreeSet::new));
            if (s == Service.GATEWAY) {
                assertThat(writes).as("the gateway publishes nothing").isEmpty();
            } else {
                assertThat(writes).as(s + " writes exactly its own topics").isEqualTo(own);
            }
            assertThat(reads)
                    .as(s + " reads exactly what it consumes")
                    .isEqualTo(consumed.getOrDefault(s, Set.of()));
            assertThat(groups)
                    .as(s + " consumer group")
                    .isEqualTo(s.consumerGroup == null ? Set.of() : Set.of(s.consumerGroup));
        }
    }

    private static boolean matches(JsonNode resource, String topic) {
        String name = resource.path("name").asText();
        return "prefix".equals(resource.path("patternType").asText("literal"))
                ? topic.startsWith(name)
                : topic.equals(name);
    }

    // ------------------------------------------------------------------------------------------
    // environment

    /**
     * Every variable the service reads is set in its container, and every INNOREG_* set there is
     * one it reads.
     */
    @ParameterizedTest
    @ValueSource(strings = {"production", "local"})
    void everyVariableAServiceReadsIsSetAndNoInnoregVariableIsSetThatNoneReads(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        for (Service s : Service.values()) {
            ServiceConfig config = ServiceConfig.of(s);
            assertThat(config.environment)
                    .as(s + " reads INNOREG_* variables (parsing check)")
                    .anyMatch(v -> v.startsWith("INNOREG_"));
            Map<String, String> set = environment(m, container(m, s));
            assertThat(set.keySet())
                    .as(overlay + ": variables set for " + s.module)
                    .containsAll(config.environment);
            assertThat(set.keySet().stream().filter(v -> v.startsWith("INNOREG_")))
                    .as(
                            overlay
                                    + ": INNOREG_* variables set for "
                                    + s.module
                                    + " that it does not read")
                    .allMatch(config.environment::contains);
            set.forEach(
                    (name, value) ->
                            assertThat(value)
                                    .as(overlay + " " + s.module + " " + name)
                                    .isNotBlank());
        }
    }

    /**
     * name → value ("secret:<name>/<key>" for a Secret's key) of every variable the container gets.
     */
    static Map<String, String> environment(Manifests m, JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            assertThat(from.has("secretRef"))
                    .as("a Secret's keys cannot be checked offline: use secretKeyRef")
                    .isFalse();
            JsonNode configMap = m.configMap(from.path("configMapRef").path("name").asText());
            configMap
                    .path("data")
                    .fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode e : container.path("env")) {
            JsonNode ref = e.path("valueFrom");
            if (ref.has("secretKeyRef")) {
                env.put(
                        e.path("name").asText(),
                        "secret:"
                                + ref.path("secretKeyRef").path("name").asText()
                                + "/"
                                + ref.path("secretKeyRef").path("key").asText());
            } else if (ref.has("configMapKeyRef")) {
                JsonNode configMap = m.configMap(ref.path("configMapKeyRef").path("name").asText());
                env.put(
                        e.path("name").asText(),
                        configMap
                                .path("data")
                                .path(ref.path("configMapKeyRef").path("key").asText())
                                .asText());
            } else {
                env.put(e.path("name").asText(), e.path("value").asText());
            }
        }
        return env;
    }

    static JsonNode container(Manifests m, Service s) {
        JsonNode containers =
                m.one("Deployment", s.k8sName())
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers");
        assertThat(containers).as(s.k8sName() + " containers").hasSize(1);
        return containers.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theGatewayReachesEachServiceThroughAServiceThatExists(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        Map<String, String> env = environment(m, container(m, Service.GATEWAY));
        for (Service s : List.of(Service.REGISTRY, Service.PROJECTS, Service.INDICATORS)) {
            String variable = "INNOREG_" + s.events.toUpperCase() + "_URL";
            String url = env.get(variable);
            assertThat(url).as(variable).isNotNull();
            URI uri = URI.create(url);
            JsonNode service = m.one("Service", uri.getHost());
            assertThat(service.path("spec").path("ports"))
                    .anySatisfy(p -> assertThat(p.path("port").asInt()).isEqualTo(uri.getPort()));
            assertThat(uri.getPort()).isEqualTo(ServiceConfig.of(s).httpPort());
            assertThat(
                            service.path("spec")
                                    .path("selector")
                                    .path("app.kubernetes.io/name")
                                    .asText())
                    .isEqualTo(s.k8sName());
        }
    }

    // ------------------------------------------------------------------------------------------
    // probes, ports

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void probesAndPortsAreThoseTheServicesServe(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        assertThat(Repo.read(Repo.ROOT.resolve("chassis/pom.xml")))
                .as("the chassis brings SmallRye Health (the /q/health endpoints)")
                .contains("<artifactId>quarkus-smallrye-health</artifactId>");
        for (Service s : Service.values()) {
            ServiceConfig config = ServiceConfig.of(s);
            JsonNode c = container(m, s);
            assertThat(c.path("ports")).hasSize(1);
            assertThat(c.path("ports").get(0).path("containerPort").asInt())
                    .as(s + " port")
                    .isEqualTo(config.httpPort());
            String portName = c.path("ports").get(0).path("name").asText();
            Map<String, String> probes =
                    Map.of(
                            "startupProbe",
                            "startup",
                            "readinessProbe",
                            "readiness",
                            "livenessProbe",
                            "liveness");
            probes.forEach(
                    (probe, kind) -> {
                        JsonNode get = c.path(probe).path("httpGet");
                        assertThat(get.path("path").asText())
                                .as(overlay + " " + s + " " + probe)
                                .isEqualTo(config.healthPath(kind));
                        assertThat(get.path("port").asText())
                                .as(s + " " + probe + " port")
                                .isIn(portName, String.valueOf(config.httpPort()));
                    });
            assertThat(config.healthPath("liveness")).isEqualTo("/q/health/live");
            JsonNode service = m.one("Service", s.k8sName());
            assertThat(service.path("spec").path("ports").get(0).path("port").asInt())
                    .isEqualTo(config.httpPort());
            assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText())
                    .isIn(portName, String.valueOf(config.httpPort()));
            assertThat(c.path("image").asText())
                    .as(s + " image")
                    .matches("(.*/)?" + Pattern.quote(s.image()) + "[:@].*");
        }
    }

    // ------------------------------------------------------------------------------------------
    // production rules

    @Test
    void everyServiceRunsAsNonRootOnAReadOnlyRootWithRequestsAndLimitsAroundItsHeap() {
        Manifests m = Manifests.overlay("production");
        for (Service s : Service.values()) {
            JsonNode pod =
                    m.one("Deployment", s.k8sName()).path("spec").path("template").path("spec");
            JsonNode c = container(m, s);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .as(s + " runAsNonRoot")
                    .isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt())
                    .as(s + " runAsUser")
                    .isPositive();
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            assertThat(pod.path("enableServiceLinks").asBoolean(true))
                    .as("service links would add INNOREG_<NAME>_PORT=tcp://…")
                    .isFalse();
            assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean())
                    .as(s + " read-only root")
                    .isTrue();
            assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true))
                    .isFalse();
            assertThat(c.path("securityContext").path("capabilities").path("drop").toString())
                    .contains("ALL");
            assertThat(c.path("volumeMounts"))
                    .anySatisfy(v -> assertThat(v.path("mountPath").asText()).isEqualTo("/tmp"));
            JsonNode resources = c.path("resources");
            for (String side : List.of("requests", "limits")) {
                assertThat(resources.path(side).has("cpu")).as(s + " " + side + ".cpu").isTrue();
                assertThat(resources.path(side).has("memory"))
                        .as(s + " " + side + ".memory")
                        .isTrue();
            }
            long limit = mebibytes(resources.path("limits").path("memory").asText());
            long request = mebibytes(resources.path("requests").path("memory").asText());
            String javaOptions = environment(m, c).getOrDefault("JDK_JAVA_OPTIONS", "");
            Matcher xmx = Pattern.compile("-Xmx(\\d+)([mMgG])").matcher(javaOptions);
            assertThat(xmx.find()).as(s + " -Xmx in JDK_JAVA_OPTIONS").isTrue();
            long heap =
                    Long.parseLong(xmx.group(1)) * (xmx.group(2).equalsIgnoreCase("g") ? 1024 : 1);
            assertThat(heap).as(s + " -Xmx (MiB) matches the benchmark's").isEqualTo(256);
            assertThat(limit)
                    .as(s + " memory limit leaves room beside the heap for non-heap memory")
                    .isGreaterThanOrEqualTo(heap * 2);
            assertThat(request).isLessThanOrEqualTo(limit).isGreaterThan(heap);
            assertThat(pod.path("topologySpreadConstraints"))
                    .anySatisfy(
                            t -> {
                                assertThat(t.path("topologyKey").asText())
                                        .isEqualTo("topology.kubernetes.io/zone");
                                assertThat(t.path("whenUnsatisfiable").asText())
                                        .isEqualTo("DoNotSchedule");
                            });
            JsonNode hpa = m.one("HorizontalPodAutoscaler", s.k8sName()).path("spec");
            assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(s.k8sName());
            assertThat(hpa.path("minReplicas").asInt())
                    .as(s + " at least one per zone")
                    .isGreaterThanOrEqualTo(3);
            assertThat(
                            m.one("PodDisruptionBudget", s.k8sName())
                                    .path("spec")
                                    .path("selector")
                                    .path("matchLabels")
                                    .path("app.kubernetes.io/name")
                                    .asText())
                    .isEqualTo(s.k8sName());
            assertThat(m.one("Deployment", s.k8sName()).path("spec").has("replicas"))
                    .as("the HPA owns the replica count")
                    .isFalse();
        }
    }

    @Test
    void onlyTheGatewayIsReachableAndEachServiceReachesOnlyItsDatabaseAndKafka() {
        Manifests m = Manifests.overlay("production");
        JsonNode deny = m.one("NetworkPolicy", "innoreg-services-default-deny").path("spec");
        assertThat(deny.path("policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(deny.has("ingress") || deny.has("egress")).isFalse();
        for (Service s : Service.values()) {
            JsonNode policy = m.one("NetworkPolicy", s.k8sName()).path("spec");
            if (s == Service.GATEWAY) {
                assertThat(policy.path("ingress").toString()).contains("ingress-nginx");
            } else {
                assertThat(policy.path("ingress")).hasSize(1);
                assertThat(policy.path("ingress").get(0).path("from")).hasSize(1);
                assertThat(
                                policy.path("ingress")
                                        .get(0)
                                        .path("from")
                                        .get(0)
                                        .path("podSelector")
                                        .path("matchLabels")
                                        .path("app.kubernetes.io/name")
                                        .asText())
                        .isEqualTo("innoreg-gateway");
            }
            Set<String> databases = new TreeSet<>();
            boolean kafka = false;
            for (JsonNode rule : policy.path("egress")) {
                for (JsonNode to : rule.path("to")) {
                    assertThat(to.has("ipBlock"))
                            .as(s + " egress to addresses outside the cluster")
                            .isFalse();
                    JsonNode labels = to.path("podSelector").path("matchLabels");
                    if (labels.has("cnpg.io/cluster")) {
                        databases.add(labels.path("cnpg.io/cluster").asText());
                    }
                    kafka |= labels.path("strimzi.io/cluster").asText().equals("innoreg-kafka");
                }
            }
            assertThat(databases)
                    .as(s + " reaches its own database only")
                    .containsExactly(s.k8sName() + "-pg");
            assertThat(kafka).as(s + " reaches Kafka").isTrue();
        }
        JsonNode kafka = m.one("Kafka", "innoreg-kafka").path("spec").path("kafka");
        assertThat(kafka.path("listeners"))
                .allSatisfy(
                        l -> {
                            assertThat(l.path("tls").asBoolean()).isTrue();
                            assertThat(l.path("authentication").path("type").asText())
                                    .isEqualTo("scram-sha-512");
                            assertThat(l.path("networkPolicyPeers")).isNotEmpty();
                        });
    }

    @Test
    void postgresIsThreeSynchronousInstancesPerServiceWithADatabaseAndNightlyBackups() {
        Manifests m = Manifests.overlay("production");
        for (Service s : Service.values()) {
            String cluster = s.k8sName() + "-pg";
            JsonNode spec = m.one("Cluster", cluster).path("spec");
            assertThat(spec.path("instances").asInt()).isEqualTo(3);
            JsonNode sync = spec.path("postgresql").path("synchronous");
            assertThat(sync.path("number").asInt()).isBetween(1, 2);
            assertThat(sync.path("dataDurability").asText()).isIn("required", "preferred");
            assertThat(
                            spec.path("backup")
                                    .path("barmanObjectStore")
                                    .path("destinationPath")
                                    .asText())
                    .isNotBlank();
            String database = "innoreg_" + s.events;
            assertThat(spec.path("bootstrap").path("initdb").path("database").asText())
                    .isEqualTo(database);
            assertThat(
                            m.all("Database")
                                    .filter(
                                            d ->
                                                    d.path("spec")
                                                            .path("cluster")
                                                            .path("name")
                                                            .asText()
                                                            .equals(cluster))
                                    .map(d -> d.path("spec").path("name").asText()))
                    .containsExactly(database);
            assertThat(
                            m.all("ScheduledBackup")
                                    .filter(
                                            b ->
                                                    b.path("spec")
                                                            .path("cluster")
                                                            .path("name")
                                                            .asText()
                                                            .equals(cluster)))
                    .hasSize(1);
            Map<String, String> env = environment(m, container(m, s));
            assertThat(env.get("PGHOST")).isEqualTo(cluster + "-rw");
            assertThat(env.get("INNOREG_" + s.events.toUpperCase() + "_DB")).isEqualTo(database);
            assertThat(env.get("PGPASSWORD")).isEqualTo("secret:" + cluster + "-app/password");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void secretsAreReferencedNeverCommittedAndEachIsInTheOperatorsGuide(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        assertThat(m.all("Secret")).isEmpty();
        Set<String> referenced = new TreeSet<>();
        m.objects.forEach(o -> walk(o, referenced));
        assertThat(referenced).isNotEmpty();
        String guide = Repo.read(Repo.K8S.resolve("README.md"));
        assertThat(guide).contains("## Secrets");
        String secretsSection = guide.substring(guide.indexOf("## Secrets"));
        assertThat(referenced)
                .allSatisfy(
                        name ->
                                assertThat(secretsSection)
                                        .as("README's Secrets section names " + name)
                                        .contains(name));
    }

    /**
     * Names of Secrets the objects refer to: secretKeyRef, secret volumes, CloudNativePG
     * credentials, Ingress TLS.
     */
    private static void walk(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            if (node.has("secretKeyRef")) {
                into.add(node.path("secretKeyRef").path("name").asText());
            }
            if (node.path("secretName").isTextual()) {
                into.add(node.path("secretName").asText());
            }
            for (String credentials : List.of("accessKeyId", "secretAccessKey")) {
                if (node.path(credentials).has("name") && node.path(credentials).has("key")) {
                    into.add(node.path(credentials).path("name").asText());
                }
            }
            node.fields().forEachRemaining(e -> walk(e.getValue(), into));
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, into));
        }
    }

    static long mebibytes(String quantity) {
        Matcher q = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(q.matches()).as("memory quantity " + quantity + " in Mi or Gi").isTrue();
        return Long.parseLong(q.group(1)) * (q.group(2).equals("Gi") ? 1024 : 1);
    }
}
