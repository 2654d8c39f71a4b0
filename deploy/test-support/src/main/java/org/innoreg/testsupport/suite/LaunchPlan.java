package org.innoreg.testsupport.suite;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innoreg.testsupport.FreePorts;
import org.innoreg.testsupport.suite.Suite.Service;

/** What {@link Launcher} is asked to start, read from its command line. */
final class LaunchPlan {

    static final String USAGE =
            """
            usage: Launcher [options]
              --service [LABEL=]KIND[:PORT]  start a service: KIND registry, projects, indicators or gateway
                                             (or its module name); PORT 0 or none: a free one; LABEL names
                                             its log and output line (default KIND); repeatable, in order
              --bootstrap HOST:PORT          use this Kafka instead of starting a broker
              --kafka-port PORT              the broker's port (default: a free one)
              --kafka-controller-port PORT   its KRaft controller's port (default: a free one)
              --kafka-data DIR               its data directory, kept (default: a temporary one, removed)
              --db KIND=DATABASE             the service's database (INNOREG_<KIND>_DB)
              --jwt-public-key FILE          the key the services trust (default: the test key pair's)
              --env VAR=VALUE                an environment variable of every service (repeatable)
              --jvm-options "OPTIONS"        replace the default JVM options (JvmOptions.SERVICE)
              --jvm-option OPTION            add one option after them; {name} becomes the service's label
              --logs DIR                     where the logs go (default target/launcher/<stamp>)
              --root DIR                     the checkout whose packaged services run (default: found upwards)
              --ready-seconds N              how long each may take to become ready (default 180)
              --sequential                   start one at a time, each after the one before is ready
                                             (start-up seconds then measure a service alone)
              --exit-with-parent             stop everything when the process that started this one ends
            """;

    /** One service to start. */
    record Entry(String label, Service kind, int port) {}

    final List<Entry> services = new ArrayList<>();
    final Map<Service, String> databases = new EnumMap<>(Service.class);
    final Map<String, String> environment = new LinkedHashMap<>();
    List<String> jvmOptions = JvmOptions.SERVICE;
    final List<String> extraJvmOptions = new ArrayList<>();
    String bootstrap;
    int kafkaPort;
    int kafkaControllerPort;
    Path kafkaData;
    Path jwtPublicKey;
    Path logs;
    Path root;
    int readySeconds = 180;
    boolean sequential;
    boolean exitWithParent;

    static LaunchPlan parse(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("what to start?");
        }
        LaunchPlan plan = new LaunchPlan();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--sequential")) {
                plan.sequential = true;
                continue;
            }
            if (option.equals("--exit-with-parent")) {
                plan.exitWithParent = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--service" -> plan.services.add(entry(value));
                case "--bootstrap" -> plan.bootstrap = value;
                case "--kafka-port" -> plan.kafkaPort = Integer.parseInt(value);
                case "--kafka-controller-port" ->
                        plan.kafkaControllerPort = Integer.parseInt(value);
                case "--kafka-data" -> plan.kafkaData = Paths.get(value).toAbsolutePath();
                case "--db" -> plan.databases.put(kind(before(value, '=')), after(value, '='));
                case "--jwt-public-key" -> plan.jwtPublicKey = Paths.get(value).toAbsolutePath();
                case "--env" -> plan.environment.put(before(value, '='), after(value, '='));
                case "--jvm-options" ->
                        plan.jvmOptions =
                                Arrays.stream(value.trim().split("\\s+"))
                                        .filter(o -> !o.isEmpty())
                                        .toList();
                case "--jvm-option" -> plan.extraJvmOptions.add(value);
                case "--logs" -> plan.logs = Paths.get(value).toAbsolutePath();
                case "--root" -> plan.root = Paths.get(value).toAbsolutePath().normalize();
                case "--ready-seconds" -> plan.readySeconds = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if (plan.services.isEmpty() && plan.bootstrap != null) {
            throw new IllegalArgumentException("nothing to start: --bootstrap and no --service");
        }
        return plan;
    }

    /** The JVM options of one service: the defaults or the replacement, then the additions. */
    List<String> jvmOptionsOf(String label) {
        List<String> all = new ArrayList<>(jvmOptions);
        extraJvmOptions.forEach(o -> all.add(o.replace("{name}", label)));
        return all;
    }

    /** A port given, or a free one chosen now, so that the gateway can be told it up front. */
    static int portOrFree(int port) {
        return port > 0 ? port : FreePorts.next();
    }

    private static Entry entry(String value) {
        String label = value.contains("=") ? before(value, '=') : null;
        String rest = value.contains("=") ? after(value, '=') : value;
        Service kind = kind(rest.contains(":") ? before(rest, ':') : rest);
        int port = rest.contains(":") ? Integer.parseInt(after(rest, ':')) : 0;
        return new Entry(label != null ? label : kind.shortName, kind, port);
    }

    static Service kind(String name) {
        for (Service service : Service.values()) {
            if (service.shortName.equals(name) || service.module.equals(name)) {
                return service;
            }
        }
        throw new IllegalArgumentException(
                "no service " + name + " (registry, projects, indicators, gateway)");
    }

    private static String before(String value, char separator) {
        int at = value.indexOf(separator);
        if (at < 0) {
            throw new IllegalArgumentException("expected " + separator + " in " + value);
        }
        return value.substring(0, at);
    }

    private static String after(String value, char separator) {
        return value.substring(value.indexOf(separator) + 1);
    }
}
