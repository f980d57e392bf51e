import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Waits for the local Kafka broker and creates the VoC topics idempotently, all from ONE JVM (a JVM start
 * per topic with kafka-topics would cost ~2 s each).
 *
 * <p>Run as a single-file program (JDK 17+), with the broker jars on the class path:
 * <pre>
 *   java -cp '.local/dist/kafka/libs/*' local/CreateTopics.java localhost:19092 local/kafka-topics.conf \
 *        [--wait-pid PID] [--timeout SECONDS]
 *   java -cp '.local/dist/kafka/libs/*' local/CreateTopics.java localhost:19092 --describe
 * </pre>
 * Exit codes: 0 ok, 1 broker not reachable in time (or its process died), 2 any other error.
 */
public class CreateTopics {

    record TopicSpec(String name, int partitions, Map<String, String> configs) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "usage: CreateTopics <bootstrap> <topics-file>|--describe [--wait-pid PID] [--timeout SECONDS]");
            System.exit(2);
        }
        String bootstrap = args[0];
        long waitPid = -1;
        long timeoutSeconds = 90;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--wait-pid" -> waitPid = Long.parseLong(args[++i]);
                case "--timeout" -> timeoutSeconds = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown option: " + args[i]);
                    System.exit(2);
                }
            }
        }

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "voc-create-topics");
        // Short timeouts: we poll in our own loop with an overall deadline instead.
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (Admin admin = Admin.create(props)) {
            if (!waitForBroker(admin, waitPid, deadline)) {
                System.exit(1);
            }
            if (args[1].equals("--describe")) {
                describe(admin);
            } else {
                ensureTopics(admin, parse(Path.of(args[1])), deadline);
            }
        }
    }

    /** Polls until the broker answers a metadata request; gives up early if the broker process is gone. */
    static boolean waitForBroker(Admin admin, long pid, long deadline) throws InterruptedException {
        while (true) {
            try {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return true;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // not up yet
            }
            if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
                System.err.println("Kafka process " + pid + " exited before the broker became ready");
                return false;
            }
            if (System.nanoTime() > deadline) {
                System.err.println("Kafka broker did not answer in time");
                return false;
            }
            Thread.sleep(300);
        }
    }

    static List<TopicSpec> parse(Path file) throws IOException {
        List<TopicSpec> specs = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            Map<String, String> configs = new LinkedHashMap<>();
            for (int i = 2; i < f.length; i++) {
                String[] kv = f[i].split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException(file + ": bad config '" + f[i] + "' in line: " + raw);
                }
                configs.put(kv[0], kv[1]);
            }
            specs.add(new TopicSpec(f[0], Integer.parseInt(f[1]), configs));
        }
        return specs;
    }

    static void ensureTopics(Admin admin, List<TopicSpec> specs, long deadline) throws Exception {
        Set<String> existing = admin.listTopics().names().get();
        List<TopicSpec> missing = specs.stream().filter(s -> !existing.contains(s.name())).toList();
        List<TopicSpec> present = specs.stream().filter(s -> existing.contains(s.name())).toList();

        List<String> created = new ArrayList<>();
        List<TopicSpec> todo = new ArrayList<>(missing);
        // Right after start-up the broker may still be fenced: retry retriable errors until the deadline.
        while (!todo.isEmpty()) {
            List<NewTopic> newTopics = todo.stream()
                    .map(s -> new NewTopic(s.name(), s.partitions(), (short) 1).configs(s.configs()))
                    .toList();
            Map<String, org.apache.kafka.common.KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
            List<TopicSpec> retry = new ArrayList<>();
            for (TopicSpec s : todo) {
                try {
                    results.get(s.name()).get();
                    created.add(s.name());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        continue; // created concurrently: fine
                    }
                    // A broker that answers metadata may not be registered as a replica yet.
                    boolean transientError = e.getCause() instanceof RetriableException
                            || e.getCause() instanceof InvalidReplicationFactorException;
                    if (transientError && System.nanoTime() < deadline) {
                        retry.add(s);
                        continue;
                    }
                    System.err.println("Cannot create topic " + s.name() + ": " + e.getCause());
                    System.exit(2);
                }
            }
            todo = retry;
            if (!todo.isEmpty()) {
                Thread.sleep(500);
            }
        }

        warnOnMismatch(admin, present);
        System.out.println("topics: " + created.size() + " created" + (created.isEmpty() ? "" : " " + created)
                + ", " + (specs.size() - created.size()) + " already present");
    }

    /** Existing topics are left alone; differences from the spec are only reported. */
    static void warnOnMismatch(Admin admin, List<TopicSpec> present) throws Exception {
        if (present.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(present.stream().map(TopicSpec::name).toList()).allTopicNames().get();
        Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList()).all().get();
        for (TopicSpec s : present) {
            int actual = descriptions.get(s.name()).partitions().size();
            if (actual != s.partitions()) {
                System.err.println("WARN topic " + s.name() + " has " + actual + " partitions, spec says "
                        + s.partitions() + " (not changed)");
            }
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, s.name()));
            s.configs().forEach((k, v) -> {
                ConfigEntry entry = config.get(k);
                if (entry == null || !v.equals(entry.value())) {
                    System.err.println("WARN topic " + s.name() + " has " + k + "="
                            + (entry == null ? "?" : entry.value()) + ", spec says " + v + " (not changed)");
                }
            });
        }
    }

    static void describe(Admin admin) throws Exception {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get();
        Map<String, TopicDescription> descriptions = new TreeMap<>(admin.describeTopics(names).allTopicNames().get());
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).collect(Collectors.toList())).all().get();
        System.out.printf("%-24s %10s  %s%n", "TOPIC", "PARTITIONS", "cleanup.policy");
        descriptions.forEach((name, d) -> System.out.printf("%-24s %10d  %s%n", name, d.partitions().size(),
                configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).get("cleanup.policy").value()));
    }
}
