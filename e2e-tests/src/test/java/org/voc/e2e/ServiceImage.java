package org.voc.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's OCI image (built by {@code ./voc images}) run in a container as the chart runs it in a pod: UID 185, a
 * read-only root filesystem with a writable /tmp, the chart's memory limit and JVM options; host networking, so the
 * test infrastructure on localhost is reached as by the JVM mode. Enabled by {@code -Dvoc.e2e.images=<tag>}.
 */
final class ServiceImage {

    /** The chart's default {@code jvm.options}, which it puts in JAVA_TOOL_OPTIONS: read, so the two never drift. */
    private static final String CHART_JVM_OPTIONS = chartJvmOptions();

    private final String service;
    private final String container;

    ServiceImage(String service, int port) {
        this.service = service;
        this.container = "voc-e2e-" + service + "-" + port;
    }

    static boolean enabled() {
        return !System.getProperty("voc.e2e.images", "").isBlank();
    }

    /**
     * The settings a container needs from the test's environment (the test infrastructure's VOC_* variables, any
     * QUARKUS_* override) and the JVM options the chart sets. A container inherits nothing from its host.
     */
    static Map<String, String> infrastructureSettings() {
        Map<String, String> settings = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("VOC_") || name.startsWith("QUARKUS_")) {
                settings.put(name, value);
            }
        });
        settings.put("JAVA_TOOL_OPTIONS", System.getProperty("voc.e2e.jvm-options", CHART_JVM_OPTIONS));
        return settings;
    }

    String reference() {
        return "localhost/voc-" + service + ":" + System.getProperty("voc.e2e.images");
    }

    /** {@code podman run} in the foreground: the test's process is the podman client, which relays SIGTERM. */
    List<String> runCommand(Collection<String> environmentNames) {
        List<String> command = new ArrayList<>(podman());
        command.addAll(List.of(
                "run",
                "--rm",
                "--replace",
                "--name",
                container,
                "--network",
                "host",
                "--user",
                "185:185",
                "--read-only",
                // Only /tmp is writable, as the chart's emptyDir; podman would add tmpfs on /run and /var/tmp too.
                "--read-only-tmpfs=false",
                "--tmpfs",
                "/tmp:rw,size=256m,mode=1777",
                "--memory",
                System.getProperty("voc.e2e.image-memory", "512m"), // the chart's default limit
                // Without explicit limits runc fails on this machine's rlimits (docs/operations.md, "Images").
                "--ulimit",
                "nofile=4096:4096",
                "--ulimit",
                "nproc=4096:4096"));
        environmentNames.forEach(name -> command.addAll(List.of("-e", name)));
        command.add(reference());
        return command;
    }

    /** SIGKILL to the container's JVM. */
    void kill() {
        podmanOutput("kill", "--signal", "KILL", container);
    }

    /** Removes the container whatever its state: a podman client that was killed leaves it running. */
    void remove() {
        try {
            podmanOutput("rm", "--force", "--ignore", container);
        } catch (RuntimeException e) {
            // best effort at clean-up; `./voc images test` removes leftovers too
        }
    }

    /** PID of the container's JVM (its PID 1) on the host. */
    long pid() {
        return Long.parseLong(
                podmanOutput("inspect", "--format", "{{.State.Pid}}", container).trim());
    }

    /** A line of the JVM's /proc status, e.g. {@code Uid} or {@code VmRSS}. */
    String status(String field) {
        return read("status")
                .lines()
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1).trim())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + field + " in /proc/" + pid() + "/status"));
    }

    /** Mount options of the container's root filesystem, as its JVM sees them (the last mount on / is visible). */
    List<String> rootMountOptions() {
        return read("mountinfo")
                .lines()
                .map(line -> line.split(" "))
                .filter(fields -> fields[4].equals("/"))
                .map(fields -> Arrays.asList(fields[5].split(",")))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    /** Resident memory of the container's JVM in MiB. */
    long rssMib() {
        return Long.parseLong(status("VmRSS").replace("kB", "").trim()) / 1024;
    }

    /** Uncompressed size of the image in MB (10^6 bytes), as podman reports it. */
    long sizeMb() {
        return Long.parseLong(podmanOutput("image", "inspect", "--format", "{{.Size}}", reference())
                        .trim())
                / 1_000_000;
    }

    private String read(String procFile) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid()), procFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> podman() {
        return Arrays.asList(System.getProperty("voc.e2e.podman", "podman --runtime runc --cgroup-manager cgroupfs")
                .trim()
                .split("\\s+"));
    }

    private static String podmanOutput(String... arguments) {
        List<String> command = new ArrayList<>(podman());
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String chartJvmOptions() {
        Path values = Path.of(System.getProperty("voc.repo.root", ".."), "helm", "voc-platform", "values.yaml");
        try {
            Matcher options = Pattern.compile("(?m)^jvm:\\n(?:[ #].*\\n)*?  options: \"([^\"]*)\"")
                    .matcher(Files.readString(values, StandardCharsets.UTF_8));
            if (!options.find()) {
                throw new IllegalStateException("No jvm.options in " + values);
            }
            return options.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
